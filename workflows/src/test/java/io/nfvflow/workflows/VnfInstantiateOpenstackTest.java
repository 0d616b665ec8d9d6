package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.jobAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.startUnderCaller;
import static io.nfvflow.workflows.OpenstackPaths.INSTANTIATE_CALLS;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * vnf-instantiate-openstack on its own. Its BPMN errors are meant for the caller, so the error
 * paths run it under {@code test-caller} and check what reaches the caller. The clock is fixed so
 * that timer and retry due dates can be checked exactly.
 */
@Deployment(resources = {"bpmn/vnf-instantiate-openstack.bpmn", "test-caller.bpmn"})
class VnfInstantiateOpenstackTest extends ProcessTestBase {

  /** What Heat says when Nova cannot place a server. */
  static final String HEAT_REASON =
      "Resource CREATE failed: ResourceInError: resources.vdu1: Went to status ERROR due to"
          + " \"Message: No valid host was found. , Code: 500\"";

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @BeforeEach
  void fixTheClock() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void createsTheStackWaitsThePollDelayAndReadsTheOutputs() {
    steps.on("checkStackCreatedDelegate", notYet("ready", "PT10S"), ready(true));
    ProcessInstance instance = start("vnf-instantiate-openstack", "openstack");

    assertThat(instance).isWaitingAt("CreateStack");
    run("CreateStack");
    assertThat(dueIn("StackTimeoutReached")).as("readyTimeout armed").isEqualTo("PT5M");
    run("CheckStackCreated");
    assertThat(dueIn("WaitForStackPollTimer")).as("the check's pollDelay").isEqualTo("PT10S");
    run("WaitForStackPollTimer", "CheckStackCreated", "ReadStackOutputs");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "CreateStack",
            "CheckStackCreated",
            "WaitForStackPollTimer",
            "CheckStackCreated",
            "WaitForStackEnd",
            "ReadStackOutputs",
            "EndEvent")
        .variables()
        .containsEntry("ready", true)
        .containsEntry("mgmtAddresses", Steps.MGMT_ADDRESSES);
    assertThat(steps.calls())
        .containsExactly(
            "createStackDelegate",
            "checkStackCreatedDelegate",
            "checkStackCreatedDelegate",
            "readStackOutputsDelegate");
    assertThat(hasJobAt("StackTimeoutReached")).as("readiness timer is gone").isFalse();
  }

  @Test
  void completeAtTheFirstCheckGoesStraightOn() {
    ProcessInstance instance = start("vnf-instantiate-openstack", "openstack");

    run(OpenstackPaths.INSTANTIATE);

    assertThat(instance).isEnded().hasNotPassed("WaitForStackPollTimer");
    assertThat(steps.calls()).containsExactlyElementsOf(INSTANTIATE_CALLS);
  }

  /**
   * The first check runs before any pollDelay exists; every timer waits exactly what the check
   * before it set, so the backoff lives entirely in the delegate.
   */
  @Test
  void everyPollWaitsThePollDelayTheCheckBeforeItSet() {
    List<Object> delaysSeen = new ArrayList<>();
    steps.on(
        "checkStackCreatedDelegate",
        seeing(delaysSeen, notYet("ready", "PT10S")),
        seeing(delaysSeen, notYet("ready", "PT20S")),
        seeing(delaysSeen, notYet("ready", "PT40S")),
        seeing(delaysSeen, ready(true)));
    ProcessInstance instance = start("vnf-instantiate-openstack", "openstack");
    run("CreateStack");

    List<String> waits = new ArrayList<>();
    for (int poll = 0; poll < 3; poll++) {
      run("CheckStackCreated");
      waits.add(dueIn("WaitForStackPollTimer"));
      run("WaitForStackPollTimer");
    }
    run("CheckStackCreated", "ReadStackOutputs");

    assertThat(instance).isEnded();
    assertThat(waits).containsExactly("PT10S", "PT20S", "PT40S");
    assertThat(delaysSeen).containsExactly(null, "PT10S", "PT20S", "PT40S");
  }

  /** The backoff state belongs to the wait: the caller gets the results, not the last delay. */
  @Test
  void pollDelayStaysInsideTheWait() {
    steps.on("checkStackCreatedDelegate", notYet("ready", "PT10S"), ready(true));
    ProcessInstance caller = startUnderCaller("openstack");

    run("CreateStack", "CheckStackCreated", "WaitForStackPollTimer");
    run("CheckStackCreated", "ReadStackOutputs");

    assertThat(caller)
        .isEnded()
        .hasPassed("CallerDone")
        .variables()
        .containsEntry("mgmtAddresses", Steps.MGMT_ADDRESSES)
        .doesNotContainKey("pollDelay");
    assertThat(steps.variablesSeenBy("readStackOutputsDelegate")).doesNotContainKey("pollDelay");
  }

  /**
   * A check that says "not yet" without a pollDelay is a delegate bug; the timer cannot be armed,
   * so the check's job fails and ends as an incident rather than the wait hanging or ending.
   */
  @Test
  void notReadyWithoutPollDelayIsAnIncidentAtTheCheck() {
    steps.on("checkStackCreatedDelegate", ready(false));
    ProcessInstance instance = start("vnf-instantiate-openstack", "openstack");
    run("CreateStack");

    assertThat(runUntilIncident("CheckStackCreated")).isEqualTo(5);

    assertThat(incidentsAt("CheckStackCreated"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("WaitForStackPollTimer"));
    assertThat(instance).isActive().isWaitingAt("CheckStackCreated");
  }

  @Test
  void stackFailedReachesTheCallerWithHeatsReasonAndStopsWaiting() {
    steps.on(
        "checkStackCreatedDelegate",
        notYet("ready", "PT10S"),
        fail(new BpmnError("STACK_FAILED", HEAT_REASON)));
    ProcessInstance caller = startUnderCaller("openstack");

    run("CreateStack", "CheckStackCreated", "WaitForStackPollTimer", "CheckStackCreated");

    assertThat(caller).isEnded().hasPassed("ChildFailed");
    assertThat(caller)
        .variables()
        .containsEntry("errorCode", "STACK_FAILED")
        .containsEntry("errorMessage", HEAT_REASON);
    assertThat(hasJobAt("StackTimeoutReached")).isFalse();
    assertThat(steps.calls()).doesNotContain("readStackOutputsDelegate");
  }

  @Test
  void rejectedStackReachesTheCaller() {
    steps.on("createStackDelegate", bpmnError("VIM_REJECTED"));
    ProcessInstance caller = startUnderCaller("openstack");

    run("CreateStack");

    assertThat(caller).isEnded().hasPassed("ChildFailed");
    assertThat(caller).variables().containsEntry("errorCode", "VIM_REJECTED");
    assertThat(steps.calls()).containsExactly("createStackDelegate");
  }

  @Test
  void readyTimeoutStopsPollingAndReachesTheCaller() {
    steps.on("checkStackCreatedDelegate", notYet("ready", "PT30S"));
    ProcessInstance caller = startUnderCaller("openstack");

    run("CreateStack", "CheckStackCreated");
    assertThat(hasJobAt("WaitForStackPollTimer")).isTrue();
    run("StackTimeoutReached");
    assertThat(hasJobAt("WaitForStackPollTimer")).as("interrupted").isFalse();
    run("ReportStackTimeout");

    assertThat(caller).isEnded().hasPassed("ChildFailed");
    assertThat(caller)
        .variables()
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry("errorMessage", "stack vnf-1 not CREATE_COMPLETE within PT5M");
    assertThat(steps.calls()).doesNotContain("readStackOutputsDelegate");
  }

  @Test
  void transientFailureOfCreateStackIsRetriedFiveTimesThenAnIncident() {
    steps.on(
        "createStackDelegate", fail(new IllegalStateException("Heat: 503 Service Unavailable")));
    ProcessInstance instance = start("vnf-instantiate-openstack", "openstack");

    assertThat(runUntilIncident("CreateStack")).as("openstack retry profile R5").isEqualTo(5);
    assertThat(incidentsAt("CreateStack"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("503 Service Unavailable"));
    assertThat(instance).isActive().isWaitingAt("CreateStack");
    assertThat(steps.calls()).containsOnly("createStackDelegate").hasSize(5);

    steps.on("createStackDelegate", Steps.succeed());
    retry("CreateStack");
    run("CheckStackCreated", "ReadStackOutputs");
    assertThat(instance).isEnded();
  }

  @Test
  void aFailedAttemptIsRetriedFifteenSecondsLater() {
    steps.on("createStackDelegate", fail(new IllegalStateException("Nova: 504 Gateway Timeout")));
    start("vnf-instantiate-openstack", "openstack");
    String jobId = jobAt("CreateStack").getId();

    assertThatThrownBy(() -> managementService().executeJob(jobId));

    assertThat(jobAt("CreateStack").getRetries()).as("retries left").isEqualTo(4);
    assertThat(dueIn("CreateStack")).isEqualTo("PT15S");
  }

  /**
   * Started on its own (say from cockpit), nobody catches the child's BPMN errors: the engine turns
   * them into an incident rather than ending the instance as if it had succeeded.
   */
  @Test
  void onItsOwnStackFailedIsAnIncident() {
    steps.on("checkStackCreatedDelegate", fail(new BpmnError("STACK_FAILED", HEAT_REASON)));
    ProcessInstance instance = start("vnf-instantiate-openstack", "openstack");
    run("CreateStack");

    runUntilIncident("CheckStackCreated");

    assertThat(incidentsAt("CheckStackCreated"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("STACK_FAILED"));
    assertThat(instance).isActive();
  }

  /** How long after the fixed "now" the job at the activity is due, as an ISO duration. */
  private static String dueIn(String activityId) {
    return Duration.between(NOW, jobAt(activityId).getDuedate().toInstant()).toString();
  }

  /** Records the pollDelay the check saw, then answers. */
  private static JavaDelegate seeing(List<Object> seen, JavaDelegate answer) {
    return e -> {
      seen.add(e.getVariable("pollDelay"));
      answer.execute(e);
    };
  }
}
