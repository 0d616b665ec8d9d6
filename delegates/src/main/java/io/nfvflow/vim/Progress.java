package io.nfvflow.vim;

import java.util.Objects;

/**
 * Where a VNF stands on a VIM relative to a {@link WaitGoal}: done, still on its way (with what is
 * pending), or failed for good (with a BPMN error code of {@code io.nfvflow.lcm.LcmErrors} and the
 * VIM's reason).
 *
 * @param done whether the goal is reached
 * @param failureCode a BPMN error code when the goal can never be reached without a change, else
 *     {@code null}
 * @param detail what is pending, or why it failed; empty when done
 */
public record Progress(boolean done, String failureCode, String detail) {

  public Progress {
    detail = Objects.requireNonNullElse(detail, "");
    if (done && failureCode != null) {
      throw new IllegalArgumentException("a progress cannot be done and failed");
    }
  }

  public static Progress reached() {
    return new Progress(true, null, "");
  }

  /** Still on its way: {@code detail} names what is pending (shown in cockpit and on time-out). */
  public static Progress pending(String detail) {
    return new Progress(false, null, detail);
  }

  /** Can never reach the goal without a change. */
  public static Progress failed(String failureCode, String reason) {
    return new Progress(false, Objects.requireNonNull(failureCode), reason);
  }

  public boolean failed() {
    return failureCode != null;
  }
}
