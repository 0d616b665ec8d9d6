package io.nfvflow.workflows;

import static io.nfvflow.workflows.Chain.APPLY_STEPS;
import static io.nfvflow.workflows.Chain.applyStepsThrough;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
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
 * vnffg-apply: the networking-sfc objects in the order they use each other, then the prune; it
 * catches nothing, so its BPMN errors reach the caller ({@code test-caller}) with code and message.
 */
@Deployment(resources = {"bpmn/vnffg-apply.bpmn", "test-caller.bpmn"})
class VnffgApplyTest extends ProcessTestBase {

  @Test
  void appliesClassifiersPairsGroupsAndChainsThenPrunes() {
    ProcessInstance instance = start("vnffg-apply", chainVariables());

    assertThat(instance).isWaitingAt("ApplyFlowClassifiers");
    Chain.apply();

    List<String> path = new ArrayList<>(APPLY_STEPS);
    path.add("ChainApplied");
    assertThat(instance).isEnded().hasPassedInOrder(path.toArray(String[]::new));
    assertThat(steps.calls()).containsExactlyElementsOf(Chain.applyCalls());
    assertThat(steps.variablesSeenBy("applyPortChainsDelegate"))
        .containsEntry("vnffgId", "vnffg-1")
        .containsEntry("vnffgName", "web-chain")
        .containsEntry("operationId", Jobs.BUSINESS_KEY)
        .containsEntry("retryCycle", "R5/PT15S");
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
    "VIM_UNAUTHORIZED, ApplyFlowClassifiers",
    "CHAIN_INVALID, ApplyPortPairs",
    "VIM_REJECTED, ApplyPortPairGroups",
    "VIM_REJECTED, ApplyPortChains",
    "CHAIN_INVALID, ApplyPortChains",
    "VIM_REJECTED, PruneChain"
  })
  void aBpmnErrorOfAnyStepEndsTheApplyAndReachesTheCallerWithItsMessage(String code, String step) {
    steps.on(Vim.beanOf(step), bpmnError(code));
    ProcessInstance caller = startUnderCaller("vnffg-apply", chainVariables());

    run(applyStepsThrough(step));

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(steps.calls()).containsExactlyElementsOf(Vim.beans(applyStepsThrough(step)));
    APPLY_STEPS.forEach(s -> assertThat(hasJobAt(s)).as("job at %s", s).isFalse());
    assertThat(businessKeysOf("vnffg-apply")).containsExactly(Jobs.BUSINESS_KEY);
  }

  @Test
  void transientFailureIsRetriedByTheRetryCycleThenAnIncidentThatCanBeRetried() {
    steps.on(
        "applyPortPairGroupsDelegate",
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        Steps.succeed());
    ProcessInstance instance = start("vnffg-apply", chainVariables());
    run("ApplyFlowClassifiers", "ApplyPortPairs");

    assertThat(runUntilIncident("ApplyPortPairGroups")).as("R5/PT15S").isEqualTo(5);
    assertThat(incidentsAt("ApplyPortPairGroups")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("ApplyPortPairGroups");

    retry("ApplyPortPairGroups");
    run("ApplyPortChains", "PruneChain");
    assertThat(instance).isEnded().hasPassed("ChainApplied");
    assertThat(incidentsAt("ApplyPortPairGroups")).isEmpty();
  }
}
