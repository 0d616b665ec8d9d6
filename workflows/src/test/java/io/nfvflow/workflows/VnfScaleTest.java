package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Steps.done;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.unavailable;
import static io.nfvflow.workflows.Vim.KUBERNETES;
import static io.nfvflow.workflows.Vim.OPENSTACK;
import static io.nfvflow.workflows.Vim.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * vnf-scale. The engine has written the new desired number of instances before the start; the model
 * makes the chains through the VNF let go of the ports of the instances that may leave, then
 * converges the VIM to the new number. A failed scale (or release) is rolled back (the VNF stays
 * ACTIVE), only a failed rollback fails the operation.
 */
@Deployment(
    resources = {
      "bpmn/vnf-scale.bpmn",
      "bpmn/vnf-apply-kubernetes.bpmn",
      "bpmn/vnf-apply-openstack.bpmn",
      "bpmn/vnf-remove-kubernetes.bpmn",
      "bpmn/vnf-remove-openstack.bpmn",
      "bpmn/vnf-wait.bpmn"
    })
class VnfScaleTest extends ProcessTestBase {

  static final String QUOTA = "exceeded quota: pods=4, limit 3";

  static final String SFC_FORBIDDEN = "rule:update_port_pair_group is disallowed by policy";

  @ParameterizedTest
  @EnumSource(Vim.class)
  void scaleOutConvergesTheVimRecordsTheInstancesAndCompletes(Vim vim) {
    ProcessInstance instance = start("vnf-scale", vim.type);

    run("ReleaseChainedPorts", "ApplyOnVim");
    vim.apply();
    run("RecordInstances", "CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "ScaleRequested",
            "ReleaseChainedPorts",
            "ApplyOnVim",
            "RecordInstances",
            "CompleteOperation",
            "VnfScaled")
        .hasNotPassed("ReleaseFailed", "ScaleFailed", "BeginRollback");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                "releaseChainedPortsDelegate",
                vim.applyCalls(),
                "recordInstancesDelegate",
                "completeOperationDelegate"));
    assertThat(steps.variablesSeenBy("releaseChainedPortsDelegate"))
        .as("operationId and vnfId tell it what leaves")
        .isEqualTo(Jobs.variables(vim.type));
    assertThat(businessKeysOf("vnf-apply-" + vim.type)).containsExactly(Jobs.BUSINESS_KEY);
  }

  /** The VIM refuses the new pods: back to the previous level by converging again. */
  @Test
  void aRejectedScaleIsRolledBackByApplyingThePreviousLevel() {
    steps.on(
        "applyDeploymentsDelegate", fail(new BpmnError("VIM_REJECTED", QUOTA)), Steps.succeed());
    ProcessInstance instance = start("vnf-scale", "kubernetes");

    run("ReleaseChainedPorts", "ApplyOnVim", "ApplyConfigMaps", "ApplyDeployments");
    run("BeginRollback", "RollBackOnVim");
    KUBERNETES.apply();
    run("RecordInstancesAfterRollback", "CompleteRollback");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "ApplyOnVim",
            "ScaleFailed",
            "BeginRollback",
            "RollBackOnVim",
            "RecordInstancesAfterRollback",
            "CompleteRollback",
            "ScaleRolledBack")
        .hasNotPassed("ReleaseFailed", "RecordInstances", "CompleteOperation", "FailOperation");
    assertThat(steps.variablesSeenBy("beginRollbackDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", QUOTA);
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                "releaseChainedPortsDelegate",
                "applyConfigMapsDelegate",
                "applyDeploymentsDelegate",
                "beginRollbackDelegate",
                KUBERNETES.applyCalls(),
                "recordInstancesDelegate",
                "completeRollbackDelegate"));
    assertThat(businessKeysOf("vnf-apply-kubernetes"))
        .as("the scale and its rollback")
        .containsExactly(Jobs.BUSINESS_KEY, Jobs.BUSINESS_KEY);
    assertThat(businessKeysOf("vnf-remove-kubernetes")).as("a scale never removes").isEmpty();
  }

  /**
   * Neutron refuses to let go of a port pair for good: nothing on the VIM has been scaled yet, and
   * the rollback converges to the previous level and records the instances, so the chain gets back
   * whatever pairs it had released.
   */
  @ParameterizedTest
  @EnumSource(Vim.class)
  void aChainReleaseNeutronRejectsIsRolledBack(Vim vim) {
    steps.on("releaseChainedPortsDelegate", fail(new BpmnError("VIM_REJECTED", SFC_FORBIDDEN)));
    ProcessInstance instance = start("vnf-scale", vim.type);

    run("ReleaseChainedPorts", "BeginRollback", "RollBackOnVim");
    vim.apply();
    run("RecordInstancesAfterRollback", "CompleteRollback");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "ReleaseChainedPorts",
            "ReleaseFailed",
            "BeginRollback",
            "RollBackOnVim",
            "RecordInstancesAfterRollback",
            "CompleteRollback",
            "ScaleRolledBack")
        .hasNotPassed(
            "ApplyOnVim", "ScaleFailed", "RecordInstances", "CompleteOperation", "FailOperation");
    assertThat(steps.variablesSeenBy("beginRollbackDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", SFC_FORBIDDEN);
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                "releaseChainedPortsDelegate",
                "beginRollbackDelegate",
                vim.applyCalls(),
                "recordInstancesDelegate",
                "completeRollbackDelegate"));
    assertThat(businessKeysOf("vnf-apply-" + vim.type))
        .as("only the rollback's apply")
        .containsExactly(Jobs.BUSINESS_KEY);
  }

  /** New pods that never become ready (READY_TIMEOUT from the wait) roll back too. */
  @Test
  void aScaleThatTimesOutIsRolledBack() {
    steps.on(
        "checkProgressDelegate",
        notYet("2 of 3 pods ready (vdu1-2: Pending, Insufficient cpu)", "PT2S"),
        done());
    ProcessInstance instance = start("vnf-scale", "kubernetes");

    run("ReleaseChainedPorts", "ApplyOnVim");
    run(KUBERNETES.applySteps);
    run("WaitUntilReady", "CheckProgress", "TimeOutReached");
    run("BeginRollback", "RollBackOnVim");
    KUBERNETES.apply();
    run("RecordInstancesAfterRollback", "CompleteRollback");

    assertThat(instance).isEnded().hasPassed("ScaleFailed", "ScaleRolledBack");
    assertThat(steps.variablesSeenBy("beginRollbackDelegate"))
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry(
            "errorMessage",
            "READY not reached within PT5M: 2 of 3 pods ready (vdu1-2: Pending, Insufficient cpu)");
  }

  @Test
  void onOpenstackAFailedStackUpdateIsRolledBack() {
    steps.on(
        "checkProgressDelegate",
        fail(new BpmnError("STACK_FAILED", "Resource UPDATE failed: quota exceeded")),
        done());
    ProcessInstance instance = start("vnf-scale", "openstack");

    run("ReleaseChainedPorts", "ApplyOnVim", "ApplyStack", "WaitUntilReady", "CheckProgress");
    run("BeginRollback", "RollBackOnVim");
    OPENSTACK.apply();
    run("RecordInstancesAfterRollback", "CompleteRollback");

    assertThat(instance).isEnded().hasPassed("ScaleRolledBack");
    assertThat(steps.variablesSeenBy("beginRollbackDelegate"))
        .containsEntry("errorMessage", "Resource UPDATE failed: quota exceeded");
  }

  /** Only when the rollback fails too is the operation failed (and the VNF in ERROR). */
  @Test
  void aFailedRollbackFailsTheOperationWithTheRollbacksError() {
    steps.on(
        "applyDeploymentsDelegate",
        fail(new BpmnError("VIM_REJECTED", QUOTA)),
        fail(new BpmnError("VIM_UNAUTHORIZED", "token expired")));
    ProcessInstance instance = start("vnf-scale", "kubernetes");

    run("ReleaseChainedPorts", "ApplyOnVim", "ApplyConfigMaps", "ApplyDeployments");
    run("BeginRollback", "RollBackOnVim", "ApplyConfigMaps", "ApplyDeployments");
    run("FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("ScaleFailed", "BeginRollback", "RollbackFailed", "FailOperation")
        .hasPassed("VnfFailed")
        .hasNotPassed("CompleteRollback", "ScaleRolledBack");
    assertThat(steps.variablesSeenBy("beginRollbackDelegate")).containsEntry("errorMessage", QUOTA);
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_UNAUTHORIZED")
        .containsEntry("errorMessage", "token expired");
  }

  @Test
  void aTransientFailureIsAnIncidentNotARollback() {
    steps.on("applyStackDelegate", unavailable());
    ProcessInstance instance = start("vnf-scale", "openstack");
    run("ReleaseChainedPorts", "ApplyOnVim");

    assertThat(runUntilIncident("ApplyStack")).as("openstack: R5/PT15S").isEqualTo(5);

    assertThat(incidentsAt("ApplyStack")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("ApplyOnVim");
    assertThat(steps.calls()).doesNotContain("beginRollbackDelegate");
  }
}
