package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.BUSINESS_KEY;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.jobAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.startUnderCaller;
import static io.nfvflow.workflows.Jobs.variables;
import static io.nfvflow.workflows.Jobs.variablesOf;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.done;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static io.nfvflow.workflows.Vim.beanOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * vnf-heal-openstack: mark the selected servers unhealthy, update the stack with converge (Heat
 * replaces them and recreates what is missing), then wait until ready. Error paths under {@code
 * test-caller}, as for its Kubernetes sibling.
 */
@Deployment(resources = {"bpmn/vnf-heal-openstack.bpmn", "bpmn/vnf-wait.bpmn", "test-caller.bpmn"})
class VnfHealOpenstackTest extends ProcessTestBase {

  /** What Heat says when Nova cannot place the replacement server. */
  static final String HEAT_REASON =
      "Resource UPDATE failed: ResourceInError: resources.vdu1: Went to status ERROR due to"
          + " \"Message: No valid host was found. , Code: 500\"";

  @Test
  void marksTheServersUnhealthyThenConvergesTheStackAndWaitsUntilReady() {
    steps.on(
        "checkProgressDelegate",
        notYet("stack UPDATE_IN_PROGRESS", "PT10S"),
        notYet("stack UPDATE_COMPLETE, 1 of 2 servers ACTIVE", "PT20S"),
        done());
    ProcessInstance instance = start("vnf-heal-openstack", "openstack");

    assertThat(instance).isWaitingAt("MarkServersUnhealthy");
    run("MarkServersUnhealthy", "HealStack", "WaitUntilReady", "CheckProgress");
    assertThat(jobAt("WaitPollDelay").getDuedate()).isEqualTo(nowPlus("PT10S"));
    run("WaitPollDelay", "CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "HealRequested", "MarkServersUnhealthy", "HealStack", "WaitUntilReady", "VnfHealed");
    assertThat(steps.calls())
        .containsExactly(
            "markServersUnhealthyDelegate",
            "healStackDelegate",
            "checkProgressDelegate",
            "checkProgressDelegate",
            "checkProgressDelegate");
    assertThat(steps.variablesSeenBy("markServersUnhealthyDelegate"))
        .isEqualTo(variables("openstack"));
    assertThat(steps.variablesSeenBy("healStackDelegate")).isEqualTo(variables("openstack"));
    assertThat(businessKeysOf("vnf-wait")).containsExactly(BUSINESS_KEY);
    assertThat(variablesOf(instancesOf("vnf-wait").get(0)))
        .as("what the wait was given")
        .containsEntry("goal", "READY")
        .containsEntry("vnfId", "vnf-1")
        .containsEntry("vimType", "openstack")
        .containsEntry("retryCycle", "R5/PT15S")
        .containsEntry("readyTimeout", "PT5M");
    assertThat(instance).variables().doesNotContainKeys("done", "progress", "pollDelay", "goal");
  }

  @ParameterizedTest
  @CsvSource({
    "MarkServersUnhealthy, VIM_REJECTED",
    "MarkServersUnhealthy, VIM_UNAUTHORIZED",
    "HealStack, VIM_REJECTED",
    "HealStack, VIM_UNAUTHORIZED"
  })
  void errorsOfTheStepsReachTheCaller(String step, String code) {
    steps.on(beanOf(step), bpmnError(code));
    ProcessInstance caller = startUnderCaller("vnf-heal-openstack", variables("openstack"));

    run("MarkServersUnhealthy");
    if (step.equals("HealStack")) {
      run("HealStack");
    }

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(steps.calls()).last().isEqualTo(beanOf(step));
    assertThat(businessKeysOf("vnf-wait")).isEmpty();
  }

  @Test
  void aStackThatFailsToHealReachesTheCallerWithHeatsReason() {
    steps.on(
        "checkProgressDelegate",
        notYet("stack UPDATE_IN_PROGRESS", "PT10S"),
        fail(new BpmnError("STACK_FAILED", HEAT_REASON)));
    ProcessInstance caller = startUnderCaller("vnf-heal-openstack", variables("openstack"));

    run("MarkServersUnhealthy", "HealStack", "WaitUntilReady");
    run("CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", "STACK_FAILED")
        .containsEntry("errorMessage", HEAT_REASON);
  }

  @Test
  void readinessTimeOutReachesTheCallerWithTheStacksProgress() {
    steps.on("checkProgressDelegate", notYet("stack UPDATE_IN_PROGRESS", "PT30S"));
    ProcessInstance caller = startUnderCaller("vnf-heal-openstack", variables("openstack"));

    run("MarkServersUnhealthy", "HealStack", "WaitUntilReady", "CheckProgress", "TimeOutReached");

    assertThat(caller)
        .isEnded()
        .variables()
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry("errorMessage", "READY not reached within PT5M: stack UPDATE_IN_PROGRESS");
  }

  /** A retry of the stack update marks nothing again: the step before stays done. */
  @Test
  void transientFailureIsRetriedByTheOpenstackProfileThenAnIncidentThatCanBeRetried() {
    steps.on(
        "healStackDelegate",
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        Steps.succeed());
    ProcessInstance instance = start("vnf-heal-openstack", "openstack");
    run("MarkServersUnhealthy");

    assertThat(runUntilIncident("HealStack")).as("R5/PT15S").isEqualTo(5);
    assertThat(incidentsAt("HealStack")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("HealStack");

    retry("HealStack");
    run("WaitUntilReady", "CheckProgress");
    assertThat(instance).isEnded().hasPassed("VnfHealed");
    assertThat(steps.calls()).containsOnlyOnce("markServersUnhealthyDelegate");
  }
}
