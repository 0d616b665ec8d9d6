package io.nfvflow.workflows;

import static io.nfvflow.workflows.Chain.applyStepsThrough;
import static io.nfvflow.workflows.Chain.removeStepsThrough;
import static io.nfvflow.workflows.Jobs.CHAIN_CONTRACT;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.chainVariables;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.variableNamesOf;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.unavailable;
import static io.nfvflow.workflows.Vim.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** vnffg-create: a failed creation removes what it made, and fails with the reason. */
@Deployment(
    resources = {"bpmn/vnffg-create.bpmn", "bpmn/vnffg-apply.bpmn", "bpmn/vnffg-remove.bpmn"})
class VnffgCreateTest extends ProcessTestBase {

  /** What networking-sfc answers (409) when a classifier overlaps one of another port chain. */
  static final String OVERLAP =
      "overlapping classifier: flow classifier nfvflow-fc-web-1a2b3c4d conflicts with a flow"
          + " classifier of port chain 7f1e";

  /** What Keystone answers when the VIM's credentials no longer work. */
  static final String UNAUTHORIZED = "The request you have made requires authentication.";

  @Test
  void appliesTheChainAndCompletes() {
    ProcessInstance instance = start("vnffg-create", chainVariables());

    assertThat(instance).isWaitingAt("ApplyChain");
    run("ApplyChain");
    Chain.apply();
    run("CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("ApplyChain", "CompleteOperation", "VnffgActive")
        .hasNotPassed("ApplyFailed", "CleanUpChain", "FailOperation");
    assertThat(steps.calls())
        .containsExactlyElementsOf(calls(Chain.applyCalls(), "completeOperationDelegate"));
    assertThat(steps.variablesSeenBy("completeOperationDelegate"))
        .containsEntry("operationId", Jobs.BUSINESS_KEY);
    assertThat(businessKeysOf("vnffg-apply")).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(businessKeysOf("vnffg-remove")).isEmpty();
  }

  /**
   * Call activities map the VNFFG contract in, and nothing out: a called model sees the operation's
   * ids and retry profile only, even on the clean-up path where the caller holds the error.
   */
  @Test
  void callActivitiesPassTheContractAndNothingElse() {
    steps.on("applyPortChainsDelegate", fail(new BpmnError("VIM_REJECTED", OVERLAP)));
    start("vnffg-create", chainVariables());
    run("ApplyChain");
    run(applyStepsThrough("ApplyPortChains"));
    run("CleanUpChain");
    Chain.remove();
    run("FailOperation");

    assertThat(variableNamesOf(instancesOf("vnffg-apply").get(0)))
        .containsExactlyInAnyOrderElementsOf(CHAIN_CONTRACT);
    assertThat(variableNamesOf(instancesOf("vnffg-remove").get(0)))
        .containsExactlyInAnyOrderElementsOf(CHAIN_CONTRACT);
    assertThat(variableNamesOf(instancesOf("vnffg-create").get(0)))
        .containsExactlyInAnyOrderElementsOf(
            calls(CHAIN_CONTRACT.stream().toList(), "errorCode", "errorMessage"));
  }

  @Test
  void anOverlappingClassifierRemovesWhatWasCreatedAndFailsWithTheReason() {
    steps.on("applyPortChainsDelegate", fail(new BpmnError("VIM_REJECTED", OVERLAP)));
    ProcessInstance instance = start("vnffg-create", chainVariables());

    run("ApplyChain");
    run(applyStepsThrough("ApplyPortChains"));
    run("CleanUpChain");
    Chain.remove();
    run("FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "ApplyChain", "ApplyFailed", "CleanUpChain", "FailOperation", "VnffgFailed")
        .hasNotPassed("CompleteOperation", "CleanUpFailed", "ChainLeftInNeutron");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", OVERLAP);
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                Vim.beans(applyStepsThrough("ApplyPortChains")),
                Chain.removeCalls(),
                "failOperationDelegate"))
        .doesNotContain("pruneChainDelegate", "completeOperationDelegate");
    assertThat(businessKeysOf("vnffg-remove")).containsExactly(Jobs.BUSINESS_KEY);
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
    "VIM_UNAUTHORIZED, ApplyFlowClassifiers",
    "CHAIN_INVALID, ApplyPortPairs",
    "VIM_REJECTED, PruneChain"
  })
  void anyBpmnErrorOfTheApplyRemovesWhatWasCreatedAndFails(String code, String step) {
    steps.on(Vim.beanOf(step), bpmnError(code));
    ProcessInstance instance = start("vnffg-create", chainVariables());

    run("ApplyChain");
    run(applyStepsThrough(step));
    run("CleanUpChain");
    Chain.remove();
    run("FailOperation");

    assertThat(instance).isEnded().hasPassed("ApplyFailed", "CleanUpChain", "VnffgFailed");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(steps.calls()).containsSubsequence(Chain.removeCalls());
  }

  /**
   * The removal after a failed apply fails for good too: the operation still fails, with a reason
   * that names both failures and says that parts of the chain may be left in Neutron.
   */
  @Test
  void whenTheRemovalFailsTooTheOperationStillFailsNamingBoth() {
    steps.on("applyPortChainsDelegate", fail(new BpmnError("VIM_REJECTED", OVERLAP)));
    steps.on("deletePortPairsDelegate", fail(new BpmnError("VIM_UNAUTHORIZED", UNAUTHORIZED)));
    ProcessInstance instance = start("vnffg-create", chainVariables());

    run("ApplyChain");
    run(applyStepsThrough("ApplyPortChains"));
    run("CleanUpChain");
    run(removeStepsThrough("DeletePortPairs"));
    run("FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "ApplyFailed",
            "CleanUpChain",
            "CleanUpFailed",
            "ChainLeftInNeutron",
            "FailOperation",
            "VnffgFailed")
        .hasNotPassed("CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry(
            "errorMessage",
            OVERLAP
                + "; removing the chain again failed too, so parts of it may be left in Neutron: "
                + UNAUTHORIZED
                + " (VIM_UNAUTHORIZED)");
    assertThat(steps.calls())
        .endsWith("deletePortPairsDelegate", "failOperationDelegate")
        .doesNotContain("deleteFlowClassifiersDelegate", "completeOperationDelegate");
  }

  /** Neutron not answering during the clean-up is an incident: the operation waits, not fails. */
  @Test
  void aTransientFailureOfTheRemovalIsAnIncidentBeforeTheOperationFails() {
    steps.on("applyPortPairsDelegate", bpmnError("VIM_REJECTED"));
    steps.on("deletePortPairGroupsDelegate", unavailable());
    ProcessInstance instance = start("vnffg-create", chainVariables());
    run("ApplyChain");
    run(applyStepsThrough("ApplyPortPairs"));
    run("CleanUpChain", "DeletePortChains");

    assertThat(runUntilIncident("DeletePortPairGroups")).as("R5/PT15S").isEqualTo(5);

    assertThat(instance).isActive().isWaitingAt("CleanUpChain");
    assertThat(steps.calls()).doesNotContain("failOperationDelegate", "completeOperationDelegate");
  }
}
