package io.nfvflow.workflows;

import static io.nfvflow.workflows.Chain.applyStepsThrough;
import static io.nfvflow.workflows.Jobs.CHAIN_CONTRACT;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.chainVariables;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.variableNamesOf;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Vim.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * vnffg-update: converges and prunes; a failed update removes nothing (vnffg-remove is not even
 * deployed here) and fails with the reason.
 */
@Deployment(resources = {"bpmn/vnffg-update.bpmn", "bpmn/vnffg-apply.bpmn"})
class VnffgUpdateTest extends ProcessTestBase {

  @Test
  void appliesAndPrunesTheChainAndCompletes() {
    ProcessInstance instance = start("vnffg-update", chainVariables());

    assertThat(instance).isWaitingAt("ApplyChain");
    run("ApplyChain");
    Chain.apply();
    run("CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("ApplyChain", "CompleteOperation", "VnffgUpdated")
        .hasNotPassed("ApplyFailed", "FailOperation");
    assertThat(steps.calls())
        .containsExactlyElementsOf(calls(Chain.applyCalls(), "completeOperationDelegate"));
    assertThat(businessKeysOf("vnffg-apply")).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(variableNamesOf(instancesOf("vnffg-update").get(0)))
        .containsExactlyInAnyOrderElementsOf(CHAIN_CONTRACT);
    assertThat(variableNamesOf(instancesOf("vnffg-apply").get(0)))
        .containsExactlyInAnyOrderElementsOf(CHAIN_CONTRACT);
  }

  @Test
  void aRejectedApplyFailsTheOperationWithTheReasonAndRemovesNothing() {
    String reason = "Port pair group 3c2d is in use by port chain 7f1e";
    steps.on("applyPortPairGroupsDelegate", fail(new BpmnError("VIM_REJECTED", reason)));
    ProcessInstance instance = start("vnffg-update", chainVariables());

    run("ApplyChain");
    run(applyStepsThrough("ApplyPortPairGroups"));
    run("FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("ApplyChain", "ApplyFailed", "FailOperation", "VnffgFailed")
        .hasNotPassed("CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", reason);
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(Vim.beans(applyStepsThrough("ApplyPortPairGroups")), "failOperationDelegate"));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({"CHAIN_INVALID, ApplyPortPairs", "VIM_UNAUTHORIZED, PruneChain"})
  void anyBpmnErrorOfTheApplyFailsTheOperation(String code, String step) {
    steps.on(Vim.beanOf(step), bpmnError(code));
    ProcessInstance instance = start("vnffg-update", chainVariables());

    run("ApplyChain");
    run(applyStepsThrough(step));
    run("FailOperation");

    assertThat(instance).isEnded().hasPassed("ApplyFailed", "VnffgFailed");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(steps.calls()).noneMatch(bean -> bean.startsWith("delete"));
  }
}
