package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.KubernetesPaths.DELETE;
import static io.nfvflow.workflows.KubernetesPaths.DELETE_CALLS;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.gone;
import static io.nfvflow.workflows.Steps.notYet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(
    resources = {
      "bpmn/vnf-terminate.bpmn",
      "bpmn/vnf-terminate-kubernetes.bpmn",
      "bpmn/vnf-terminate-openstack.bpmn"
    })
class VnfTerminateTest extends ProcessTestBase {

  @Test
  void deletesInReverseOrderWaitsUntilGoneAndRemovesTheVnf() {
    steps.on("checkWorkloadsGoneDelegate", gone(false), gone(true));
    ProcessInstance instance = start("vnf-terminate", "kubernetes");

    run("TerminateOnVim");
    run(DELETE);
    run("CheckWorkloadsGone", "WaitForRemovalPollTimer", "CheckWorkloadsGone", "RemoveVnf");

    assertThat(instance).isEnded().hasPassedInOrder("TerminateOnVim", "RemoveVnf", "VnfRemoved");
    List<String> expected = new ArrayList<>(DELETE_CALLS);
    expected.addAll(
        List.of("checkWorkloadsGoneDelegate", "checkWorkloadsGoneDelegate", "removeVnfDelegate"));
    assertThat(steps.calls()).containsExactlyElementsOf(expected);
    assertThat(Jobs.businessKeysOf("vnf-terminate-kubernetes")).containsExactly(Jobs.BUSINESS_KEY);
  }

  @Test
  void failingDeleteIsAnIncidentThatCanBeRetried() {
    steps.on(
        "deleteDeploymentsDelegate",
        fail(new IllegalStateException("API server unavailable")),
        fail(new IllegalStateException("API server unavailable")),
        fail(new IllegalStateException("API server unavailable")),
        Steps.succeed());
    ProcessInstance instance = start("vnf-terminate", "kubernetes");
    run("TerminateOnVim", "DeleteAutoscalers", "DeleteServices");

    assertThat(runUntilIncident("DeleteDeployments")).isEqualTo(3);
    assertThat(incidentsAt("DeleteDeployments")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("TerminateOnVim");
    assertThat(steps.calls()).doesNotContain("removeVnfDelegate");

    retry("DeleteDeployments");
    run("DeleteConfigMaps", "CheckWorkloadsGone", "RemoveVnf");
    assertThat(instance).isEnded().hasPassed("VnfRemoved");
  }

  /**
   * Terminate has no rollback: a BPMN error from a delete step (say VIM_UNAUTHORIZED after a token
   * expired) must not end the operation silently. With the engine's
   * enableExceptionsAfterUnhandledBpmnError it fails the job, which becomes an incident like any
   * other failure and can be retried once the cause is fixed.
   */
  @Test
  void bpmnErrorFromADeleteStepIsAnIncidentNotASilentEnd() {
    steps.on("deleteServicesDelegate", bpmnError("VIM_UNAUTHORIZED"));
    ProcessInstance instance = start("vnf-terminate", "kubernetes");
    run("TerminateOnVim", "DeleteAutoscalers");

    runUntilIncident("DeleteServices");

    assertThat(incidentsAt("DeleteServices"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("VIM_UNAUTHORIZED"));
    assertThat(instance).isActive().isWaitingAt("TerminateOnVim");
    assertThat(steps.calls()).doesNotContain("removeVnfDelegate");

    steps.on("deleteServicesDelegate", Steps.succeed());
    retry("DeleteServices");
    run("DeleteDeployments", "DeleteConfigMaps", "CheckWorkloadsGone", "RemoveVnf");
    assertThat(instance).isEnded().hasPassed("VnfRemoved");
  }

  @Test
  void onOpenstackDeletesTheStackWaitsUntilGoneAndRemovesTheVnf() {
    steps.on("checkStackDeletedDelegate", notYet("gone", "PT10S"), gone(true));
    ProcessInstance instance = start("vnf-terminate", "openstack");

    run("TerminateOnVim", "DeleteStack", "CheckStackDeleted", "WaitForStackDeletionPollTimer");
    run("CheckStackDeleted", "RemoveVnf");

    assertThat(instance).isEnded().hasPassedInOrder("TerminateOnVim", "RemoveVnf", "VnfRemoved");
    assertThat(steps.calls())
        .containsExactly(
            "deleteStackDelegate",
            "checkStackDeletedDelegate",
            "checkStackDeletedDelegate",
            "removeVnfDelegate");
    assertThat(Jobs.businessKeysOf("vnf-terminate-openstack")).containsExactly(Jobs.BUSINESS_KEY);
  }

  @Test
  void onOpenstackDeleteFailedIsAnIncidentThatCanBeRetried() {
    steps.on(
        "checkStackDeletedDelegate",
        fail(VnfTerminateOpenstackTest.DELETE_FAILED),
        fail(VnfTerminateOpenstackTest.DELETE_FAILED),
        fail(VnfTerminateOpenstackTest.DELETE_FAILED),
        fail(VnfTerminateOpenstackTest.DELETE_FAILED),
        fail(VnfTerminateOpenstackTest.DELETE_FAILED),
        gone(true));
    ProcessInstance instance = start("vnf-terminate", "openstack");
    run("TerminateOnVim", "DeleteStack");

    assertThat(runUntilIncident("CheckStackDeleted")).isEqualTo(5);
    assertThat(instance).isActive().isWaitingAt("TerminateOnVim");
    assertThat(steps.calls()).doesNotContain("removeVnfDelegate");

    retry("CheckStackDeleted");
    run("RemoveVnf");
    assertThat(instance).isEnded().hasPassed("VnfRemoved");
  }

  /** Same as for instantiation: the unresolvable call activity is an incident, documented there. */
  @Test
  void unknownVimTypeBecomesAnIncidentOnTerminateOnVim() {
    ProcessInstance instance = start("vnf-terminate", "vsphere");

    runUntilIncident("TerminateOnVim");

    assertThat(incidentsAt("TerminateOnVim"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("vnf-terminate-vsphere"));
    assertThat(instance).isActive();
    assertThat(steps.calls()).isEmpty();
  }
}
