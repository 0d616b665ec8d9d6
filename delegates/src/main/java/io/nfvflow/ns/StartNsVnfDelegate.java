package io.nfvflow.ns;

import org.springframework.stereotype.Component;

/**
 * Task {@code StartNsVnf}, in each instance of the multi-instance subprocess "Create VNFs": creates
 * (instantiates) the NS's loopCounter-th VNF, or finds it when a first run created it. Sets the
 * member's local memberId, memberName and memberAwaited for the receive task that waits for its
 * end; {@link NsMemberException} is the BPMN error {@code NS_MEMBER_FAILED}.
 */
@Component
public class StartNsVnfDelegate extends NsMemberStep {

  public StartNsVnfDelegate(NsMembers members) {
    super(members, "VNF", "instantiate");
  }

  @Override
  protected NsMembers.Started call(String nsId, int index) {
    return members.startVnf(nsId, index);
  }
}
