package io.nfvflow.ns;

import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A step that looks at the NS's members once every member's operation has ended: nothing to report
 * and the flow goes on; otherwise the BPMN error {@link NsVariables#MEMBER_FAILED} whose message
 * joins what it found (each sentence names the member), so that the NS operation fails with the
 * members' own reasons.
 */
abstract class NsCheckStep implements JavaDelegate {

  protected final NsMembers members;
  private final String prefix;

  /**
   * @param prefix what the message starts with before the findings ("" for none)
   */
  NsCheckStep(NsMembers members, String prefix) {
    this.members = members;
    this.prefix = prefix;
  }

  /** What is wrong with the NS's members, one sentence each; empty when all is well. */
  protected abstract List<String> findings(String nsId);

  @Override
  public void execute(DelegateExecution execution) {
    List<String> findings = findings(NsVariables.nsId(execution));
    if (!findings.isEmpty()) {
      throw new BpmnError(NsVariables.MEMBER_FAILED, prefix + String.join("; ", findings));
    }
  }
}
