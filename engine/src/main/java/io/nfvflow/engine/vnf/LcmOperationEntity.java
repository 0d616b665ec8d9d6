package io.nfvflow.engine.vnf;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One lifecycle request against a VNF; exactly one process instance, whose business key is this
 * operation's id. States follow ETSI SOL003 (FAILED_TEMP is derived from an open incident).
 */
@Entity
@Table(name = "nfv_lcm_operation", indexes = @Index(columnList = "vnfId"))
public class LcmOperationEntity {

  @Id String id;

  String vnfId;

  /** INSTANTIATE, TERMINATE, ... */
  String operation;

  /** STARTING, PROCESSING, COMPLETED, FAILED, ROLLED_BACK. */
  String state;

  String processDefinitionKey;
  String processInstanceId;

  @Column(length = 4000)
  String error;

  Instant startedAt;
  Instant endedAt;
}
