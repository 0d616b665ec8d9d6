package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Steps.done;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** vnf-remove-openstack: like its Kubernetes sibling it never gives up silently. */
@Deployment(resources = {"bpmn/vnf-remove-openstack.bpmn", "bpmn/vnf-wait.bpmn"})
class VnfRemoveOpenstackTest extends ProcessTestBase {

  @Test
  void deletesTheStackThenWaitsUntilItIsGone() {
    steps.on("checkProgressDelegate", notYet("stack DELETE_IN_PROGRESS", "PT10S"), done());
    ProcessInstance instance = start("vnf-remove-openstack", "openstack");

    assertThat(instance).isWaitingAt("DeleteStack");
    run("DeleteStack", "WaitUntilGone", "CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("DeleteStack", "WaitUntilGone", "VnfRemoved")
        .hasNotPassed("CheckRemoved");
    assertThat(steps.calls())
        .containsExactly("deleteStackDelegate", "checkProgressDelegate", "checkProgressDelegate");
    assertThat(steps.variablesSeenBy("checkProgressDelegate")).containsEntry("goal", "GONE");
  }

  /**
   * A stack in DELETE_FAILED after readyTimeout: an incident at CheckRemoved (five tries, the
   * OpenStack profile) until an operator freed the port; retrying then ends the removal.
   */
  @Test
  void aStackLeftAfterTheTimeOutIsAnIncidentAtCheckRemovedUntilItIsGone() {
    steps.on("checkProgressDelegate", notYet("stack DELETE_FAILED: port 6c1f in use", "PT30S"));
    steps.on(
        "checkRemovedDelegate",
        fail(new IllegalStateException("not removed PT5M after removal was requested: stack")));
    ProcessInstance instance = start("vnf-remove-openstack", "openstack");
    run("DeleteStack", "WaitUntilGone", "CheckProgress", "TimeOutReached");

    assertThat(runUntilIncident("CheckRemoved")).as("R5/PT15S").isEqualTo(5);
    assertThat(incidentsAt("CheckRemoved")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("CheckRemoved");

    steps.on("checkRemovedDelegate", Steps.succeed());
    retry("CheckRemoved");
    assertThat(instance).isEnded().hasPassed("VnfRemovedLate");
  }

  @Test
  void failingDeleteIsRetriedThenAnIncidentAndRetryingContinues() {
    steps.on(
        "deleteStackDelegate",
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        Steps.succeed());
    ProcessInstance instance = start("vnf-remove-openstack", "openstack");

    assertThat(runUntilIncident("DeleteStack")).isEqualTo(5);
    assertThat(instance).isActive().isWaitingAt("DeleteStack");

    retry("DeleteStack");
    run("WaitUntilGone", "CheckProgress");
    assertThat(instance).isEnded().hasPassed("VnfRemoved");
  }
}
