package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.jobAt;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.startUnderCaller;
import static io.nfvflow.workflows.KubernetesPaths.CREATE;
import static io.nfvflow.workflows.KubernetesPaths.CREATE_CALLS;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vnf-instantiate-kubernetes on its own. Its BPMN errors are meant for the caller, so the error
 * paths run it under {@code test-caller} (a bare call activity with a catch-all error boundary) and
 * check what reaches the caller.
 */
@Deployment(resources = {"bpmn/vnf-instantiate-kubernetes.bpmn", "test-caller.bpmn"})
class VnfInstantiateKubernetesTest extends ProcessTestBase {

  @Test
  void createsEverythingWaitsForReadinessAndReadsAddresses() {
    ProcessInstance instance = start("vnf-instantiate-kubernetes", "kubernetes");

    assertThat(instance).isWaitingAt("CreateConfigMaps");
    run(CREATE);
    assertThat(jobAt("ReadyTimeoutReached").getDuedate()).as("readiness timer armed").isNotNull();
    run("CheckWorkloadsReady", "ReadServiceAddresses");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "CreateConfigMaps",
            "CreateDeployments",
            "CreateServices",
            "CreateAutoscalers",
            "CheckWorkloadsReady",
            "WaitForWorkloadsEnd",
            "ReadServiceAddresses",
            "EndEvent")
        .variables()
        .containsEntry("ready", true)
        .containsEntry("mgmtAddresses", Steps.MGMT_ADDRESSES);
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            concat(CREATE_CALLS, "checkWorkloadsReadyDelegate", "readServiceAddressesDelegate"));
  }

  @Test
  void pollsEveryPollIntervalWhileWorkloadsAreNotReady() {
    steps.on("checkWorkloadsReadyDelegate", ready(false), ready(false), ready(true));
    ProcessInstance instance = start("vnf-instantiate-kubernetes", "kubernetes");

    run(CREATE);
    run("CheckWorkloadsReady", "WaitForWorkloadsPollTimer");
    run("CheckWorkloadsReady", "WaitForWorkloadsPollTimer");
    run("CheckWorkloadsReady", "ReadServiceAddresses");

    assertThat(instance).isEnded();
    assertThat(steps.calls()).filteredOn("checkWorkloadsReadyDelegate"::equals).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"CreateConfigMaps", "CreateDeployments", "CreateServices", "CreateAutoscalers"})
  void rejectionOfACreateStepReachesTheCaller(String step) {
    steps.on(beanOf(step), bpmnError("VIM_REJECTED"));
    ProcessInstance caller = startUnderCaller("kubernetes");

    runCreateStepsUpTo(step);

    assertThat(caller).isEnded().hasPassed("ChildFailed");
    assertThat(caller).variables().containsEntry("errorCode", "VIM_REJECTED");
    assertThat(steps.calls()).last().isEqualTo(beanOf(step));
  }

  @Test
  void unauthorizedReachesTheCaller() {
    steps.on("createServicesDelegate", bpmnError("VIM_UNAUTHORIZED"));
    ProcessInstance caller = startUnderCaller("kubernetes");

    runCreateStepsUpTo("CreateServices");

    assertThat(caller).isEnded().hasPassed("ChildFailed");
    assertThat(caller).variables().containsEntry("errorCode", "VIM_UNAUTHORIZED");
  }

  @Test
  void workloadFailureReachesTheCallerAndStopsWaiting() {
    steps.on("checkWorkloadsReadyDelegate", ready(false), bpmnError("WORKLOAD_FAILED"));
    ProcessInstance caller = startUnderCaller("kubernetes");

    run(CREATE);
    run("CheckWorkloadsReady", "WaitForWorkloadsPollTimer", "CheckWorkloadsReady");

    assertThat(caller).isEnded().hasPassed("ChildFailed");
    assertThat(caller)
        .variables()
        .containsEntry("errorCode", "WORKLOAD_FAILED")
        .containsEntry("errorMessage", "workload failed (from the VIM)");
    assertThat(hasJobAt("ReadyTimeoutReached")).isFalse();
  }

  @Test
  void readinessTimeoutStopsPollingAndReachesTheCaller() {
    steps.on("checkWorkloadsReadyDelegate", ready(false));
    ProcessInstance caller = startUnderCaller("kubernetes");

    run(CREATE);
    run("CheckWorkloadsReady");
    assertThat(hasJobAt("WaitForWorkloadsPollTimer")).isTrue();
    run("ReadyTimeoutReached");
    assertThat(hasJobAt("WaitForWorkloadsPollTimer")).as("interrupted").isFalse();
    run("ReportReadyTimeout");

    assertThat(caller).isEnded().hasPassed("ChildFailed");
    assertThat(caller).variables().containsEntry("errorCode", "READY_TIMEOUT");
    assertThat(steps.calls()).doesNotContain("readServiceAddressesDelegate");
  }

  @Test
  void transientFailureOfAnyStepIsRetriedThenAnIncident() {
    steps.on("readServiceAddressesDelegate", fail(new IllegalStateException("connection reset")));
    ProcessInstance instance = start("vnf-instantiate-kubernetes", "kubernetes");
    run(CREATE);
    run("CheckWorkloadsReady");

    assertThat(runUntilIncident("ReadServiceAddresses")).isEqualTo(3);

    assertThat(incidentsAt("ReadServiceAddresses")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("ReadServiceAddresses");
  }

  /**
   * Started on its own (say from cockpit), nobody catches the child's BPMN errors: the engine turns
   * them into an incident rather than ending the instance as if it had succeeded.
   */
  @Test
  void onItsOwnABpmnErrorIsAnIncident() {
    steps.on("createDeploymentsDelegate", bpmnError("VIM_REJECTED"));
    ProcessInstance instance = start("vnf-instantiate-kubernetes", "kubernetes");
    run("CreateConfigMaps");

    runUntilIncident("CreateDeployments");

    assertThat(incidentsAt("CreateDeployments"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("VIM_REJECTED"));
    assertThat(instance).isActive();
  }

  private static void runCreateStepsUpTo(String last) {
    for (String step : CREATE) {
      run(step);
      if (step.equals(last)) {
        return;
      }
    }
  }

  private static String beanOf(String taskId) {
    return Character.toLowerCase(taskId.charAt(0)) + taskId.substring(1) + "Delegate";
  }

  private static List<String> concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(Arrays.asList(more));
    return all;
  }
}
