package io.nfvflow.workflows;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vnf-apply-kubernetes. Its BPMN errors are meant for the caller (instantiate cleans up, scale
 * rolls back), so the error paths run it under {@code test-caller} and check what reaches it.
 */
@Deployment(
    resources = {"bpmn/vnf-apply-kubernetes.bpmn", "bpmn/vnf-wait.bpmn", "test-caller.bpmn"})
class VnfApplyKubernetesTest extends ProcessTestBase {

  @Test
  void appliesEachKindOfObjectInOrderThenWaitsUntilReady() {
    steps.on("checkProgressDelegate", notYet("1 of 2 pods ready", "PT2S"), done());
    ProcessInstance instance = start("vnf-apply-kubernetes", "kubernetes");

    assertThat(instance).isWaitingAt("ApplyConfigMaps");
    run(KUBERNETES.applySteps);
    run("WaitUntilReady", "CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "ApplyConfigMaps",
            "ApplyDeployments",
            "ApplyServices",
            "ApplyAutoscalers",
            "WaitUntilReady",
            "VnfReady");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                Vim.beans(KUBERNETES.applySteps),
                "checkProgressDelegate",
                "checkProgressDelegate"));
    assertThat(businessKeysOf("vnf-wait")).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(variablesOf(instancesOf("vnf-wait").get(0)))
        .as("what the wait was given")
        .containsEntry("goal", "READY")
        .containsEntry("vnfId", "vnf-1")
        .containsEntry("vnfName", "hello-cnf")
        .containsEntry("retryCycle", "R3/PT5S")
        .containsEntry("readyTimeout", "PT5M");
    assertThat(instance).variables().doesNotContainKeys("done", "progress", "pollDelay", "goal");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ApplyConfigMaps", "ApplyDeployments", "ApplyServices", "ApplyAutoscalers"})
  void rejectionOfAnApplyStepReachesTheCallerWithItsMessage(String step) {
    steps.on(beanOf(step), bpmnError("VIM_REJECTED"));
    ProcessInstance caller = startUnderCaller("vnf-apply-kubernetes", variables("kubernetes"));

    runStepsUpTo(step);

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", Steps.messageOf("VIM_REJECTED"));
    assertThat(steps.calls()).last().isEqualTo(beanOf(step));
    assertThat(businessKeysOf("vnf-wait")).isEmpty();
  }

  @Test
  void unauthorizedReachesTheCaller() {
    steps.on("applyServicesDelegate", bpmnError("VIM_UNAUTHORIZED"));
    ProcessInstance caller = startUnderCaller("vnf-apply-kubernetes", variables("kubernetes"));

    runStepsUpTo("ApplyServices");

    assertThat(caller).isEnded().variables().containsEntry("errorCode", "VIM_UNAUTHORIZED");
  }

  /**
   * WORKLOAD_FAILED comes from vnf-wait, two call levels below the caller, and still reaches it.
   */
  @Test
  void workloadFailureFromTheWaitReachesTheCaller() {
    steps.on(
        "checkProgressDelegate", notYet("0 of 2 pods ready", "PT2S"), bpmnError("WORKLOAD_FAILED"));
    ProcessInstance caller = startUnderCaller("vnf-apply-kubernetes", variables("kubernetes"));

    run(KUBERNETES.applySteps);
    run("WaitUntilReady", "CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", "WORKLOAD_FAILED")
        .containsEntry("errorMessage", Steps.messageOf("WORKLOAD_FAILED"));
  }

  @Test
  void readinessTimeOutReachesTheCallerWithGoalTimeOutAndProgress() {
    steps.on("checkProgressDelegate", notYet("1 of 2 pods ready (vdu1: ImagePullBackOff)", "PT2S"));
    ProcessInstance caller = startUnderCaller("vnf-apply-kubernetes", variables("kubernetes"));

    run(KUBERNETES.applySteps);
    run("WaitUntilReady", "CheckProgress", "TimeOutReached");

    assertThat(caller)
        .isEnded()
        .variables()
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry(
            "errorMessage",
            "READY not reached within PT5M: 1 of 2 pods ready (vdu1: ImagePullBackOff)");
  }

  @Test
  void transientFailureIsRetriedByTheKubernetesProfileThenAnIncidentThatCanBeRetried() {
    steps.on(
        "applyDeploymentsDelegate", unavailable(), unavailable(), unavailable(), Steps.succeed());
    ProcessInstance instance = start("vnf-apply-kubernetes", "kubernetes");
    run("ApplyConfigMaps");

    assertThat(runUntilIncident("ApplyDeployments")).as("R3/PT5S").isEqualTo(3);
    assertThat(incidentsAt("ApplyDeployments"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("connection refused"));
    assertThat(instance).isActive().isWaitingAt("ApplyDeployments");

    retry("ApplyDeployments");
    run("ApplyServices", "ApplyAutoscalers", "WaitUntilReady", "CheckProgress");
    assertThat(instance).isEnded().hasPassed("VnfReady");
    assertThat(incidentsAt("ApplyDeployments")).isEmpty();
  }

  /**
   * Started on its own (say from cockpit), nobody catches the model's BPMN errors: the engine turns
   * them into an incident rather than ending the instance as if it had succeeded.
   */
  @Test
  void onItsOwnABpmnErrorIsAnIncident() {
    steps.on("applyDeploymentsDelegate", bpmnError("VIM_REJECTED"));
    ProcessInstance instance = start("vnf-apply-kubernetes", "kubernetes");
    run("ApplyConfigMaps");

    runUntilIncident("ApplyDeployments");

    assertThat(incidentsAt("ApplyDeployments"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("VIM_REJECTED"));
    assertThat(instance).isActive();
  }

  private static void runStepsUpTo(String last) {
    List<String> all = KUBERNETES.applySteps;
    run(all.subList(0, all.indexOf(last) + 1));
  }
}
