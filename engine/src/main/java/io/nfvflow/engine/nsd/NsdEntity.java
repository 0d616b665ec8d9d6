package io.nfvflow.engine.nsd;

import io.nfvflow.engine.tacker.JsonColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.Length;

/**
 * A network service descriptor. The template is kept as the JSON text of the TOSCA object as it was
 * given and validated; {@code vnfds} maps each VNF node type it uses to the onboarded VNFD that
 * declares it, as resolved at onboarding.
 */
@Entity
@Table(name = "nfv_nsd")
public class NsdEntity {

  static final String ONBOARDED = "onboarded";
  static final String INLINE = "inline";

  @Id String id;

  @Column(unique = true, nullable = false, length = 512)
  String name;

  /** Never null. */
  @Column(length = NsdCatalogue.MAX_DESCRIPTION, nullable = false)
  String description;

  String tenantId;

  @Column(nullable = false)
  String templateSource;

  @Column(length = Length.LONG32, nullable = false)
  String template;

  /** Node type → VNFD id, as JSON. */
  @Column(length = 4000, nullable = false)
  String vnfds;

  Instant createdAt;

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getTenantId() {
    return tenantId;
  }

  public boolean isInline() {
    return INLINE.equals(templateSource);
  }

  /** The TOSCA object (a fresh copy). */
  public Map<String, Object> template() {
    return JsonColumns.map(template);
  }

  /** Node type → VNFD id. */
  public Map<String, String> vnfdsByNodeType() {
    return JsonColumns.stringMap(vnfds);
  }
}
