package io.nfvflow.engine.vnf;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The desired number of instances of one scaling policy of a VNF: part of its instantiated state.
 * During a scale it is already the target; a rollback sets it back.
 */
@Entity
@Table(name = "nfv_vnf_scale", indexes = @Index(name = "ix_vnf_scale_vnf", columnList = "vnfId"))
public class VnfScaleEntity {

  /** {@code <vnf id>/<policy>}. */
  @Id String id;

  /**
   * Optimistic lock: a scale request, its rollback and the autoscale recorder write it; a write
   * based on a stale read fails instead of overwriting (409 for a request, a retried job for a
   * workflow step).
   */
  @Version Long version;

  String vnfId;
  String policy;
  int instances;

  /**
   * The operator's level when an autoscaler has scaled since (its floor), else null: the floor is
   * {@code instances}.
   */
  @jakarta.persistence.Column(name = "autoscaler_floor")
  Integer floor;

  protected VnfScaleEntity() {}

  VnfScaleEntity(String vnfId, String policy, int instances) {
    this.id = vnfId + "/" + policy;
    this.vnfId = vnfId;
    this.policy = policy;
    this.instances = instances;
  }
}
