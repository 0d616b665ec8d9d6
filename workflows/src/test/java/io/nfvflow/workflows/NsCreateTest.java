package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.NS_CONTRACT;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.nsVariables;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.variableNamesOf;
import static io.nfvflow.workflows.Ns.VNFFG_DELETED;
import static io.nfvflow.workflows.Ns.VNFFG_ENDED;
import static io.nfvflow.workflows.Ns.VNF_DELETED;
import static io.nfvflow.workflows.Ns.VNF_ENDED;
import static io.nfvflow.workflows.Ns.end;
import static io.nfvflow.workflows.Ns.endAndGoOn;
import static io.nfvflow.workflows.Ns.jobsAt;
import static io.nfvflow.workflows.Ns.runAll;
import static io.nfvflow.workflows.Ns.runMember;
import static io.nfvflow.workflows.Ns.waitingAt;
import static io.nfvflow.workflows.Steps.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ns-create: the VNFs in parallel, each awaited by its own end; the VNFFGs only once every VNF is
 * ACTIVE; any failure removes every member and fails with the members' reasons.
 */
@Deployment(resources = {"bpmn/ns-create.bpmn", "bpmn/ns-remove.bpmn"})
class NsCreateTest extends ProcessTestBase {

  static final String VNF2_FAILED = "VNF VNF2 (ns1_VNF2) failed: image pull back-off for edge:1.2";

  static final String VNFFG_FAILED =
      "VNFFG Forwarding1 (ns1_Forwarding1) failed: overlapping classifier (VIM_REJECTED)";

  Ns ns;

  @BeforeEach
  void registerNsSteps() {
    ns = Ns.register(steps);
  }

  @Test
  void createsTheVnfsThenTheVnffgsAndCompletes() {
    ProcessInstance instance = start("ns-create", nsVariables(2, 1));

    assertThat(runAll("StartNsVnf")).isEqualTo(2);
    assertThat(waitingAt(VNF_ENDED)).containsExactly("vnf-1", "vnf-2");
    endAndGoOn("vnf-2");
    assertThat(waitingAt(VNF_ENDED)).containsExactly("vnf-1");
    assertThat(hasJobAt("CheckNsVnfs")).as("a VNF still runs").isFalse();
    endAndGoOn("vnf-1");
    run("CheckNsVnfs");
    assertThat(ns.members.calls()).doesNotContain("startVnffg 0").endsWith("vnfFailures");
    run("StartNsVnffg");
    assertThat(waitingAt(VNFFG_ENDED)).containsExactly("vnffg-1");
    endAndGoOn("vnffg-1");
    run("CheckNsVnffgs", "CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "CreateVnfs",
            "CheckNsVnfs",
            "CreateVnffgs",
            "CheckNsVnffgs",
            "CompleteOperation",
            "NsActive")
        .hasNotPassed("CreationFailed", "CleanUpMembers", "FailOperation");
    assertThat(ns.members.calls().subList(0, 2))
        .containsExactlyInAnyOrder("startVnf 0", "startVnf 1");
    assertThat(ns.members.calls().subList(2, 5))
        .containsExactly("vnfFailures", "startVnffg 0", "vnffgFailures");
    assertThat(steps.calls())
        .filteredOn("completeOperationDelegate"::equals)
        .as("completed once")
        .hasSize(1);
    assertThat(steps.calls()).doesNotContain("failOperationDelegate");
    assertThat(steps.variablesSeenBy("completeOperationDelegate"))
        .containsEntry("operationId", Jobs.BUSINESS_KEY);
    assertThat(ns.members.events())
        .containsExactlyInAnyOrder(
            "VNF VNF1 (ns1_VNF1) instantiate started",
            "VNF VNF2 (ns1_VNF2) instantiate started",
            "VNFFG Forwarding1 (ns1_Forwarding1) create started");
    assertThat(businessKeysOf("ns-remove")).isEmpty();
  }

  /**
   * The engine's correlation ({@code NsMemberEnded}, local {@code memberId}) reaches exactly the
   * member whose operation ended, whatever the order the members end in; memberId is no process
   * variable, so a member's id cannot leak to its siblings.
   */
  @Test
  void eachMembersEndReachesItsOwnWaitAndNoOther() {
    ProcessInstance instance = start("ns-create", nsVariables(3, 0));
    runAll("StartNsVnf");
    assertThat(waitingAt(VNF_ENDED)).containsExactly("vnf-1", "vnf-2", "vnf-3");
    assertThat(runtimeService().getVariableLocal(instance.getId(), "memberId")).isNull();

    end("vnf-3");
    assertThat(waitingAt(VNF_ENDED)).containsExactly("vnf-1", "vnf-2");
    end("vnf-1");
    assertThat(waitingAt(VNF_ENDED)).containsExactly("vnf-2");
    assertThat(correlate("vnf-3")).as("an end told twice reaches nobody").isEqualTo(0);
    assertThat(correlate("vnf-9")).as("another NS's member").isEqualTo(0);
    end("vnf-2");
    assertThat(waitingAt(VNF_ENDED)).isEmpty();

    assertThat(hasJobAt("CheckNsVnfs")).as("the NS goes on in its own jobs").isFalse();
    assertThat(runAll(VNF_ENDED)).isEqualTo(3);
    run("CheckNsVnfs", "CheckNsVnffgs", "CompleteOperation");
    assertThat(instance).isEnded().hasPassed("NsActive");
  }

  /** No VNFFG group: the VNFFG loop has no instance and the NS completes after its VNFs. */
  @Test
  void anNsWithoutVnffgsCompletesAfterItsVnfs() {
    ProcessInstance instance = start("ns-create", nsVariables(1, 0));
    run("StartNsVnf");
    endAndGoOn("vnf-1");
    run("CheckNsVnfs");

    assertThat(jobsAt("StartNsVnffg")).isZero();
    run("CheckNsVnffgs", "CompleteOperation");

    assertThat(instance).isEnded().hasPassed("NsActive").hasNotPassed("StartNsVnffg");
    assertThat(ns.members.calls()).containsExactly("startVnf 0", "vnfFailures", "vnffgFailures");
  }

  /** A member whose operation has already ended (a re-run found it) is not waited for. */
  @Test
  void aMemberThatIsNotAwaitedIsNotWaitedFor() {
    ns.members.notAwaited("startVnf", 0);
    ProcessInstance instance = start("ns-create", nsVariables(2, 0));

    runAll("StartNsVnf");

    assertThat(waitingAt(VNF_ENDED)).containsExactly("vnf-2");
    endAndGoOn("vnf-2");
    run("CheckNsVnfs", "CheckNsVnffgs", "CompleteOperation");
    assertThat(instance).isEnded().hasPassed("NsActive");
    assertThat(ns.members.events())
        .contains(
            "VNF VNF1 (ns1_VNF1) instantiate already ended",
            "VNF VNF2 (ns1_VNF2) instantiate started");
  }

  @Test
  void aFailedVnfRemovesEveryMemberAndFailsNamingIt() {
    ns.members.failedVnfs(VNF2_FAILED);
    ProcessInstance instance = start("ns-create", nsVariables(2, 1));
    runAll("StartNsVnf");
    endAndGoOn("vnf-1");
    endAndGoOn("vnf-2");
    run("CheckNsVnfs");

    run("CleanUpMembers", "DeleteNsVnffg");
    assertThat(waitingAt(VNFFG_DELETED)).as("the VNFFG was never created").isEmpty();
    assertThat(runAll("DeleteNsVnf")).isEqualTo(2);
    endAndGoOn("vnf-2");
    endAndGoOn("vnf-1");
    run("CheckNsRemoved", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("CheckNsVnfs", "CreationFailed", "CleanUpMembers", "FailOperation")
        .hasPassed("NsFailed")
        .hasNotPassed("CreateVnffgs", "CompleteOperation", "CleanUpFailed", "MembersLeft");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "NS_MEMBER_FAILED")
        .containsEntry("errorMessage", VNF2_FAILED);
    List<String> calls = ns.members.calls();
    assertThat(calls).noneMatch(c -> c.startsWith("startVnffg"));
    assertThat(calls.subList(2, calls.size()))
        .containsSubsequence("vnfFailures", "deleteVnffg 0", "deleteVnf 0", "leftovers")
        .containsSubsequence("deleteVnffg 0", "deleteVnf 1", "leftovers");
    assertThat(steps.calls()).doesNotContain("completeOperationDelegate");
    assertThat(businessKeysOf("ns-remove")).containsExactly(Jobs.BUSINESS_KEY);
  }

  /**
   * ns-remove gets the NS contract and nothing else of its caller (not the error it cleans up
   * after); what it holds beyond it is its own loops' and members' bookkeeping.
   */
  @Test
  void theCleanUpGetsTheNsContractAndNothingElse() {
    ns.members.failedVnfs(VNF2_FAILED);
    start("ns-create", nsVariables(1, 0));
    run("StartNsVnf");
    endAndGoOn("vnf-1");
    run("CheckNsVnfs", "CleanUpMembers", "DeleteNsVnf");
    endAndGoOn("vnf-1");
    run("CheckNsRemoved", "FailOperation");

    assertThat(variableNamesOf(instancesOf("ns-remove").get(0)))
        .containsAll(NS_CONTRACT)
        .doesNotContain("errorCode", "errorMessage", "cleanUpErrorCode", "cleanUpErrorMessage");
    assertThat(variableNamesOf(instancesOf("ns-create").get(0))).containsAll(NS_CONTRACT);
  }

  @Test
  void aFailedVnffgRemovesItBeforeTheVnfsAndFails() {
    ns.members.failedVnffgs(VNFFG_FAILED);
    ProcessInstance instance = start("ns-create", nsVariables(2, 1));
    runAll("StartNsVnf");
    endAndGoOn("vnf-1");
    endAndGoOn("vnf-2");
    run("CheckNsVnfs", "StartNsVnffg");
    endAndGoOn("vnffg-1");
    run("CheckNsVnffgs");

    run("CleanUpMembers", "DeleteNsVnffg");
    assertThat(waitingAt(VNFFG_DELETED)).containsExactly("vnffg-1");
    assertThat(jobsAt("DeleteNsVnf")).as("VNFs only after the VNFFGs are gone").isZero();
    endAndGoOn("vnffg-1");
    assertThat(runAll("DeleteNsVnf")).isEqualTo(2);
    assertThat(waitingAt(VNF_DELETED)).containsExactly("vnf-1", "vnf-2");
    endAndGoOn("vnf-1");
    endAndGoOn("vnf-2");
    run("CheckNsRemoved", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("CheckNsVnffgs", "CreationFailed", "CleanUpMembers", "FailOperation")
        .hasNotPassed("CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "NS_MEMBER_FAILED")
        .containsEntry("errorMessage", VNFFG_FAILED);
    assertThat(ns.members.events())
        .contains(
            "VNFFG Forwarding1 (ns1_Forwarding1) delete started",
            "VNF VNF1 (ns1_VNF1) delete started");
  }

  /**
   * A member that cannot even be started fails the creation at once: the members still running are
   * no longer waited for (their wait is interrupted) and the clean-up deletes them.
   */
  @Test
  void aMemberThatCannotBeStartedStopsTheOthersRemovesThemAndFails() {
    String reason = "VNF2: VIM 'edge' named in param_values.vims does not exist";
    ns.members.refuse("startVnf", 1, reason);
    ProcessInstance instance = start("ns-create", nsVariables(2, 1));

    runMember("StartNsVnf", 0);
    assertThat(waitingAt(VNF_ENDED)).containsExactly("vnf-1");
    runMember("StartNsVnf", 1);

    assertThat(waitingAt(VNF_ENDED)).as("the creation stopped").isEmpty();
    run("CleanUpMembers", "DeleteNsVnffg");
    assertThat(runAll("DeleteNsVnf")).isEqualTo(2);
    assertThat(waitingAt(VNF_DELETED)).as("VNF2 was never created").containsExactly("vnf-1");
    endAndGoOn("vnf-1");
    run("CheckNsRemoved", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassed("CreationFailed", "CleanUpMembers", "FailOperation", "NsFailed")
        .hasNotPassed("CheckNsVnfs", "CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "NS_MEMBER_FAILED")
        .containsEntry("errorMessage", reason);
    assertThat(ns.members.calls()).noneMatch(c -> c.startsWith("startVnffg"));
  }

  /** The removal after a failed creation fails too: the operation still fails, naming both. */
  @Test
  void whenTheRemovalFailsTooTheOperationStillFailsNamingBoth() {
    String left = "VNF VNF2 (ns1_VNF2) is ERROR: stack ns1_VNF2 DELETE_FAILED";
    ns.members.failedVnfs(VNF2_FAILED).left(left);
    ProcessInstance instance = start("ns-create", nsVariables(2, 0));
    runAll("StartNsVnf");
    endAndGoOn("vnf-1");
    endAndGoOn("vnf-2");
    run("CheckNsVnfs", "CleanUpMembers");
    runAll("DeleteNsVnf");
    endAndGoOn("vnf-1");
    endAndGoOn("vnf-2");
    run("CheckNsRemoved", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "CreationFailed",
            "CleanUpMembers",
            "CleanUpFailed",
            "MembersLeft",
            "FailOperation",
            "NsFailed")
        .hasNotPassed("CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "NS_MEMBER_FAILED")
        .containsEntry(
            "errorMessage",
            VNF2_FAILED
                + "; removing the members again failed too, so some may be left: members left"
                + " after removal: "
                + left
                + " (NS_MEMBER_FAILED)");
  }

  /** The port not answering is retried by retryCycle and then an incident: the NS waits. */
  @Test
  void aTransientFailureOfAStartIsAnIncidentNotAFailure() {
    steps.on("startNsVnfDelegate", unavailable());
    ProcessInstance instance = start("ns-create", nsVariables(1, 0));

    assertThat(runUntilIncident("StartNsVnf")).as("R3/PT5S").isEqualTo(3);

    assertThat(instance).isActive();
    assertThat(steps.calls()).doesNotContain("failOperationDelegate");
  }

  private static int correlate(String memberId) {
    return runtimeService()
        .createMessageCorrelation(Ns.MEMBER_ENDED)
        .localVariableEquals(Ns.MEMBER_ID, memberId)
        .correlateAllWithResult()
        .size();
  }
}
