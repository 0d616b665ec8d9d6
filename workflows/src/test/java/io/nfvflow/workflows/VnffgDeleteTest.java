package io.nfvflow.workflows;

import static io.nfvflow.workflows.Chain.removeStepsThrough;
import static io.nfvflow.workflows.Jobs.CHAIN_CONTRACT;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.chainVariables;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.variableNamesOf;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.unavailable;
import static io.nfvflow.workflows.Vim.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * vnffg-delete: a removal Neutron refuses for good fails the operation with Neutron's reason;
 * Neutron not answering is an incident.
 */
@Deployment(resources = {"bpmn/vnffg-delete.bpmn", "bpmn/vnffg-remove.bpmn"})
class VnffgDeleteTest extends ProcessTestBase {

  @Test
  void removesTheChainAndCompletes() {
    ProcessInstance instance = start("vnffg-delete", chainVariables());

    assertThat(instance).isWaitingAt("RemoveChain");
    run("RemoveChain");
    Chain.remove();
    run("CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("RemoveChain", "CompleteOperation", "VnffgDeleted")
        .hasNotPassed("RemovalFailed", "FailOperation");
    assertThat(steps.calls())
        .containsExactlyElementsOf(calls(Chain.removeCalls(), "completeOperationDelegate"));
    assertThat(businessKeysOf("vnffg-remove")).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(variableNamesOf(instancesOf("vnffg-delete").get(0)))
        .containsExactlyInAnyOrderElementsOf(CHAIN_CONTRACT);
    assertThat(variableNamesOf(instancesOf("vnffg-remove").get(0)))
        .containsExactlyInAnyOrderElementsOf(CHAIN_CONTRACT);
  }

  @Test
  void aRejectedRemovalFailsTheOperationWithNeutronsReason() {
    String reason = "Port pair group 3c2d is in use by port chain 9a8b";
    steps.on("deletePortPairGroupsDelegate", fail(new BpmnError("VIM_REJECTED", reason)));
    ProcessInstance instance = start("vnffg-delete", chainVariables());

    run("RemoveChain");
    run(removeStepsThrough("DeletePortPairGroups"));
    run("FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("RemoveChain", "RemovalFailed", "FailOperation", "VnffgFailed")
        .hasNotPassed("CompleteOperation", "VnffgDeleted");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", reason);
    assertThat(steps.calls())
        .containsExactly(
            "deletePortChainsDelegate", "deletePortPairGroupsDelegate", "failOperationDelegate");
  }

  @Test
  void aTransientFailureIsAnIncidentNotAFailedOperationAndRetryingCompletes() {
    steps.on(
        "deletePortPairsDelegate",
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        Steps.succeed());
    ProcessInstance instance = start("vnffg-delete", chainVariables());
    run("RemoveChain", "DeletePortChains", "DeletePortPairGroups");

    assertThat(runUntilIncident("DeletePortPairs")).as("R5/PT15S").isEqualTo(5);
    assertThat(instance).isActive().isWaitingAt("RemoveChain");
    assertThat(steps.calls()).doesNotContain("failOperationDelegate", "completeOperationDelegate");

    retry("DeletePortPairs");
    run("DeleteFlowClassifiers", "CompleteOperation");
    assertThat(instance).isEnded().hasPassed("VnffgDeleted");
    assertThat(incidentsAt("DeletePortPairs")).isEmpty();
  }
}
