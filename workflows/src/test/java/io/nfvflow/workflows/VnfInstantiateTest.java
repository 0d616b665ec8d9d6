package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.CONTRACT;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.variableNamesOf;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.done;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static io.nfvflow.workflows.Vim.KUBERNETES;
import static io.nfvflow.workflows.Vim.OPENSTACK;
import static io.nfvflow.workflows.Vim.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Deployment(
    resources = {
      "bpmn/vnf-instantiate.bpmn",
      "bpmn/vnf-apply-kubernetes.bpmn",
      "bpmn/vnf-apply-openstack.bpmn",
      "bpmn/vnf-remove-kubernetes.bpmn",
      "bpmn/vnf-remove-openstack.bpmn",
      "bpmn/vnf-wait.bpmn"
    })
class VnfInstantiateTest extends ProcessTestBase {

  @ParameterizedTest
  @EnumSource(Vim.class)
  void appliesOnTheVimRecordsTheInstancesAndCompletes(Vim vim) {
    ProcessInstance instance = start("vnf-instantiate", vim.type);

    assertThat(instance).isWaitingAt("ApplyOnVim");
    run("ApplyOnVim");
    vim.apply();
    run("RecordInstances", "CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("ApplyOnVim", "RecordInstances", "CompleteOperation", "VnfActive")
        .hasNotPassed("ApplyFailed");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(vim.applyCalls(), "recordInstancesDelegate", "completeOperationDelegate"));
    assertThat(businessKeysOf("vnf-apply-" + vim.type)).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(businessKeysOf("vnf-wait")).containsExactly(Jobs.BUSINESS_KEY);
  }

  /**
   * Call activities map the contract's variables in, and nothing out: the child sees the
   * operation's ids and settings only, and the wait's working variables never reach the parent.
   */
  @Test
  void callActivitiesPassTheContractAndNothingElse() {
    start("vnf-instantiate", "kubernetes");
    run("ApplyOnVim");
    KUBERNETES.apply();
    run("RecordInstances", "CompleteOperation");

    Set<String> waitVariables = new HashSet<>(CONTRACT);
    waitVariables.addAll(List.of("goal", "progress", "done", "pollDelay"));
    assertThat(variableNamesOf(instancesOf("vnf-instantiate").get(0)))
        .containsExactlyInAnyOrderElementsOf(CONTRACT);
    assertThat(variableNamesOf(instancesOf("vnf-apply-kubernetes").get(0)))
        .containsExactlyInAnyOrderElementsOf(CONTRACT);
    assertThat(variableNamesOf(instancesOf("vnf-wait").get(0)))
        .containsExactlyInAnyOrderElementsOf(waitVariables);
  }

  @Test
  void rejectedApplyStepCleansUpAndFailsTheOperationWithItsMessage() {
    steps.on(
        "applyDeploymentsDelegate",
        fail(new BpmnError("VIM_REJECTED", "exceeded quota: pods=4, limit 3")));
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");

    run("ApplyOnVim", "ApplyConfigMaps", "ApplyDeployments");
    cleanUpAndFail(KUBERNETES);

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("ApplyOnVim", "ApplyFailed", "CleanUpOnVim", "FailOperation", "VnfFailed")
        .hasNotPassed("RecordInstances", "CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", "exceeded quota: pods=4, limit 3");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                "applyConfigMapsDelegate",
                "applyDeploymentsDelegate",
                KUBERNETES.removeCalls(),
                "failOperationDelegate"));
    assertThat(businessKeysOf("vnf-remove-kubernetes")).containsExactly(Jobs.BUSINESS_KEY);
  }

  @Test
  void readinessTimeOutCleansUpAndFailsTheOperationSayingWhatWasPending() {
    steps.on("checkProgressDelegate", notYet("1 of 2 pods ready (vdu1: Pending)", "PT2S"), done());
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");

    run("ApplyOnVim");
    run(KUBERNETES.applySteps);
    run("WaitUntilReady", "CheckProgress", "TimeOutReached");
    cleanUpAndFail(KUBERNETES);

    assertThat(instance).isEnded().hasPassed("CleanUpOnVim", "VnfFailed");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry(
            "errorMessage", "READY not reached within PT5M: 1 of 2 pods ready (vdu1: Pending)");
    assertThat(hasJobAt("WaitPollDelay")).as("polling stopped").isFalse();
  }

  @Test
  void onOpenstackAFailedStackIsDeletedAndTheOperationFailsWithHeatsReason() {
    steps.on(
        "checkProgressDelegate",
        notYet("stack CREATE_IN_PROGRESS", "PT10S"),
        fail(new BpmnError("STACK_FAILED", VnfApplyOpenstackTest.HEAT_REASON)),
        done());
    ProcessInstance instance = start("vnf-instantiate", "openstack");

    run("ApplyOnVim", "ApplyStack", "WaitUntilReady");
    run("CheckProgress", "WaitPollDelay", "CheckProgress");
    cleanUpAndFail(OPENSTACK);

    assertThat(instance).isEnded().hasPassed("ApplyFailed", "CleanUpOnVim", "VnfFailed");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "STACK_FAILED")
        .containsEntry("errorMessage", VnfApplyOpenstackTest.HEAT_REASON);
    assertThat(businessKeysOf("vnf-remove-openstack")).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(businessKeysOf("vnf-remove-kubernetes")).isEmpty();
  }

  /** The VNF is not marked failed before the VIM is clean: a failing clean-up is an incident. */
  @Test
  void aFailingCleanUpIsAnIncidentBeforeTheOperationFails() {
    steps.on("applyServicesDelegate", bpmnError("VIM_REJECTED"));
    steps.on("deleteDeploymentsDelegate", unavailable());
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");
    run("ApplyOnVim", "ApplyConfigMaps", "ApplyDeployments", "ApplyServices");
    run("CleanUpOnVim", "DeleteAutoscalers", "DeleteServices");

    runUntilIncident("DeleteDeployments");

    assertThat(instance).isActive().isWaitingAt("CleanUpOnVim");
    assertThat(steps.calls()).doesNotContain("failOperationDelegate");
  }

  @Test
  void transientFailureIsAnIncidentNotAFailedOperationAndRetryingContinues() {
    steps.on(
        "applyDeploymentsDelegate", unavailable(), unavailable(), unavailable(), Steps.succeed());
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");
    run("ApplyOnVim", "ApplyConfigMaps");

    assertThat(runUntilIncident("ApplyDeployments")).as("kubernetes: R3/PT5S").isEqualTo(3);
    assertThat(instance).isActive().isWaitingAt("ApplyOnVim");
    assertThat(steps.calls()).doesNotContain("failOperationDelegate", "deleteDeploymentsDelegate");

    retry("ApplyDeployments");
    run("ApplyServices", "ApplyAutoscalers", "WaitUntilReady", "CheckProgress");
    run("RecordInstances", "CompleteOperation");
    assertThat(instance).isEnded().hasPassed("VnfActive");
    assertThat(incidentsAt("ApplyDeployments")).isEmpty();
  }

  /**
   * An unknown {@code vimType} (no vnf-apply-vsphere deployed) cannot be resolved by the call
   * activity. Because ApplyOnVim is asyncBefore this does not fail the REST call that started the
   * process: the job is retried, then becomes an incident naming the missing model. Nothing was
   * created, so there is no clean-up and the operation is not failed.
   */
  @Test
  void unknownVimTypeBecomesAnIncidentOnApplyOnVim() {
    ProcessInstance instance = start("vnf-instantiate", "vsphere");

    assertThat(runUntilIncident("ApplyOnVim")).isEqualTo(3);

    assertThat(incidentsAt("ApplyOnVim"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("vnf-apply-vsphere"));
    assertThat(instance).isActive();
    assertThat(steps.calls()).isEmpty();
  }

  private static void cleanUpAndFail(Vim vim) {
    run("CleanUpOnVim");
    vim.remove();
    run("FailOperation");
  }
}
