package io.nfvflow.ns;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables and messages of the NS workflows. Ids, counts and small values only; the
 * operation id, retry cycle, errorCode and errorMessage use {@link io.nfvflow.lcm.LcmVariables}'
 * names.
 */
public final class NsVariables {

  /** The NS's id. */
  public static final String NS_ID = "nsId";

  /** The NS's name, for people reading cockpit. */
  public static final String NS_NAME = "nsName";

  /** How many VNF nodes the NS has (the cardinality of the VNF multi-instance activities). */
  public static final String VNF_COUNT = "vnfCount";

  /** How many VNFFG groups the NS has. */
  public static final String VNFFG_COUNT = "vnffgCount";

  /**
   * Local to one multi-instance member: the member VNF's or VNFFG's id, which the {@link
   * #MEMBER_ENDED} message is correlated by.
   */
  public static final String MEMBER_ID = "memberId";

  /** Local to one member: its name for people. */
  public static final String MEMBER_NAME = "memberName";

  /** Local to one member: whether its operation's end must be awaited. */
  public static final String MEMBER_AWAITED = "memberAwaited";

  /**
   * The message the engine correlates when an operation on an NS member ends (completed, failed or
   * cancelled), to the execution whose local {@link #MEMBER_ID} is that member's id.
   */
  public static final String MEMBER_ENDED = "NsMemberEnded";

  /** The BPMN error of an NS step: a member failed or could not be started or removed. */
  public static final String MEMBER_FAILED = "NS_MEMBER_FAILED";

  /**
   * Set by Camunda on each instance of a multi-instance activity: the member's position (0-based)
   * among the NS's VNF nodes or VNFFG groups, the index the {@link NsMembers} methods take.
   */
  public static final String LOOP_COUNTER = "loopCounter";

  private NsVariables() {}

  public static String nsId(VariableScope scope) {
    Object value = scope.getVariable(NS_ID);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalStateException("process variable '" + NS_ID + "' is missing");
    }
    return s;
  }

  /** The member's index: the {@link #LOOP_COUNTER} of the multi-instance activity it runs in. */
  public static int memberIndex(VariableScope scope) {
    if (!(scope.getVariable(LOOP_COUNTER) instanceof Integer index)) {
      throw new IllegalStateException(
          "no '" + LOOP_COUNTER + "': the step must run in a multi-instance activity");
    }
    return index;
  }
}
