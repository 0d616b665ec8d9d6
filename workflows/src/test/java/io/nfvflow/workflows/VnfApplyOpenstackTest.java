package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.jobAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.startUnderCaller;
import static io.nfvflow.workflows.Jobs.variables;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.done;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** vnf-apply-openstack; error paths under {@code test-caller}, as for its Kubernetes sibling. */
@Deployment(resources = {"bpmn/vnf-apply-openstack.bpmn", "bpmn/vnf-wait.bpmn", "test-caller.bpmn"})
class VnfApplyOpenstackTest extends ProcessTestBase {

  /** What Heat says when Nova cannot place a server. */
  static final String HEAT_REASON =
      "Resource CREATE failed: ResourceInError: resources.vdu1: Went to status ERROR due to"
          + " \"Message: No valid host was found. , Code: 500\"";

  @Test
  void appliesTheStackThenWaitsUntilItIsReady() {
    steps.on(
        "checkProgressDelegate",
        notYet("stack CREATE_IN_PROGRESS", "PT10S"),
        notYet("stack CREATE_COMPLETE, 1 of 2 servers ACTIVE", "PT20S"),
        done());
    ProcessInstance instance = start("vnf-apply-openstack", "openstack");

    assertThat(instance).isWaitingAt("ApplyStack");
    run("ApplyStack", "WaitUntilReady", "CheckProgress");
    assertThat(jobAt("WaitPollDelay").getDuedate()).isEqualTo(nowPlus("PT10S"));
    run("WaitPollDelay", "CheckProgress");
    assertThat(jobAt("WaitPollDelay").getDuedate()).isEqualTo(nowPlus("PT20S"));
    run("WaitPollDelay", "CheckProgress");

    assertThat(instance).isEnded().hasPassedInOrder("ApplyStack", "WaitUntilReady", "VnfReady");
    assertThat(steps.calls())
        .containsExactly(
            "applyStackDelegate",
            "checkProgressDelegate",
            "checkProgressDelegate",
            "checkProgressDelegate");
    assertThat(steps.variablesSeenBy("checkProgressDelegate"))
        .containsEntry("goal", "READY")
        .containsEntry("vimType", "openstack");
    assertThat(businessKeysOf("vnf-wait")).containsExactly(Jobs.BUSINESS_KEY);
  }

  @Test
  void failedStackReachesTheCallerWithHeatsReason() {
    steps.on(
        "checkProgressDelegate",
        notYet("stack CREATE_IN_PROGRESS", "PT10S"),
        fail(new BpmnError("STACK_FAILED", HEAT_REASON)));
    ProcessInstance caller = startUnderCaller("vnf-apply-openstack", variables("openstack"));

    run("ApplyStack", "WaitUntilReady", "CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", "STACK_FAILED")
        .containsEntry("errorMessage", HEAT_REASON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"INVALID_DESCRIPTOR", "VIM_REJECTED", "VIM_UNAUTHORIZED"})
  void errorsOfApplyStackReachTheCaller(String code) {
    steps.on("applyStackDelegate", bpmnError(code));
    ProcessInstance caller = startUnderCaller("vnf-apply-openstack", variables("openstack"));

    run("ApplyStack");

    assertThat(caller)
        .isEnded()
        .variables()
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(businessKeysOf("vnf-wait")).isEmpty();
  }

  @Test
  void readinessTimeOutReachesTheCallerWithTheStacksProgress() {
    steps.on("checkProgressDelegate", notYet("stack CREATE_IN_PROGRESS", "PT30S"));
    ProcessInstance caller = startUnderCaller("vnf-apply-openstack", variables("openstack"));

    run("ApplyStack", "WaitUntilReady", "CheckProgress", "TimeOutReached");

    assertThat(caller)
        .isEnded()
        .variables()
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry("errorMessage", "READY not reached within PT5M: stack CREATE_IN_PROGRESS");
  }

  @Test
  void transientFailureIsRetriedByTheOpenstackProfileThenAnIncidentThatCanBeRetried() {
    steps.on(
        "applyStackDelegate",
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        unavailable(),
        Steps.succeed());
    ProcessInstance instance = start("vnf-apply-openstack", "openstack");

    assertThat(runUntilIncident("ApplyStack")).as("R5/PT15S").isEqualTo(5);
    assertThat(incidentsAt("ApplyStack")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("ApplyStack");

    retry("ApplyStack");
    run("WaitUntilReady", "CheckProgress");
    assertThat(instance).isEnded().hasPassed("VnfReady");
  }
}
