package io.nfvflow.lcm;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a lifecycle operation (ETSI SOL003 LcmOperationStateType), with its allowed moves.
 * FAILED_TEMP is what an operation shows while one of its steps has an open incident: an operator
 * retries the step (back to PROCESSING) or gives up (FAILED).
 */
public enum OperationState {
  STARTING,
  PROCESSING,
  COMPLETED,
  FAILED_TEMP,
  FAILED,
  ROLLED_BACK;

  /** Whether the operation still runs (the VNF is busy). */
  public boolean isRunning() {
    return this == STARTING || this == PROCESSING || this == FAILED_TEMP;
  }

  public boolean canMoveTo(OperationState next) {
    return allowedNext().contains(next);
  }

  private Set<OperationState> allowedNext() {
    return switch (this) {
      case STARTING -> EnumSet.of(PROCESSING, FAILED);
      case PROCESSING, FAILED_TEMP ->
          EnumSet.of(PROCESSING, FAILED_TEMP, COMPLETED, FAILED, ROLLED_BACK);
      case COMPLETED, FAILED, ROLLED_BACK -> EnumSet.noneOf(OperationState.class);
    };
  }

  /** The states in which an operation runs, for queries. */
  public static Set<OperationState> running() {
    return EnumSet.of(STARTING, PROCESSING, FAILED_TEMP);
  }
}
