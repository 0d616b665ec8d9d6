package io.nfvflow.lcm;

/**
 * The kinds of lifecycle operation. Each names its workflow ({@code metadata.workflows.<key>} in
 * the VNFD, else {@code vnf-<key>}), the Tacker event type of its events and the status a VNF has
 * while it runs.
 */
public enum OperationType {
  INSTANTIATE("instantiate", "CREATE"),
  SCALE("scale", "SCALE"),
  HEAL("heal", "HEAL"),
  UPDATE("update", "UPDATE"),
  TERMINATE("terminate", "DELETE"),
  /** A workflow a VNFD names for an operation nfvflow has no model of its own for. */
  CUSTOM("custom", "UPDATE");

  private final String key;
  private final String eventType;

  OperationType(String key, String eventType) {
    this.key = key;
    this.eventType = eventType;
  }

  /** The key under {@code metadata.workflows} in a VNFD. */
  public String key() {
    return key;
  }

  /** The default workflow: {@code vnf-<key>}. */
  public String defaultWorkflow() {
    return "vnf-" + key;
  }

  /** Tacker's event type for this operation's events: CREATE, SCALE, HEAL, UPDATE, DELETE. */
  public String eventType() {
    return eventType;
  }

  /** The VNF's status while the operation runs (scale: see {@link #pendingStatus(boolean)}). */
  public VnfStatus pendingStatus() {
    return switch (this) {
      case INSTANTIATE -> VnfStatus.PENDING_CREATE;
      case SCALE -> VnfStatus.PENDING_SCALE_OUT;
      case HEAL -> VnfStatus.PENDING_HEAL;
      case UPDATE, CUSTOM -> VnfStatus.PENDING_UPDATE;
      case TERMINATE -> VnfStatus.PENDING_DELETE;
    };
  }

  /** A scale's status: PENDING_SCALE_OUT or PENDING_SCALE_IN. */
  public VnfStatus pendingStatus(boolean out) {
    if (this != SCALE) {
      return pendingStatus();
    }
    return out ? VnfStatus.PENDING_SCALE_OUT : VnfStatus.PENDING_SCALE_IN;
  }

  /**
   * The VNF's status when the operation failed for good. A failed instantiate leaves ERROR (what it
   * made is removed); a terminate that cannot finish leaves ERROR; any other operation that could
   * not roll back leaves ERROR too. A rolled-back operation leaves the VNF ACTIVE.
   */
  public VnfStatus failedStatus() {
    return VnfStatus.ERROR;
  }
}
