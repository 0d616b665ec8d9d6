package io.nfvflow.lcm;

import java.util.EnumSet;
import java.util.Set;

/** A VNF's status, as the Tacker API shows it, with the moves allowed between statuses. */
public enum VnfStatus {
  PENDING_CREATE,
  ACTIVE,
  PENDING_SCALE_OUT,
  PENDING_SCALE_IN,
  PENDING_HEAL,
  PENDING_UPDATE,
  PENDING_DELETE,
  ERROR,
  DEAD;

  /**
   * Whether a VNF may move from this status to {@code next}. An operation starts from ACTIVE (a
   * terminate also from ERROR, and a forced one from anywhere), a pending status ends in ACTIVE or
   * ERROR, and the end of a terminate is DEAD (the VNF leaves the inventory).
   */
  public boolean canMoveTo(VnfStatus next) {
    return allowedNext().contains(next);
  }

  private Set<VnfStatus> allowedNext() {
    return switch (this) {
      case ACTIVE ->
          EnumSet.of(
              PENDING_SCALE_OUT, PENDING_SCALE_IN, PENDING_HEAL, PENDING_UPDATE, PENDING_DELETE);
      case ERROR -> EnumSet.of(PENDING_DELETE, PENDING_HEAL);
      case PENDING_DELETE -> EnumSet.of(DEAD, ERROR, PENDING_DELETE);
      case DEAD -> EnumSet.noneOf(VnfStatus.class);
      default -> EnumSet.of(ACTIVE, ERROR, PENDING_DELETE);
    };
  }
}
