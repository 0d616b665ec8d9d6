package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.BUSINESS_KEY;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.startUnderCaller;
import static io.nfvflow.workflows.Jobs.variables;
import static io.nfvflow.workflows.Jobs.variablesOf;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.done;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static io.nfvflow.workflows.Vim.KUBERNETES;
import static io.nfvflow.workflows.Vim.beanOf;
import static io.nfvflow.workflows.Vim.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vnf-heal-kubernetes: delete the selected pods, then converge every object through
 * vnf-apply-kubernetes and wait until ready. Its BPMN errors are meant for vnf-heal (which fails
 * the operation), so the error paths run it under {@code test-caller} and check what reaches it.
 */
@Deployment(
    resources = {
      "bpmn/vnf-heal-kubernetes.bpmn",
      "bpmn/vnf-apply-kubernetes.bpmn",
      "bpmn/vnf-wait.bpmn",
      "test-caller.bpmn"
    })
class VnfHealKubernetesTest extends ProcessTestBase {

  @Test
  void replacesThePodsThenConvergesEverythingAndWaitsUntilReady() {
    steps.on("checkProgressDelegate", notYet("1 of 2 pods ready", "PT2S"), done());
    ProcessInstance instance = start("vnf-heal-kubernetes", "kubernetes");

    assertThat(instance).isWaitingAt("ReplacePods");
    run("ReplacePods", "ApplyOnVim");
    run(KUBERNETES.applySteps);
    run("WaitUntilReady", "CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("HealRequested", "ReplacePods", "ApplyOnVim", "VnfHealed");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                "replacePodsDelegate",
                Vim.beans(KUBERNETES.applySteps),
                "checkProgressDelegate",
                "checkProgressDelegate"));
    assertThat(steps.variablesSeenBy("replacePodsDelegate")).isEqualTo(variables("kubernetes"));
    assertThat(businessKeysOf("vnf-apply-kubernetes")).containsExactly(BUSINESS_KEY);
    assertThat(variablesOf(instancesOf("vnf-apply-kubernetes").get(0)))
        .as("what the apply was given")
        .isEqualTo(variables("kubernetes"));
    assertThat(variablesOf(instancesOf("vnf-wait").get(0))).containsEntry("goal", "READY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"VIM_REJECTED", "VIM_UNAUTHORIZED"})
  void errorsOfReplacePodsReachTheCaller(String code) {
    steps.on("replacePodsDelegate", bpmnError(code));
    ProcessInstance caller = startUnderCaller("vnf-heal-kubernetes", variables("kubernetes"));

    run("ReplacePods");

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(businessKeysOf("vnf-apply-kubernetes")).isEmpty();
  }

  /** An apply step's error comes from vnf-apply-kubernetes, one call level down. */
  @ParameterizedTest
  @CsvSource({
    "ApplyConfigMaps, VIM_REJECTED",
    "ApplyDeployments, VIM_REJECTED",
    "ApplyServices, VIM_UNAUTHORIZED",
    "ApplyAutoscalers, VIM_REJECTED"
  })
  void errorsOfTheApplyStepsReachTheCaller(String step, String code) {
    steps.on(beanOf(step), bpmnError(code));
    ProcessInstance caller = startUnderCaller("vnf-heal-kubernetes", variables("kubernetes"));

    run("ReplacePods", "ApplyOnVim");
    List<String> all = KUBERNETES.applySteps;
    run(all.subList(0, all.indexOf(step) + 1));

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(steps.calls()).last().isEqualTo(beanOf(step));
    assertThat(businessKeysOf("vnf-wait")).isEmpty();
  }

  /** A replacement that can never start: WORKLOAD_FAILED, two call levels down. */
  @Test
  void workloadFailureFromTheWaitReachesTheCaller() {
    steps.on(
        "checkProgressDelegate", notYet("1 of 2 pods ready", "PT2S"), bpmnError("WORKLOAD_FAILED"));
    ProcessInstance caller = startUnderCaller("vnf-heal-kubernetes", variables("kubernetes"));

    KUBERNETES.healUntilTheWait();
    run("CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", "WORKLOAD_FAILED")
        .containsEntry("errorMessage", Steps.messageOf("WORKLOAD_FAILED"));
  }

  @Test
  void readinessTimeOutReachesTheCallerWithWhatIsPending() {
    steps.on("checkProgressDelegate", notYet("1 of 2 pods ready (vdu1: Pending)", "PT2S"));
    ProcessInstance caller = startUnderCaller("vnf-heal-kubernetes", variables("kubernetes"));

    KUBERNETES.healUntilTheWait();
    run("CheckProgress", "TimeOutReached");

    assertThat(caller)
        .isEnded()
        .variables()
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry(
            "errorMessage", "READY not reached within PT5M: 1 of 2 pods ready (vdu1: Pending)");
  }

  @Test
  void transientFailureIsRetriedByTheKubernetesProfileThenAnIncidentThatCanBeRetried() {
    steps.on("replacePodsDelegate", unavailable(), unavailable(), unavailable(), Steps.succeed());
    ProcessInstance instance = start("vnf-heal-kubernetes", "kubernetes");

    assertThat(runUntilIncident("ReplacePods")).as("R3/PT5S").isEqualTo(3);
    assertThat(incidentsAt("ReplacePods")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("ReplacePods");
    assertThat(businessKeysOf("vnf-apply-kubernetes")).isEmpty();

    retry("ReplacePods");
    run("ApplyOnVim");
    KUBERNETES.apply();
    assertThat(instance).isEnded().hasPassed("VnfHealed");
    assertThat(incidentsAt("ReplacePods")).isEmpty();
  }
}
