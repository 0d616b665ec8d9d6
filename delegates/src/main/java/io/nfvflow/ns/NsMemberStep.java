package io.nfvflow.ns;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A step that starts or deletes one NS member, run once per instance of a multi-instance activity
 * (index = {@link NsVariables#LOOP_COUNTER}). It sets {@link NsVariables#MEMBER_ID}, {@link
 * NsVariables#MEMBER_NAME} and {@link NsVariables#MEMBER_AWAITED} LOCAL to the execution that runs
 * it: the member's own execution, never the NS's, so that siblings do not overwrite each other. The
 * receive task that then waits for {@link NsVariables#MEMBER_ENDED} copies memberId onto its own
 * execution by an input mapping (a receive task with a message is a scope in Camunda 7), so that a
 * correlation by the local {@code memberId} finds exactly that member's wait. {@link
 * NsMemberException} becomes the BPMN error {@link NsVariables#MEMBER_FAILED} with its message.
 */
abstract class NsMemberStep implements JavaDelegate {

  protected final NsMembers members;
  private final String kind;
  private final String action;

  /**
   * @param kind the member kind for people ("VNF", "VNFFG")
   * @param action what the step begins ("instantiate", "create", "delete")
   */
  NsMemberStep(NsMembers members, String kind, String action) {
    this.members = members;
    this.kind = kind;
    this.action = action;
  }

  /** Starts or deletes the NS's {@code index}-th member of this step's kind. */
  protected abstract NsMembers.Started call(String nsId, int index);

  @Override
  public void execute(DelegateExecution execution) {
    String nsId = NsVariables.nsId(execution);
    int index = NsVariables.memberIndex(execution);
    NsMembers.Started started;
    try {
      started = call(nsId, index);
    } catch (NsMemberException e) {
      throw new BpmnError(NsVariables.MEMBER_FAILED, e.getMessage());
    }
    // an end nobody can correlate (no id) must not be waited for
    boolean awaited = started.awaited() && started.subjectId() != null;
    String name = started.name() != null ? started.name() : "#" + (index + 1);
    execution.setVariableLocal(NsVariables.MEMBER_ID, started.subjectId());
    execution.setVariableLocal(NsVariables.MEMBER_NAME, name);
    execution.setVariableLocal(NsVariables.MEMBER_AWAITED, awaited);
    members.event(nsId, kind + " " + name + " " + action + " " + outcome(awaited, started));
  }

  private static String outcome(boolean awaited, NsMembers.Started started) {
    if (awaited) {
      return "started";
    }
    return started.subjectId() == null ? "not needed (no such member)" : "already ended";
  }
}
