package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.OpenstackPaths.TERMINATE;
import static io.nfvflow.workflows.OpenstackPaths.TERMINATE_CALLS;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.gone;
import static io.nfvflow.workflows.Steps.notYet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * vnf-terminate-openstack on its own. Like its Kubernetes sibling it must never give up silently:
 * DELETE_FAILED, failing calls and deletion that never finishes all end as retryable incidents.
 */
@Deployment(resources = "bpmn/vnf-terminate-openstack.bpmn")
class VnfTerminateOpenstackTest extends ProcessTestBase {

  /** What Heat says when a port of the stack is still bound elsewhere. */
  static final RuntimeException DELETE_FAILED =
      new IllegalStateException(
          "stack vnf-1 is DELETE_FAILED: Resource DELETE failed: Conflict: resources.vdu1_port:"
              + " Port 6c1f is still in use");

  @Test
  void deletesTheStackAndPollsUntilItIsGone() {
    steps.on("checkStackDeletedDelegate", notYet("gone", "PT10S"), gone(true));
    ProcessInstance instance = start("vnf-terminate-openstack", "openstack");

    assertThat(instance).isWaitingAt("DeleteStack");
    run("DeleteStack", "CheckStackDeleted", "WaitForStackDeletionPollTimer", "CheckStackDeleted");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "DeleteStack",
            "CheckStackDeleted",
            "WaitForStackDeletionPollTimer",
            "CheckStackDeleted",
            "WaitForStackDeletionEnd",
            "EndEvent");
    assertThat(steps.calls())
        .containsExactly(
            "deleteStackDelegate", "checkStackDeletedDelegate", "checkStackDeletedDelegate");
    assertThat(hasJobAt("StackDeletionTimeoutReached")).isFalse();
  }

  @Test
  void goneAtTheFirstCheckEndsAtOnce() {
    ProcessInstance instance = start("vnf-terminate-openstack", "openstack");

    run(TERMINATE);

    assertThat(instance).isEnded().hasNotPassed("WaitForStackDeletionPollTimer");
    assertThat(steps.calls()).containsExactlyElementsOf(TERMINATE_CALLS);
  }

  /**
   * DELETE_FAILED is a plain exception: five tries, 15 s apart, then an incident that the operation
   * reports as FAILED_TEMP. Once the cause is fixed, retrying the incident checks again and the
   * termination goes on.
   */
  @Test
  void deleteFailedIsAnIncidentAndRetryingContinues() {
    steps.on(
        "checkStackDeletedDelegate",
        notYet("gone", "PT10S"),
        fail(DELETE_FAILED),
        fail(DELETE_FAILED),
        fail(DELETE_FAILED),
        fail(DELETE_FAILED),
        fail(DELETE_FAILED),
        gone(true));
    ProcessInstance instance = start("vnf-terminate-openstack", "openstack");
    run("DeleteStack", "CheckStackDeleted", "WaitForStackDeletionPollTimer");

    assertThat(runUntilIncident("CheckStackDeleted")).as("openstack retry profile R5").isEqualTo(5);
    assertThat(incidentsAt("CheckStackDeleted"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("DELETE_FAILED"));
    assertThat(instance).isActive().isWaitingAt("CheckStackDeleted");
    assertThat(hasJobAt("StackDeletionTimeoutReached")).as("deletion timeout still armed").isTrue();

    retry("CheckStackDeleted");

    assertThat(incidentsAt("CheckStackDeleted")).isEmpty();
    assertThat(instance).isEnded().hasPassed("WaitForStackDeletionEnd", "EndEvent");
  }

  /**
   * An incident at the check that nobody handles within readyTimeout does not end the termination:
   * the timeout interrupts the wait and the incident moves to ReportStackDeletionTimeout.
   */
  @Test
  void deleteFailedLeftAloneBecomesTheDeletionTimeoutIncident() {
    steps.on("checkStackDeletedDelegate", fail(DELETE_FAILED));
    ProcessInstance instance = start("vnf-terminate-openstack", "openstack");
    run("DeleteStack");
    runUntilIncident("CheckStackDeleted");

    run("StackDeletionTimeoutReached");
    assertThat(incidentsAt("CheckStackDeleted")).isEmpty();
    assertThat(runUntilIncident("ReportStackDeletionTimeout")).isEqualTo(5);

    assertThat(incidentsAt("ReportStackDeletionTimeout")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("ReportStackDeletionTimeout");
  }

  @Test
  void failingDeleteIsRetriedThenAnIncidentAndRetryingContinues() {
    steps.on(
        "deleteStackDelegate",
        fail(new IllegalStateException("Heat: 503 Service Unavailable")),
        fail(new IllegalStateException("Heat: 503 Service Unavailable")),
        fail(new IllegalStateException("Heat: 503 Service Unavailable")),
        fail(new IllegalStateException("Heat: 503 Service Unavailable")),
        fail(new IllegalStateException("Heat: 503 Service Unavailable")),
        Steps.succeed());
    ProcessInstance instance = start("vnf-terminate-openstack", "openstack");

    assertThat(runUntilIncident("DeleteStack")).isEqualTo(5);
    assertThat(instance).isActive().isWaitingAt("DeleteStack");

    retry("DeleteStack");
    run("CheckStackDeleted");
    assertThat(instance).isEnded();
  }

  @Test
  void bpmnErrorFromDeleteStackIsAnIncidentToo() {
    steps.on("deleteStackDelegate", bpmnError("VIM_UNAUTHORIZED"));
    ProcessInstance instance = start("vnf-terminate-openstack", "openstack");

    runUntilIncident("DeleteStack");

    assertThat(incidentsAt("DeleteStack"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("VIM_UNAUTHORIZED"));
    assertThat(instance).isActive().isWaitingAt("DeleteStack");
  }

  /**
   * Deletion that does not finish within readyTimeout stops polling and becomes an incident at
   * ReportStackDeletionTimeout. Once the stack is gone, retrying polls once more and finishes.
   */
  @Test
  void deletionTimeoutIsAnIncidentAndRetryingPollsAgain() {
    IllegalStateException stillThere =
        new IllegalStateException("stack vnf-1 still present (DELETE_IN_PROGRESS)");
    steps.on("checkStackDeletedDelegate", notYet("gone", "PT1M"), gone(true));
    steps.on(
        "reportStackDeletionTimeoutDelegate",
        fail(stillThere),
        fail(stillThere),
        fail(stillThere),
        fail(stillThere),
        fail(stillThere),
        Steps.succeed());
    ProcessInstance instance = start("vnf-terminate-openstack", "openstack");
    run("DeleteStack", "CheckStackDeleted");

    run("StackDeletionTimeoutReached");
    assertThat(hasJobAt("WaitForStackDeletionPollTimer")).as("polling stopped").isFalse();
    assertThat(runUntilIncident("ReportStackDeletionTimeout")).isEqualTo(5);
    assertThat(incidentsAt("ReportStackDeletionTimeout"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("still present"));
    assertThat(instance).isActive().isWaitingAt("ReportStackDeletionTimeout");

    retry("ReportStackDeletionTimeout");
    assertThat(hasJobAt("StackDeletionTimeoutReached")).as("re-armed").isTrue();
    run("CheckStackDeleted");
    assertThat(instance).isEnded().hasPassed("ReportStackDeletionTimeout", "EndEvent");
  }

  /** Each entry into the wait starts the backoff afresh, whatever delay came before. */
  @Test
  void theWaitAfterADeletionTimeoutStartsItsBackoffAfresh() {
    List<Object> delaysSeen = new ArrayList<>();
    steps.on(
        "checkStackDeletedDelegate",
        seeing(delaysSeen, notYet("gone", "PT2M")),
        seeing(delaysSeen, gone(true)));
    steps.on("reportStackDeletionTimeoutDelegate", Steps.succeed());
    Map<String, Object> variables = Jobs.variables("openstack");
    variables.put("pollDelay", "PT5M");
    ProcessInstance instance = start("vnf-terminate-openstack", variables);

    run("DeleteStack", "CheckStackDeleted", "StackDeletionTimeoutReached");
    run("ReportStackDeletionTimeout", "CheckStackDeleted");

    assertThat(instance).isEnded();
    assertThat(delaysSeen).as("pollDelay at each first check").containsExactly(null, null);
  }

  private static JavaDelegate seeing(List<Object> seen, JavaDelegate answer) {
    return e -> {
      seen.add(e.getVariable("pollDelay"));
      answer.execute(e);
    };
  }
}
