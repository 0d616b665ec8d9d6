package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.nsVariables;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Ns.VNFFG_DELETED;
import static io.nfvflow.workflows.Ns.VNF_DELETED;
import static io.nfvflow.workflows.Ns.endAndGoOn;
import static io.nfvflow.workflows.Ns.jobsAt;
import static io.nfvflow.workflows.Ns.runAll;
import static io.nfvflow.workflows.Ns.waitingAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ns-remove: every VNFFG deleted (and its delete awaited) before any VNF, members that are gone are
 * nothing to wait for, a count of 0 skips its loop. Its BPMN error reaches the caller: see
 * NsDeleteTest and NsCreateTest.
 */
@Deployment(resources = "bpmn/ns-remove.bpmn")
class NsRemoveTest extends ProcessTestBase {

  Ns ns;

  @BeforeEach
  void registerNsSteps() {
    ns = Ns.register(steps);
  }

  @Test
  void deletesEveryVnffgBeforeAnyVnfAndChecks() {
    ns.members.existing(2, 2);
    ProcessInstance instance = start("ns-remove", nsVariables(2, 2));

    assertThat(runAll("DeleteNsVnffg")).isEqualTo(2);
    assertThat(waitingAt(VNFFG_DELETED)).containsExactly("vnffg-1", "vnffg-2");
    endAndGoOn("vnffg-2");
    assertThat(jobsAt("DeleteNsVnf")).as("a VNFFG is still being deleted").isZero();
    endAndGoOn("vnffg-1");
    assertThat(runAll("DeleteNsVnf")).isEqualTo(2);
    assertThat(waitingAt(VNF_DELETED)).containsExactly("vnf-1", "vnf-2");
    endAndGoOn("vnf-2");
    assertThat(jobsAt("CheckNsRemoved")).isZero();
    endAndGoOn("vnf-1");
    run("CheckNsRemoved");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("DeleteVnffgs", "DeleteVnfs", "CheckNsRemoved", "MembersRemoved");
    assertThat(ns.members.calls().subList(0, 2))
        .containsExactlyInAnyOrder("deleteVnffg 0", "deleteVnffg 1");
    assertThat(ns.members.calls().subList(2, 4))
        .containsExactlyInAnyOrder("deleteVnf 0", "deleteVnf 1");
    assertThat(ns.members.calls()).endsWith("leftovers");
    assertThat(ns.members.events())
        .contains(
            "VNFFG Forwarding2 (ns1_Forwarding2) delete started",
            "VNF VNF1 (ns1_VNF1) delete started");
  }

  /** An NS without VNFFG groups: the VNFFG loop has no instance, the VNFs are deleted at once. */
  @Test
  void withoutVnffgsTheVnfsAreDeletedAtOnce() {
    ns.members.existing(1, 0);
    ProcessInstance instance = start("ns-remove", nsVariables(1, 0));

    assertThat(jobsAt("DeleteNsVnffg")).isZero();
    run("DeleteNsVnf");
    endAndGoOn("vnf-1");
    run("CheckNsRemoved");

    assertThat(instance).isEnded().hasPassed("MembersRemoved").hasNotPassed("DeleteNsVnffg");
    assertThat(ns.members.calls()).containsExactly("deleteVnf 0", "leftovers");
  }

  /** Members that are gone (a second run, a partial creation) are not waited for. */
  @Test
  void membersThatAreGoneAreNotWaitedFor() {
    ns.members.existing(1, 0);
    ProcessInstance instance = start("ns-remove", nsVariables(2, 1));

    run("DeleteNsVnffg");
    assertThat(waitingAt(VNFFG_DELETED)).isEmpty();
    runAll("DeleteNsVnf");
    assertThat(waitingAt(VNF_DELETED)).containsExactly("vnf-1");
    endAndGoOn("vnf-1");
    run("CheckNsRemoved");

    assertThat(instance).isEnded().hasPassed("MembersRemoved");
    assertThat(ns.members.events())
        .contains(
            "VNFFG Forwarding1 (ns1_Forwarding1) delete not needed (no such member)",
            "VNF VNF2 (ns1_VNF2) delete not needed (no such member)",
            "VNF VNF1 (ns1_VNF1) delete started");
  }
}
