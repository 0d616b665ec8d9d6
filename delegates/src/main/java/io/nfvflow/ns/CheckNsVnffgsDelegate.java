package io.nfvflow.ns;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckNsVnffgs}: once every VNFFG's create has ended, the BPMN error {@code
 * NS_MEMBER_FAILED} naming each VNFFG that did not become ACTIVE and why.
 */
@Component
public class CheckNsVnffgsDelegate extends NsCheckStep {

  public CheckNsVnffgsDelegate(NsMembers members) {
    super(members, "");
  }

  @Override
  protected List<String> findings(String nsId) {
    return members.vnffgFailures(nsId);
  }
}
