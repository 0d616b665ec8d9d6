package io.nfvflow.engine.vnf;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One VIM-side instance of a VDU (a pod, a server) as the VIM last reported it: part of a VNF's
 * instantiated state.
 */
@Entity
@Table(
    name = "nfv_vnf_instance",
    indexes = @Index(name = "ix_vnf_instance_vnf", columnList = "vnfId"))
public class VnfInstanceEntity {

  /** {@code <vnf id>/<position>}. */
  @Id String id;

  String vnfId;
  int position;
  String vdu;

  /** The instance's id on the VIM (pod uid, server id). */
  String vimInstanceId;

  String name;
  String status;

  /** Its IP addresses, as a JSON list. */
  @Column(length = 2000)
  String addresses;

  /** Connection point → network port id, as a JSON object. */
  @Column(length = 4000)
  String ports;

  protected VnfInstanceEntity() {}

  VnfInstanceEntity(String vnfId, int position) {
    this.id = vnfId + "/" + position;
    this.vnfId = vnfId;
    this.position = position;
  }
}
