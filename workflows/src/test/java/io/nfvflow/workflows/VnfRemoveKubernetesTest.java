package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.done;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static io.nfvflow.workflows.Vim.KUBERNETES;
import static io.nfvflow.workflows.Vim.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * vnf-remove-kubernetes. A removal has nothing to roll back to, so it never gives up silently:
 * failing steps, BPMN errors and objects left after the time-out all end as retryable incidents.
 */
@Deployment(resources = {"bpmn/vnf-remove-kubernetes.bpmn", "bpmn/vnf-wait.bpmn"})
class VnfRemoveKubernetesTest extends ProcessTestBase {

  /** What CheckRemoved says while objects are left. */
  static final IllegalStateException STILL_THERE =
      new IllegalStateException(
          "not removed PT5M after removal was requested: deployment vnf-1-vdu1 still present"
              + " (look for finalizers, a stuck controller or a DELETE_FAILED stack, then retry"
              + " this step)");

  @Test
  void deletesInReverseOrderThenWaitsUntilGone() {
    steps.on("checkProgressDelegate", notYet("2 pods terminating", "PT2S"), done());
    ProcessInstance instance = start("vnf-remove-kubernetes", "kubernetes");

    assertThat(instance).isWaitingAt("DeleteAutoscalers");
    run(KUBERNETES.removeSteps);
    run("WaitUntilGone", "CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "DeleteAutoscalers",
            "DeleteServices",
            "DeleteDeployments",
            "DeleteConfigMaps",
            "WaitUntilGone",
            "VnfRemoved")
        .hasNotPassed("CheckRemoved");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                Vim.beans(KUBERNETES.removeSteps),
                "checkProgressDelegate",
                "checkProgressDelegate"));
    assertThat(steps.variablesSeenBy("checkProgressDelegate")).containsEntry("goal", "GONE");
  }

  /**
   * Objects still there after readyTimeout: the wait's READY_TIMEOUT leads to CheckRemoved, an
   * incident naming what is left while it is left. Once the operator removed the finalizer,
   * retrying the incident finds everything gone and the removal ends.
   */
  @Test
  void objectsLeftAfterTheTimeOutAreAnIncidentAtCheckRemovedUntilTheyAreGone() {
    steps.on("checkProgressDelegate", notYet("deployment vnf-1-vdu1 still present", "PT2S"));
    steps.on("checkRemovedDelegate", fail(STILL_THERE));
    ProcessInstance instance = start("vnf-remove-kubernetes", "kubernetes");
    run(KUBERNETES.removeSteps);
    run("WaitUntilGone", "CheckProgress");

    run("TimeOutReached");
    assertThat(instance)
        .isWaitingAt("CheckRemoved")
        .variables()
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry(
            "errorMessage", "GONE not reached within PT5M: deployment vnf-1-vdu1 still present");
    assertThat(runUntilIncident("CheckRemoved")).as("R3/PT5S").isEqualTo(3);
    assertThat(incidentsAt("CheckRemoved"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("vnf-1-vdu1 still present"));
    assertThat(instance).isActive();

    steps.on("checkRemovedDelegate", Steps.succeed());
    retry("CheckRemoved");

    assertThat(incidentsAt("CheckRemoved")).isEmpty();
    assertThat(instance).isEnded().hasPassed("NotGoneInTime", "VnfRemovedLate");
  }

  @Test
  void goneByTheTimeCheckRemovedRunsEndsAtOnce() {
    steps.on("checkProgressDelegate", notYet("1 pod terminating", "PT2S"));
    ProcessInstance instance = start("vnf-remove-kubernetes", "kubernetes");
    run(KUBERNETES.removeSteps);
    run("WaitUntilGone", "CheckProgress", "TimeOutReached", "CheckRemoved");

    assertThat(instance).isEnded().hasPassed("VnfRemovedLate").hasNotPassed("VnfRemoved");
    assertThat(incidentsAt("CheckRemoved")).isEmpty();
  }

  /** Only the time-out leads to CheckRemoved; any other error of the wait is an incident. */
  @Test
  void anotherErrorOfTheWaitIsAnIncidentNotACheck() {
    steps.on("checkProgressDelegate", bpmnError("VIM_UNAUTHORIZED"));
    ProcessInstance instance = start("vnf-remove-kubernetes", "kubernetes");
    run(KUBERNETES.removeSteps);
    run("WaitUntilGone");

    runUntilIncident("CheckProgress");

    assertThat(incidentsAt("CheckProgress"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("VIM_UNAUTHORIZED"));
    assertThat(instance).isActive().hasNotPassed("CheckRemoved");
  }

  @Test
  void failingDeleteIsRetriedThenAnIncidentAndRetryingContinues() {
    steps.on(
        "deleteDeploymentsDelegate", unavailable(), unavailable(), unavailable(), Steps.succeed());
    ProcessInstance instance = start("vnf-remove-kubernetes", "kubernetes");
    run("DeleteAutoscalers", "DeleteServices");

    assertThat(runUntilIncident("DeleteDeployments")).isEqualTo(3);
    assertThat(instance).isActive().isWaitingAt("DeleteDeployments");

    retry("DeleteDeployments");
    run("DeleteConfigMaps", "WaitUntilGone", "CheckProgress");
    assertThat(instance).isEnded().hasPassed("VnfRemoved");
  }

  /**
   * A BPMN error from a delete step (say VIM_UNAUTHORIZED after a token expired) has no boundary
   * event here: with the engine's enableExceptionsAfterUnhandledBpmnError it fails the job, which
   * becomes an incident like any other failure, never a silent end.
   */
  @Test
  void bpmnErrorFromADeleteStepIsAnIncidentNotASilentEnd() {
    steps.on("deleteServicesDelegate", bpmnError("VIM_UNAUTHORIZED"));
    ProcessInstance instance = start("vnf-remove-kubernetes", "kubernetes");
    run("DeleteAutoscalers");

    runUntilIncident("DeleteServices");

    assertThat(incidentsAt("DeleteServices"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("VIM_UNAUTHORIZED"));
    assertThat(instance).isActive().isWaitingAt("DeleteServices");
  }
}
