package io.nfvflow.engine.vnf;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The desired number of instances of one scaling policy of a VNF: part of its instantiated state.
 * During a scale it is already the target; a rollback sets it back.
 */
@Entity
@Table(name = "nfv_vnf_scale", indexes = @Index(columnList = "vnfId"))
public class VnfScaleEntity {

  /** {@code <vnf id>/<policy>}. */
  @Id String id;

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
