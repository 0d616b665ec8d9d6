package io.nfvflow.vim.openstack;

/**
 * Where a VNF's Heat stack stands, as the BPMN poll loops need it.
 *
 * @param stack the stack's name
 * @param phase what the poll loop does next
 * @param heatStatus Heat's {@code stack_status} (for example {@code CREATE_IN_PROGRESS}), or {@code
 *     null} when there is no stack
 * @param reason Heat's {@code stack_status_reason}, or {@code null}
 */
public record StackStatus(String stack, Phase phase, String heatStatus, String reason) {

  /** What a stack's status means to a poll loop. */
  public enum Phase {
    /** The last action finished: CREATE_COMPLETE (create loop). */
    COMPLETE,
    /** Heat is still working: wait and poll again. */
    IN_PROGRESS,
    /** The last action failed (CREATE_FAILED, DELETE_FAILED): {@link #reason()} says why. */
    FAILED,
    /** There is no stack (never made, or deleted). */
    GONE
  }

  static StackStatus gone(String stack) {
    return new StackStatus(stack, Phase.GONE, null, null);
  }

  /** Heat's status with its reason when it gave one, for messages. */
  public String describe() {
    if (heatStatus == null) {
      return "absent";
    }
    return reason == null || reason.isBlank() ? heatStatus : heatStatus + ": " + reason;
  }
}
