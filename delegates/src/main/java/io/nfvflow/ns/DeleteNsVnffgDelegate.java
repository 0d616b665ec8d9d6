package io.nfvflow.ns;

import org.springframework.stereotype.Component;

/**
 * Task {@code DeleteNsVnffg}, in each instance of the multi-instance subprocess "Delete VNFFGs":
 * deletes (forced) the NS's loopCounter-th VNFFG; nothing to await when it does not exist. Sets the
 * member's local memberId, memberName and memberAwaited for the receive task that waits for its
 * end; {@link NsMemberException} is the BPMN error {@code NS_MEMBER_FAILED}.
 */
@Component
public class DeleteNsVnffgDelegate extends NsMemberStep {

  public DeleteNsVnffgDelegate(NsMembers members) {
    super(members, "VNFFG", "delete");
  }

  @Override
  protected NsMembers.Started call(String nsId, int index) {
    return members.deleteVnffg(nsId, index);
  }
}
