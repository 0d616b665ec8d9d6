package io.nfvflow.ns;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckNsRemoved}: once every member's delete has ended, the BPMN error {@code
 * NS_MEMBER_FAILED} ("members left after removal: ...") naming each member that still exists, so
 * that the NS operation fails instead of reporting an NS gone that is not.
 */
@Component
public class CheckNsRemovedDelegate extends NsCheckStep {

  public CheckNsRemovedDelegate(NsMembers members) {
    super(members, "members left after removal: ");
  }

  @Override
  protected List<String> findings(String nsId) {
    return members.leftovers(nsId);
  }
}
