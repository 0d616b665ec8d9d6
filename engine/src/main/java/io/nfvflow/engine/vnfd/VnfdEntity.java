package io.nfvflow.engine.vnfd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** An onboarded VNF descriptor. The template is kept as YAML text, exactly as validated. */
@Entity
@Table(name = "nfv_vnfd")
public class VnfdEntity {

  @Id String id;

  @Column(unique = true, nullable = false)
  String name;

  @Column(length = 1000)
  String description;

  String tenantId;

  /** {@code onboarded} (POST /vnfds) or {@code inline} (a VNF's vnfd_template). */
  String templateSource;

  @Lob String template;

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
