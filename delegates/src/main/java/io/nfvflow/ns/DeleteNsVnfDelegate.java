package io.nfvflow.ns;

import org.springframework.stereotype.Component;

/**
 * Task {@code DeleteNsVnf}, in each instance of the multi-instance subprocess "Delete VNFs":
 * terminates and deletes (forced) the NS's loopCounter-th VNF; nothing to await when it does not
 * exist. Sets the member's local memberId, memberName and memberAwaited for the receive task that
 * waits for its end; {@link NsMemberException} is the BPMN error {@code NS_MEMBER_FAILED}.
 */
@Component
public class DeleteNsVnfDelegate extends NsMemberStep {

  public DeleteNsVnfDelegate(NsMembers members) {
    super(members, "VNF", "delete");
  }

  @Override
  protected NsMembers.Started call(String nsId, int index) {
    return members.deleteVnf(nsId, index);
  }
}
