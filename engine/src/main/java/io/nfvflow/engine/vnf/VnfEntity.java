package io.nfvflow.engine.vnf;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A VNF: an instance of a VNFD on one VIM. */
@Entity
@Table(name = "nfv_vnf")
public class VnfEntity {

  @Id String id;

  @Column(unique = true, nullable = false)
  String name;

  @Column(length = 1000)
  String description;

  String tenantId;
  String vnfdId;
  String vimId;
  String status;

  @Column(length = 4000)
  String errorReason;

  /** Management address per VDU, as a JSON object string (as Tacker answers it). */
  @Column(length = 4000)
  String mgmtIpAddress;

  /** {@code attributes.param_values} as JSON. */
  @Lob String paramValues;

  Instant createdAt;
  Instant updatedAt;
}
