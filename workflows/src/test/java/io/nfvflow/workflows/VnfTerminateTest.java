package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static io.nfvflow.workflows.Vim.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** vnf-terminate: nothing to roll back to, so every failure is an incident that can be retried. */
@Deployment(
    resources = {
      "bpmn/vnf-terminate.bpmn",
      "bpmn/vnf-remove-kubernetes.bpmn",
      "bpmn/vnf-remove-openstack.bpmn",
      "bpmn/vnf-wait.bpmn"
    })
class VnfTerminateTest extends ProcessTestBase {

  @ParameterizedTest
  @EnumSource(Vim.class)
  void removesEverythingFromTheVimAndCompletes(Vim vim) {
    ProcessInstance instance = start("vnf-terminate", vim.type);

    run("RemoveFromVim");
    vim.remove();
    run("CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("RemoveFromVim", "CompleteOperation", "VnfRemoved");
    assertThat(steps.calls())
        .containsExactlyElementsOf(calls(vim.removeCalls(), "completeOperationDelegate"));
    assertThat(businessKeysOf("vnf-remove-" + vim.type)).containsExactly(Jobs.BUSINESS_KEY);
  }

  @Test
  void aFailingDeleteIsAnIncidentThatCanBeRetried() {
    steps.on(
        "deleteDeploymentsDelegate", unavailable(), unavailable(), unavailable(), Steps.succeed());
    ProcessInstance instance = start("vnf-terminate", "kubernetes");
    run("RemoveFromVim", "DeleteAutoscalers", "DeleteServices");

    assertThat(runUntilIncident("DeleteDeployments")).isEqualTo(3);
    assertThat(instance).isActive().isWaitingAt("RemoveFromVim");
    assertThat(steps.calls()).doesNotContain("completeOperationDelegate");

    retry("DeleteDeployments");
    run("DeleteConfigMaps", "WaitUntilGone", "CheckProgress", "CompleteOperation");
    assertThat(instance).isEnded().hasPassed("VnfRemoved");
  }

  /**
   * A BPMN error from a delete step (VIM_UNAUTHORIZED after a token expired) reaches RemoveFromVim,
   * which has no boundary event: the job fails and becomes an incident, the operation never ends as
   * if the VNF were gone.
   */
  @Test
  void aBpmnErrorIsAnIncidentNotASilentEnd() {
    steps.on("deleteStackDelegate", bpmnError("VIM_UNAUTHORIZED"));
    ProcessInstance instance = start("vnf-terminate", "openstack");
    run("RemoveFromVim");

    runUntilIncident("DeleteStack");

    assertThat(incidentsAt("DeleteStack"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("VIM_UNAUTHORIZED"));
    assertThat(instance).isActive().isWaitingAt("RemoveFromVim");
    assertThat(steps.calls()).doesNotContain("completeOperationDelegate");
  }

  @Test
  void objectsLeftAfterTheTimeOutAreAnIncidentAndRetryingCompletes() {
    steps.on("checkProgressDelegate", notYet("stack DELETE_FAILED", "PT30S"));
    steps.on(
        "checkRemovedDelegate",
        Steps.fail(new IllegalStateException("not removed: stack DELETE_FAILED")));
    ProcessInstance instance = start("vnf-terminate", "openstack");
    run("RemoveFromVim", "DeleteStack", "WaitUntilGone", "CheckProgress", "TimeOutReached");

    runUntilIncident("CheckRemoved");
    assertThat(instance).isActive().isWaitingAt("RemoveFromVim");

    steps.on("checkRemovedDelegate", Steps.succeed());
    retry("CheckRemoved");
    run("CompleteOperation");
    assertThat(instance).isEnded().hasPassed("VnfRemoved");
  }

  @Test
  void unknownVimTypeBecomesAnIncidentOnRemoveFromVim() {
    ProcessInstance instance = start("vnf-terminate", "vsphere");

    runUntilIncident("RemoveFromVim");

    assertThat(incidentsAt("RemoveFromVim"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("vnf-remove-vsphere"));
    assertThat(instance).isActive();
    assertThat(steps.calls()).isEmpty();
  }
}
