package io.nfvflow.engine.vnfd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.Length;

/** An onboarded VNF descriptor. The template is kept as YAML text, exactly as validated. */
@Entity
@Table(name = "nfv_vnfd")
public class VnfdEntity {

  @Id String id;

  /**
   * Optimistic lock: a rename and a delete may race; a write based on a stale read fails instead of
   * overwriting (409 for a request, a retried job for a workflow step).
   */
  @Version Long version;

  @Column(unique = true, nullable = false)
  String name;

  @Column(length = 1000)
  String description;

  String tenantId;

  /** {@code onboarded} (POST /vnfds) or {@code inline} (a VNF's vnfd_template). */
  String templateSource;

  @Column(length = Length.LONG32)
  String template;

  Instant createdAt;
  Instant updatedAt;

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getTemplate() {
    return template;
  }

  public boolean isInline() {
    return "inline".equals(templateSource);
  }
}
