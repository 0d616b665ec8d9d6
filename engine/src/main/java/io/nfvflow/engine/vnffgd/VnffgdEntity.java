package io.nfvflow.engine.vnffgd;

import io.nfvflow.engine.tacker.JsonColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.Length;

/**
 * A VNFFG descriptor. The template is kept as the JSON text of the TOSCA object, as it was given
 * and validated (the API answers it as an object: {@code template.vnffgd}).
 */
@Entity
@Table(name = "nfv_vnffgd")
public class VnffgdEntity {

  static final String ONBOARDED = "onboarded";
  static final String INLINE = "inline";

  @Id String id;

  @Column(unique = true, nullable = false, length = 512)
  String name;

  /** Never null: {@code ""} when neither the request nor the template has one. */
  @Column(length = VnffgdCatalogue.MAX_DESCRIPTION, nullable = false)
  String description;

  String tenantId;

  /** {@code onboarded} (POST /vnffgds) or {@code inline} (a VNFFG's vnffgd_template). */
  @Column(nullable = false)
  String templateSource;

  @Column(length = Length.LONG32, nullable = false)
  String template;

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

  /** {@code onboarded} or {@code inline}. */
  public String getTemplateSource() {
    return templateSource;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isInline() {
    return INLINE.equals(templateSource);
  }

  /** The TOSCA object (a fresh copy: maps, lists, strings, numbers, booleans). */
  public Map<String, Object> template() {
    return JsonColumns.map(template);
  }
}
