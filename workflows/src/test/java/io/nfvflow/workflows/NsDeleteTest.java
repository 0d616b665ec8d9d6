package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.NS_CONTRACT;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.nsVariables;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.variableNamesOf;
import static io.nfvflow.workflows.Ns.VNFFG_DELETED;
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

/** ns-delete: ns-remove, then COMPLETED; a removal that fails fails the operation with why. */
@Deployment(resources = {"bpmn/ns-delete.bpmn", "bpmn/ns-remove.bpmn"})
class NsDeleteTest extends ProcessTestBase {

  Ns ns;

  @BeforeEach
  void registerNsSteps() {
    ns = Ns.register(steps);
    ns.members.existing(2, 1);
  }

  @Test
  void deletesTheVnffgsThenTheVnfsAndCompletes() {
    ProcessInstance instance = start("ns-delete", nsVariables(2, 1));

    run("RemoveMembers", "DeleteNsVnffg");
    assertThat(waitingAt(VNFFG_DELETED)).containsExactly("vnffg-1");
    assertThat(jobsAt("DeleteNsVnf")).isZero();
    endAndGoOn("vnffg-1");
    assertThat(runAll("DeleteNsVnf")).isEqualTo(2);
    endAndGoOn("vnf-1");
    endAndGoOn("vnf-2");
    run("CheckNsRemoved", "CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("RemoveMembers", "CompleteOperation", "NsDeleted")
        .hasNotPassed("RemovalFailed", "FailOperation");
    assertThat(ns.members.calls().get(0)).isEqualTo("deleteVnffg 0");
    assertThat(ns.members.calls().subList(1, 3))
        .containsExactlyInAnyOrder("deleteVnf 0", "deleteVnf 1");
    assertThat(steps.calls())
        .filteredOn("completeOperationDelegate"::equals)
        .as("completed once")
        .hasSize(1);
    assertThat(businessKeysOf("ns-remove")).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(variableNamesOf(instancesOf("ns-delete").get(0)))
        .containsExactlyInAnyOrderElementsOf(NS_CONTRACT);
    assertThat(variableNamesOf(instancesOf("ns-remove").get(0)))
        .containsAll(NS_CONTRACT)
        .doesNotContain("errorCode", "errorMessage");
  }

  @Test
  void membersLeftFailTheOperationNamingThem() {
    String left = "VNF VNF1 (ns1_VNF1) is ERROR: pods of ns1-vnf1 stuck Terminating (finalizer)";
    ns.members.left(left);
    ProcessInstance instance = start("ns-delete", nsVariables(1, 0));

    run("RemoveMembers", "DeleteNsVnf");
    endAndGoOn("vnf-1");
    run("CheckNsRemoved", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("RemoveMembers", "RemovalFailed", "FailOperation", "NsFailed")
        .hasNotPassed("CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "NS_MEMBER_FAILED")
        .containsEntry("errorMessage", "members left after removal: " + left);
  }

  /** A VNFFG whose delete cannot begin: no VNF is deleted under it, the operation fails. */
  @Test
  void aDeleteThatCannotBeginFailsTheOperationAndKeepsTheVnfs() {
    String reason = "VNFFG Forwarding1 (ns1_Forwarding1): its Neutron VIM os-1 is not registered";
    ns.members.refuse("deleteVnffg", 0, reason);
    ProcessInstance instance = start("ns-delete", nsVariables(2, 1));

    run("RemoveMembers", "DeleteNsVnffg", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassed("RemovalFailed", "NsFailed")
        .hasNotPassed("CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "NS_MEMBER_FAILED")
        .containsEntry("errorMessage", reason);
    assertThat(ns.members.calls()).containsExactly("deleteVnffg 0");
  }
}
