package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.jobAt;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.startUnderCaller;
import static io.nfvflow.workflows.Jobs.waitVariables;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.done;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vnf-wait, the one reusable wait. Its errors are meant for the caller, so the error paths run it
 * under {@code test-caller} (a call activity with a catch-all error boundary, the way the lifecycle
 * models call it) and check the code and message that reach the caller.
 */
@Deployment(resources = {"bpmn/vnf-wait.bpmn", "test-caller.bpmn"})
class VnfWaitTest extends ProcessTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"READY", "GONE"})
  void goalReachedAtTheFirstLookEndsTheWait(String goal) {
    ProcessInstance instance = start("vnf-wait", waitVariables("kubernetes", goal));

    assertThat(instance).isWaitingAt("CheckProgress");
    run("CheckProgress");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("CheckProgress", "IsGoalReached", "PollDone", "GoalReached")
        .hasNotPassed("WaitPollDelay");
    assertThat(steps.calls()).containsExactly("checkProgressDelegate");
    assertThat(steps.variablesSeenBy("checkProgressDelegate"))
        .containsEntry("goal", goal)
        .containsEntry("vnfId", "vnf-1")
        .doesNotContainKey("pollDelay");
    assertThat(hasJobAt("TimeOutReached")).as("time-out timer is gone").isFalse();
  }

  /**
   * Between looks the wait sleeps for the pollDelay the last look asked for (the VIM type's
   * cadence, growing), and the time-out is armed once, readyTimeout after the wait began.
   */
  @Test
  void looksAgainAfterThePollDelayOfTheLastLook() {
    List<Object> delaysSeen = new ArrayList<>();
    steps.on(
        "checkProgressDelegate",
        seeing(delaysSeen, notYet("0 of 2 pods ready", "PT2S")),
        seeing(delaysSeen, notYet("1 of 2 pods ready", "PT4S")),
        seeing(delaysSeen, done()));
    ProcessInstance instance = start("vnf-wait", waitVariables("kubernetes", "READY"));
    assertThat(jobAt("TimeOutReached").getDuedate()).isEqualTo(nowPlus("PT5M"));

    run("CheckProgress");
    assertThat(jobAt("WaitPollDelay").getDuedate()).isEqualTo(nowPlus("PT2S"));
    run("WaitPollDelay", "CheckProgress");
    assertThat(jobAt("WaitPollDelay").getDuedate()).isEqualTo(nowPlus("PT4S"));
    assertThat(instance).variables().containsEntry("progress", "1 of 2 pods ready");
    run("WaitPollDelay", "CheckProgress");

    assertThat(instance).isEnded().hasPassed("GoalReached").hasNotPassed("GoalNotReached");
    assertThat(delaysSeen).as("pollDelay at each look").containsExactly(null, "PT2S", "PT4S");
    assertThat(managementService().createJobQuery().count()).as("no timer left").isZero();
  }

  /**
   * A change the VIM reports (the message VnfChanged-&lt;vnfId&gt;, correlated by the engine) ends
   * the wait between looks at once: no poll delay, and the safety timer goes with it.
   */
  @Test
  void aReportedChangeLooksAgainAtOnceAndDropsTheTimer() {
    steps.on(
        "checkProgressDelegate",
        notYet("0 of 2 pods ready", "PT2S"),
        notYet("1 of 2 pods ready", "PT4S"),
        done());
    ProcessInstance instance = start("vnf-wait", waitVariables("kubernetes", "READY"));
    run("CheckProgress");
    assertThat(instance).isWaitingAt("AwaitChange");
    assertThat(hasJobAt("WaitPollDelay")).isTrue();

    assertThat(correlate("vnf-1")).as("the wait of vnf-1 is correlated").isEqualTo(1);
    assertThat(hasJobAt("WaitPollDelay")).as("the safety timer is dropped").isFalse();
    run("CheckProgress");
    assertThat(correlate("vnf-1")).isEqualTo(1);
    run("CheckProgress");

    assertThat(instance)
        .isEnded()
        .hasPassed("VnfChanged", "GoalReached")
        .hasNotPassed("WaitPollDelay", "GoalNotReached");
    assertThat(steps.calls()).hasSize(3);
    assertThat(managementService().createJobQuery().count()).as("no timer left").isZero();
  }

  /**
   * The message names the VNF: another VNF's change leaves this wait alone, and no message at all
   * lets the timer poll on (a VIM type without a watch, or a change the watch missed).
   */
  @Test
  void withoutItsVnfsMessageTheWaitPollsOn() {
    steps.on("checkProgressDelegate", notYet("0 of 1 pods ready", "PT2S"), done());
    ProcessInstance instance = start("vnf-wait", waitVariables("openstack", "READY"));
    run("CheckProgress");

    assertThat(correlate("vnf-2")).as("another VNF's change").isZero();
    assertThat(instance).isWaitingAt("AwaitChange");
    run("WaitPollDelay", "CheckProgress");

    assertThat(instance).isEnded().hasPassed("WaitPollDelay").hasNotPassed("VnfChanged");
  }

  /** The message while CheckProgress looks (nothing subscribed yet) is not an error: no match. */
  @Test
  void aChangeWhileLookingFindsNoWait() {
    ProcessInstance instance = start("vnf-wait", waitVariables("kubernetes", "READY"));

    assertThat(correlate("vnf-1")).isZero();
    assertThat(instance).isWaitingAt("CheckProgress");
  }

  /** The time-out still ends a wait that sits at the gateway, and its subscription goes too. */
  @Test
  void timeOutEndsAWaitForAChange() {
    steps.on("checkProgressDelegate", notYet("0 of 1 pods ready", "PT10S"));
    ProcessInstance caller = startUnderCaller("vnf-wait", waitVariables("kubernetes", "READY"));
    run("CheckProgress");

    run("TimeOutReached");

    assertThat(caller).isEnded().variables().containsEntry("errorCode", "READY_TIMEOUT");
    assertThat(correlate("vnf-1")).as("nothing waits any more").isZero();
    assertThat(
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
                .createEventSubscriptionQuery()
                .count())
        .isZero();
  }

  /** What the engine does when the VIM reports a change of the VNF; the number correlated. */
  private static int correlate(String vnfId) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
        .createMessageCorrelation("VnfChanged-" + vnfId)
        .correlateAllWithResult()
        .size();
  }

  /**
   * The time-out ends in the error end event READY_TIMEOUT. Its camunda:errorMessage is an
   * expression; Camunda 7.24 evaluates it when the event is reached and hands the message to the
   * caller's boundary event (errorMessageVariable), so the caller knows the goal, the time-out and
   * what was still pending.
   */
  @ParameterizedTest
  @CsvSource({
    "READY, 1 of 2 pods ready (vdu1: ContainerCreating)",
    "GONE, deployment vnf-1-vdu1 still present"
  })
  void timeOutThrowsReadyTimeoutNamingGoalTimeOutAndProgress(String goal, String progress) {
    steps.on("checkProgressDelegate", notYet(progress, "PT10S"));
    ProcessInstance caller = startUnderCaller("vnf-wait", waitVariables("kubernetes", goal));
    run("CheckProgress");
    assertThat(hasJobAt("WaitPollDelay")).isTrue();

    run("TimeOutReached");

    assertThat(caller).isEnded().hasPassed("ChildFailed");
    assertThat(caller)
        .variables()
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry("errorMessage", goal + " not reached within PT5M: " + progress);
    assertThat(hasJobAt("WaitPollDelay")).as("polling stopped").isFalse();
  }

  /** A time-out before the VIM ever answered reports the progress the caller passed in. */
  @Test
  void timeOutBeforeTheFirstAnswerReportsTheCallersProgress() {
    ProcessInstance caller = startUnderCaller("vnf-wait", waitVariables("openstack", "READY"));

    run("TimeOutReached");

    assertThat(caller)
        .isEnded()
        .variables()
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry("errorMessage", "READY not reached within PT5M: no answer from the VIM yet");
    assertThat(steps.calls()).isEmpty();
    assertThat(hasJobAt("CheckProgress")).as("the pending look is dropped").isFalse();
  }

  /** A goal that can never be reached: CheckProgress's own BPMN error reaches the caller. */
  @ParameterizedTest
  @ValueSource(strings = {"WORKLOAD_FAILED", "STACK_FAILED", "VIM_UNAUTHORIZED"})
  void checkProgressBpmnErrorReachesTheCallerAndStopsWaiting(String code) {
    steps.on("checkProgressDelegate", notYet("0 of 1 pods ready", "PT2S"), bpmnError(code));
    ProcessInstance caller = startUnderCaller("vnf-wait", waitVariables("kubernetes", "READY"));

    run("CheckProgress", "WaitPollDelay", "CheckProgress");

    assertThat(caller)
        .isEnded()
        .hasPassed("ChildFailed")
        .variables()
        .containsEntry("errorCode", code)
        .containsEntry("errorMessage", Steps.messageOf(code));
    assertThat(managementService().createJobQuery().count()).as("no timer left").isZero();
  }

  /**
   * A VIM that does not answer is retried by the caller's retry profile, then an incident; the
   * time-out still ends the wait while the incident is open, and the incident goes with it.
   */
  @Test
  void unansweredLooksBecomeAnIncidentThatTheTimeOutEnds() {
    steps.on("checkProgressDelegate", unavailable());
    ProcessInstance caller = startUnderCaller("vnf-wait", waitVariables("kubernetes", "READY"));

    assertThat(runUntilIncident("CheckProgress")).as("retryCycle R3/PT5S").isEqualTo(3);
    assertThat(incidentsAt("CheckProgress"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("connection refused"));

    run("TimeOutReached");

    assertThat(incidentsAt("CheckProgress")).isEmpty();
    assertThat(caller)
        .isEnded()
        .variables()
        .containsEntry("errorMessage", "READY not reached within PT5M: no answer from the VIM yet");
  }

  private static org.camunda.bpm.engine.delegate.JavaDelegate seeing(
      List<Object> seen, org.camunda.bpm.engine.delegate.JavaDelegate answer) {
    return e -> {
      seen.add(e.getVariable("pollDelay"));
      answer.execute(e);
    };
  }
}
