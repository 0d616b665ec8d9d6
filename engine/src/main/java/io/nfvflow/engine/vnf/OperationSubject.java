package io.nfvflow.engine.vnf;

import io.nfvflow.lcm.VnfStatus;

/**
 * The thing an operation runs on (a VNF, a VNFFG): what the operation model reads and moves. Its
 * statuses are {@link VnfStatus} values (a VNFFG uses PENDING_CREATE, ACTIVE, PENDING_UPDATE,
 * PENDING_DELETE and ERROR).
 */
public interface OperationSubject {

  SubjectKind kind();

  String id();

  String name();

  /** The current status; {@code null} for a new subject whose first operation begins. */
  VnfStatus status();

  /** Moves to a status (the event is written by {@link Operations}). */
  void moveTo(VnfStatus status);

  /** Sets or clears ({@code null}) the reason shown as {@code error_reason}. */
  void errorReason(String reason);

  /** The reason shown as {@code error_reason}, or {@code null}. */
  String errorReason();

  /** Whether an operation whose pending status is {@code next} may begin from the current one. */
  default boolean canMoveTo(VnfStatus next) {
    return status() == null || status().canMoveTo(next);
  }
}
