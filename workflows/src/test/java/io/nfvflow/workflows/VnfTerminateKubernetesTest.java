package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.KubernetesPaths.DELETE;
import static io.nfvflow.workflows.KubernetesPaths.TERMINATE_CALLS;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.gone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vnf-terminate-kubernetes on its own. It must never give up silently: every failure, including
 * removal that never finishes, ends as a retryable incident.
 */
@Deployment(resources = "bpmn/vnf-terminate-kubernetes.bpmn")
class VnfTerminateKubernetesTest extends ProcessTestBase {

  @Test
  void deletesEverythingAndConfirmsItIsGone() {
    ProcessInstance instance = start("vnf-terminate-kubernetes", "kubernetes");

    assertThat(instance).isWaitingAt("DeleteAutoscalers");
    run(DELETE);
    run("CheckWorkloadsGone");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "DeleteAutoscalers",
            "DeleteServices",
            "DeleteDeployments",
            "DeleteConfigMaps",
            "CheckWorkloadsGone",
            "WaitForRemovalEnd",
            "EndEvent");
    assertThat(steps.calls()).containsExactlyElementsOf(TERMINATE_CALLS);
    assertThat(hasJobAt("RemovalTimeoutReached")).isFalse();
  }

  @Test
  void pollsEveryPollIntervalUntilGone() {
    steps.on("checkWorkloadsGoneDelegate", gone(false), gone(false), gone(true));
    ProcessInstance instance = start("vnf-terminate-kubernetes", "kubernetes");

    run(DELETE);
    run("CheckWorkloadsGone", "WaitForRemovalPollTimer");
    run("CheckWorkloadsGone", "WaitForRemovalPollTimer");
    run("CheckWorkloadsGone");

    assertThat(instance).isEnded();
    assertThat(steps.calls()).filteredOn("checkWorkloadsGoneDelegate"::equals).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"DeleteAutoscalers", "DeleteServices", "DeleteDeployments", "DeleteConfigMaps"})
  void failingDeleteIsRetriedThenAnIncidentAndRetryingContinues(String step) {
    steps.on(
        beanOf(step),
        fail(new IllegalStateException("API server unavailable")),
        fail(new IllegalStateException("API server unavailable")),
        fail(new IllegalStateException("API server unavailable")),
        Steps.succeed());
    ProcessInstance instance = start("vnf-terminate-kubernetes", "kubernetes");
    runDeleteStepsBefore(step);

    assertThat(runUntilIncident(step)).isEqualTo(3);
    assertThat(incidentsAt(step)).hasSize(1);
    assertThat(instance).isActive().isWaitingAt(step);

    retry(step);
    runDeleteStepsAfter(step);
    run("CheckWorkloadsGone");
    assertThat(instance).isEnded();
  }

  @Test
  void bpmnErrorFromADeleteStepIsAnIncidentToo() {
    steps.on("deleteConfigMapsDelegate", bpmnError("VIM_REJECTED"));
    ProcessInstance instance = start("vnf-terminate-kubernetes", "kubernetes");
    run("DeleteAutoscalers", "DeleteServices", "DeleteDeployments");

    runUntilIncident("DeleteConfigMaps");

    assertThat(incidentsAt("DeleteConfigMaps")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("DeleteConfigMaps");
  }

  /**
   * Removal that does not finish within readyTimeout (a stuck finalizer, say) stops polling and
   * becomes an incident at ReportRemovalTimeout, which the operation reports as FAILED_TEMP. Once
   * the operator has freed the resources, retrying the incident polls once more and finishes.
   */
  @Test
  void removalTimeoutIsAnIncidentAndRetryingPollsAgain() {
    steps.on("checkWorkloadsGoneDelegate", gone(false), gone(true));
    steps.on(
        "reportRemovalTimeoutDelegate",
        fail(new IllegalStateException("deployment vnf-1-vdu1 still present")),
        fail(new IllegalStateException("deployment vnf-1-vdu1 still present")),
        fail(new IllegalStateException("deployment vnf-1-vdu1 still present")),
        Steps.succeed());
    ProcessInstance instance = start("vnf-terminate-kubernetes", "kubernetes");
    run(DELETE);
    run("CheckWorkloadsGone");

    run("RemovalTimeoutReached");
    assertThat(hasJobAt("WaitForRemovalPollTimer")).as("polling stopped").isFalse();
    assertThat(runUntilIncident("ReportRemovalTimeout")).isEqualTo(3);
    assertThat(incidentsAt("ReportRemovalTimeout"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("still present"));
    assertThat(instance).isActive().isWaitingAt("ReportRemovalTimeout");

    retry("ReportRemovalTimeout");
    run("CheckWorkloadsGone");
    assertThat(instance).isEnded().hasPassed("ReportRemovalTimeout", "EndEvent");
  }

  private static void runDeleteStepsBefore(String step) {
    for (String s : DELETE) {
      if (s.equals(step)) {
        return;
      }
      run(s);
    }
  }

  private static void runDeleteStepsAfter(String step) {
    boolean after = false;
    for (String s : DELETE) {
      if (after) {
        run(s);
      }
      after |= s.equals(step);
    }
  }

  private static String beanOf(String taskId) {
    return Character.toLowerCase(taskId.charAt(0)) + taskId.substring(1) + "Delegate";
  }
}
