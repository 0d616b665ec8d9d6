package io.nfvflow.workflows;

import static io.nfvflow.workflows.Chain.REMOVE_STEPS;
import static io.nfvflow.workflows.Chain.removeStepsThrough;
import static io.nfvflow.workflows.Jobs.chainVariables;
import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.startUnderCaller;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * vnffg-remove: users before what they use. Unlike vnf-remove-*, its BPMN errors reach the caller
 * ({@code test-caller}) with code and message, so that a VNFFG operation fails with Neutron's
 * reason.
 */
@Deployment(resources = {"bpmn/vnffg-remove.bpmn", "test-caller.bpmn"})
class VnffgRemoveTest extends ProcessTestBase {

  @Test
  void deletesChainsThenGroupsThenPairsThenClassifiers() {
    ProcessInstance instance = start("vnffg-remove", chainVariables());

    assertThat(instance).isWaitingAt("DeletePortChains");
    Chain.remove();

    List<String> path = new ArrayList<>(REMOVE_STEPS);
    path.add("ChainRemoved");
    assertThat(instance).isEnded().hasPassedInOrder(path.toArray(String[]::new));
    assertThat(steps.calls()).containsExactlyElementsOf(Chain.removeCalls());
    assertThat(steps.variablesSeenBy("deleteFlowClassifiersDelegate"))
        .containsEntry("vnffgId", "vnffg-1")
        .containsEntry("operationId", Jobs.BUSINESS_KEY);
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
    "VIM_UNAUTHORIZED, DeletePortChains",
    "VIM_REJECTED, DeletePortPairGroups",
    "VIM_REJECTED, DeletePortPairs",
    "VIM_REJECTED, DeleteFlowClassifiers"
  })
  void aBpmnErrorOfAnyStepEndsTheRemovalAndReachesTheCallerWithItsMessage(
      String code, String step) {
    steps.on(Vim.beanOf(step), bpmnError(code));
    ProcessInstance caller = startUnderCaller("vnffg-remove", chainVariables());

    run(removeStepsThrough(step));

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(steps.calls()).containsExactlyElementsOf(Vim.beans(removeStepsThrough(step)));
    REMOVE_STEPS.forEach(s -> assertThat(hasJobAt(s)).as("job at %s", s).isFalse());
  }

  @Test
  void transientFailureIsRetriedByTheRetryCycleThenAnIncidentThatCanBeRetried() {
    steps.on(
        "deletePortPairsDelegate",
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        Steps.succeed());
    ProcessInstance instance = start("vnffg-remove", chainVariables());
    run("DeletePortChains", "DeletePortPairGroups");

    assertThat(runUntilIncident("DeletePortPairs")).as("R5/PT15S").isEqualTo(5);
    assertThat(incidentsAt("DeletePortPairs")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("DeletePortPairs");
    assertThat(steps.calls()).doesNotContain("deleteFlowClassifiersDelegate");

    retry("DeletePortPairs");
    run("DeleteFlowClassifiers");
    assertThat(instance).isEnded().hasPassed("ChainRemoved");
  }
}
