package io.nfvflow.ns;

import org.springframework.stereotype.Component;

/**
 * Task {@code StartNsVnffg}, in each instance of the multi-instance subprocess "Create VNFFGs":
 * creates the NS's loopCounter-th VNFFG on the NS's VNFs, or finds it when a first run created it.
 * Sets the member's local memberId, memberName and memberAwaited for the receive task that waits
 * for its end; {@link NsMemberException} is the BPMN error {@code NS_MEMBER_FAILED}.
 */
@Component
public class StartNsVnffgDelegate extends NsMemberStep {

  public StartNsVnffgDelegate(NsMembers members) {
    super(members, "VNFFG", "create");
  }

  @Override
  protected NsMembers.Started call(String nsId, int index) {
    return members.startVnffg(nsId, index);
  }
}
