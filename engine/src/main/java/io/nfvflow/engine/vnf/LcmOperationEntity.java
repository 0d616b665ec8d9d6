package io.nfvflow.engine.vnf;

import io.nfvflow.lcm.OperationState;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.lcm.VnfStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.Length;

/**
 * One lifecycle request against a VNF; exactly one process instance, whose business key is this
 * operation's id. States follow ETSI SOL003 (FAILED_TEMP is derived from an open incident). A
 * scale's target is written here before any VIM call, so a retried step aims at the same number.
 */
@Entity
@Table(
    name = "nfv_lcm_operation",
    indexes = @Index(name = "ix_lcm_operation_subject", columnList = "vnf_id"))
public class LcmOperationEntity {

  @Id String id;

  /**
   * Optimistic lock: its steps, a forced delete and the heal selection of any node write it; a
   * write based on a stale read fails instead of overwriting (409 for a request, a retried job for
   * a workflow step).
   */
  @Version Long version;

  /** The id of what the operation runs on: a VNF's, or a VNFFG's (see {@link #subject}). */
  @Column(name = "vnf_id")
  String subjectId;

  /** What the operation runs on; {@code null} (rows written before VNFFGs existed) is a VNF. */
  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  SubjectKind subject;

  /** What the operation runs on. */
  SubjectKind subjectKind() {
    return subject == null ? SubjectKind.VNF : subject;
  }

  @Column(name = "operation", length = 32)
  @Enumerated(EnumType.STRING)
  OperationType type;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  OperationState state;

  /** The VNF's status when the operation began (a rollback returns to it). */
  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  VnfStatus statusBefore;

  String processDefinitionKey;
  String processInstanceId;

  /** A scale's policy, its instances before and its target. */
  String scalePolicy;

  Integer scaleFrom;
  Integer scaleTo;

  /** Why the operation was started (an alarm trigger, an operator's cause), if known. */
  @Column(length = 1000)
  String cause;

  @Column(length = 4000)
  String error;

  /** A heal's named VDUs and instances (comma-separated); both empty: the whole VNF. */
  @Column(length = 2000)
  String healVdus;

  @Column(length = 2000)
  String healInstances;

  /** The instances a heal replaces, chosen once by its first step (JSON), or null until then. */
  @Column(length = Length.LONG32)
  String healSelected;

  /** What the VIM's diagnosis found wrong when a heal chose its instances, or null. */
  @Column(length = 2000)
  String healFound;

  /** Started by nfvflow's own detection (a heal), not by a request. */
  Boolean automatic;

  /** Marks an operation nfvflow started by itself, with the reason. */
  public void automatic(String why) {
    automatic = true;
    cause = why == null || why.length() <= 1000 ? why : why.substring(0, 997) + "...";
  }

  /** When the VIM's change that started an automatic heal happened, if the VIM told. */
  Instant changedAt;

  Instant startedAt;
  Instant endedAt;

  /** A scale's direction for messages: {@code out} or {@code in}. */
  String scaleDirection() {
    return scaleTo != null && scaleFrom != null && scaleTo < scaleFrom ? "in" : "out";
  }
}
