package io.nfvflow.ns;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckNsVnfs}: once every VNF's instantiate has ended, the BPMN error {@code
 * NS_MEMBER_FAILED} naming each VNF that did not become ACTIVE and why ("VNF VNF2 (ns1_VNF2)
 * failed: ...; ...").
 */
@Component
public class CheckNsVnfsDelegate extends NsCheckStep {

  public CheckNsVnfsDelegate(NsMembers members) {
    super(members, "");
  }

  @Override
  protected List<String> findings(String nsId) {
    return members.vnfFailures(nsId);
  }
}
