package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.BUSINESS_KEY;
import static io.nfvflow.workflows.Jobs.CONTRACT;
import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.instancesOf;
import static io.nfvflow.workflows.Jobs.retry;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.variableNamesOf;
import static io.nfvflow.workflows.Jobs.variables;
import static io.nfvflow.workflows.Jobs.variablesOf;
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

/**
 * vnf-heal. The engine has stored what to heal with the operation before the start; the model
 * selects the instances once, makes the chains through the VNF let go of their ports, heals on the
 * VIM through vnf-heal-&lt;type&gt;, records the new instances and completes. A heal has no
 * rollback: any BPMN error of the selection, of the release or of the VIM steps fails the operation
 * (the VNF ends ERROR with the reason).
 */
@Deployment(
    resources = {
      "bpmn/vnf-heal.bpmn",
      "bpmn/vnf-heal-kubernetes.bpmn",
      "bpmn/vnf-heal-openstack.bpmn",
      "bpmn/vnf-apply-kubernetes.bpmn",
      "bpmn/vnf-apply-openstack.bpmn",
      "bpmn/vnf-remove-kubernetes.bpmn",
      "bpmn/vnf-remove-openstack.bpmn",
      "bpmn/vnf-wait.bpmn"
    })
class VnfHealTest extends ProcessTestBase {

  static final String FORBIDDEN =
      "pods is forbidden: User \"nfvflow\" cannot list resource \"pods\" in namespace \"cnf\"";

  static final String SFC_FORBIDDEN = "rule:update_port_pair_group is disallowed by policy";

  static final String CRASH_LOOP = "vdu1-7d9f-abcde: CrashLoopBackOff (back-off 40s)";

  @ParameterizedTest
  @EnumSource(Vim.class)
  void healSelectsHealsOnTheVimRecordsTheInstancesAndCompletes(Vim vim) {
    ProcessInstance instance = start("vnf-heal", vim.type);

    assertThat(instance).isWaitingAt("SelectHealInstances");
    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim");
    vim.heal();
    run("RecordInstances", "CompleteOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "HealRequested",
            "SelectHealInstances",
            "ReleaseChainedPorts",
            "HealOnVim",
            "RecordInstances",
            "CompleteOperation",
            "VnfHealed")
        .hasNotPassed(
            "SelectionFailed", "ReleaseFailed", "HealFailed", "FailOperation", "VnfHealFailed");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                "selectHealInstancesDelegate",
                "releaseChainedPortsDelegate",
                vim.healCalls(),
                "recordInstancesDelegate",
                "completeOperationDelegate"));
    assertThat(businessKeysOf("vnf-heal-" + vim.type)).containsExactly(BUSINESS_KEY);
    assertThat(businessKeysOf("vnf-remove-" + vim.type)).as("a heal never removes").isEmpty();
  }

  /** The called models get the contract, each variable to itself, and nothing else. */
  @ParameterizedTest
  @EnumSource(Vim.class)
  void theCalledModelsGetTheContractAndTheBusinessKey(Vim vim) {
    start("vnf-heal", vim.type);

    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim");
    vim.heal();
    run("RecordInstances", "CompleteOperation");

    assertThat(variablesOf(instancesOf("vnf-heal").get(0))).isEqualTo(variables(vim.type));
    assertThat(businessKeysOf("vnf-heal-" + vim.type)).containsExactly(BUSINESS_KEY);
    assertThat(variablesOf(instancesOf("vnf-heal-" + vim.type).get(0)))
        .as("what vnf-heal-%s was given", vim.type)
        .isEqualTo(variables(vim.type));
    assertThat(steps.variablesSeenBy("selectHealInstancesDelegate")).isEqualTo(variables(vim.type));
    assertThat(steps.variablesSeenBy("releaseChainedPortsDelegate"))
        .as("operationId and vnfId tell it what leaves")
        .isEqualTo(variables(vim.type));
    assertThat(businessKeysOf("vnf-wait")).containsExactly(BUSINESS_KEY);
    Set<String> waitVariables = new HashSet<>(CONTRACT);
    waitVariables.addAll(List.of("goal", "progress", "done", "pollDelay"));
    assertThat(variableNamesOf(instancesOf("vnf-wait").get(0)))
        .containsExactlyInAnyOrderElementsOf(waitVariables);
    assertThat(variablesOf(instancesOf("vnf-wait").get(0))).containsEntry("goal", "READY");
  }

  @Test
  void onKubernetesTheHealConvergesThroughTheApplyModel() {
    start("vnf-heal", "kubernetes");

    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim");
    KUBERNETES.heal();

    assertThat(businessKeysOf("vnf-apply-kubernetes")).containsExactly(BUSINESS_KEY);
    assertThat(variablesOf(instancesOf("vnf-apply-kubernetes").get(0)))
        .isEqualTo(variables("kubernetes"));
    assertThat(steps.calls()).containsSubsequence("replacePodsDelegate", "applyConfigMapsDelegate");
  }

  /** On OpenStack the heal updates the stack itself: the apply model is not called. */
  @Test
  void onOpenstackTheHealDoesNotReapplyTheStack() {
    start("vnf-heal", "openstack");

    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim");
    OPENSTACK.heal();

    assertThat(businessKeysOf("vnf-apply-openstack")).isEmpty();
    assertThat(steps.calls()).doesNotContain("applyStackDelegate");
  }

  @Test
  void aSelectionTheVimRejectsFailsTheHealWithItsMessage() {
    steps.on("selectHealInstancesDelegate", fail(new BpmnError("VIM_REJECTED", FORBIDDEN)));
    ProcessInstance instance = start("vnf-heal", "kubernetes");

    run("SelectHealInstances", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "SelectHealInstances", "SelectionFailed", "FailOperation", "VnfHealFailed")
        .hasNotPassed(
            "ReleaseChainedPorts",
            "HealOnVim",
            "RecordInstances",
            "CompleteOperation",
            "VnfHealed");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", FORBIDDEN);
    assertThat(steps.calls())
        .containsExactly("selectHealInstancesDelegate", "failOperationDelegate");
    assertThat(businessKeysOf("vnf-heal-kubernetes")).isEmpty();
  }

  /**
   * Neutron refuses to let go of a port pair for good: the heal fails with Neutron's reason before
   * anything on the VIM is replaced (the instances would keep ports the chain still holds).
   */
  @Test
  void aChainReleaseNeutronRejectsFailsTheHealWithItsMessage() {
    steps.on("releaseChainedPortsDelegate", fail(new BpmnError("VIM_REJECTED", SFC_FORBIDDEN)));
    ProcessInstance instance = start("vnf-heal", "openstack");

    run("SelectHealInstances", "ReleaseChainedPorts", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "SelectHealInstances",
            "ReleaseChainedPorts",
            "ReleaseFailed",
            "FailOperation",
            "VnfHealFailed")
        .hasNotPassed("SelectionFailed", "HealOnVim", "HealFailed", "RecordInstances", "VnfHealed");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", SFC_FORBIDDEN);
    assertThat(steps.calls())
        .containsExactly(
            "selectHealInstancesDelegate", "releaseChainedPortsDelegate", "failOperationDelegate");
    assertThat(businessKeysOf("vnf-heal-openstack")).as("nothing replaced").isEmpty();
  }

  /** A rejected apply step, two call levels down, fails the heal; nothing is rolled back. */
  @Test
  void anApplyStepTheVimRejectsInsideTheKubernetesHealFailsTheHeal() {
    steps.on(
        "applyDeploymentsDelegate",
        fail(new BpmnError("VIM_REJECTED", "exceeded quota: pods=4, limit 3")));
    ProcessInstance instance = start("vnf-heal", "kubernetes");

    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim", "ReplacePods", "ApplyOnVim");
    run("ApplyConfigMaps", "ApplyDeployments", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("HealOnVim", "HealFailed", "FailOperation", "VnfHealFailed")
        .hasNotPassed("RecordInstances", "CompleteOperation", "VnfHealed");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", "exceeded quota: pods=4, limit 3");
    assertThat(steps.calls())
        .containsExactly(
            "selectHealInstancesDelegate",
            "releaseChainedPortsDelegate",
            "replacePodsDelegate",
            "applyConfigMapsDelegate",
            "applyDeploymentsDelegate",
            "failOperationDelegate");
  }

  /** A replacement pod that can never start: WORKLOAD_FAILED, three call levels down. */
  @Test
  void aReplacementThatCanNeverStartFailsTheHealWithThePodsReason() {
    steps.on(
        "checkProgressDelegate",
        notYet("1 of 2 pods ready", "PT2S"),
        fail(new BpmnError("WORKLOAD_FAILED", CRASH_LOOP)));
    ProcessInstance instance = start("vnf-heal", "kubernetes");

    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim");
    KUBERNETES.healUntilTheWait();
    run("CheckProgress", "WaitPollDelay", "CheckProgress");
    run("FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassed("HealFailed", "FailOperation", "VnfHealFailed")
        .hasNotPassed("RecordInstances", "CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "WORKLOAD_FAILED")
        .containsEntry("errorMessage", CRASH_LOOP);
    assertThat(steps.calls()).last().isEqualTo("failOperationDelegate");
    assertThat(steps.calls()).doesNotContain("recordInstancesDelegate");
  }

  @Test
  void onOpenstackAStackThatFailsToHealFailsTheHealWithHeatsReason() {
    String heat =
        "Resource UPDATE failed: ResourceInError: resources.vdu1: No valid host was found";
    steps.on("checkProgressDelegate", fail(new BpmnError("STACK_FAILED", heat)));
    ProcessInstance instance = start("vnf-heal", "openstack");

    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim");
    OPENSTACK.healUntilTheWait();
    run("CheckProgress", "FailOperation");

    assertThat(instance).isEnded().hasPassed("HealFailed", "VnfHealFailed");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "STACK_FAILED")
        .containsEntry("errorMessage", heat);
  }

  /** Replacements not ready in time: READY_TIMEOUT with what is pending fails the heal. */
  @ParameterizedTest
  @EnumSource(Vim.class)
  void aHealThatTimesOutFailsWithWhatIsStillPending(Vim vim) {
    steps.on("checkProgressDelegate", notYet("1 of 2 instances ready", "PT30S"));
    ProcessInstance instance = start("vnf-heal", vim.type);

    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim");
    vim.healUntilTheWait();
    run("CheckProgress", "TimeOutReached", "FailOperation");

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder("HealOnVim", "HealFailed", "FailOperation", "VnfHealFailed")
        .hasNotPassed("RecordInstances", "CompleteOperation");
    assertThat(steps.variablesSeenBy("failOperationDelegate"))
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry("errorMessage", "READY not reached within PT5M: 1 of 2 instances ready");
  }

  /** A VIM that does not answer is retried by the VIM type's profile, then an incident. */
  @Test
  void aTransientFailureOfTheSelectionIsAnIncidentNotAFailedHeal() {
    steps.on("selectHealInstancesDelegate", unavailable());
    ProcessInstance instance = start("vnf-heal", "openstack");

    assertThat(runUntilIncident("SelectHealInstances")).as("openstack: R5/PT15S").isEqualTo(5);

    assertThat(incidentsAt("SelectHealInstances")).hasSize(1);
    assertThat(instance).isActive().isWaitingAt("SelectHealInstances");
    assertThat(steps.calls()).containsOnly("selectHealInstancesDelegate").hasSize(5);
    assertThat(businessKeysOf("vnf-heal-openstack")).isEmpty();
  }

  /**
   * A VIM step that keeps failing transiently is an incident inside the called model; the heal
   * waits at HealOnVim and neither fails nor records anything. An operator's retry carries on.
   */
  @Test
  void aTransientFailureOnTheVimIsAnIncidentThatCanBeRetried() {
    steps.on("replacePodsDelegate", unavailable(), unavailable(), unavailable(), Steps.succeed());
    ProcessInstance instance = start("vnf-heal", "kubernetes");
    run("SelectHealInstances", "ReleaseChainedPorts", "HealOnVim");

    assertThat(runUntilIncident("ReplacePods")).as("kubernetes: R3/PT5S").isEqualTo(3);

    assertThat(incidentsAt("ReplacePods"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("connection refused"));
    assertThat(instance).isActive().isWaitingAt("HealOnVim");
    assertThat(steps.calls())
        .containsExactly(
            "selectHealInstancesDelegate",
            "releaseChainedPortsDelegate",
            "replacePodsDelegate",
            "replacePodsDelegate",
            "replacePodsDelegate");

    retry("ReplacePods");
    run("ApplyOnVim");
    KUBERNETES.apply();
    run("RecordInstances", "CompleteOperation");
    assertThat(instance).isEnded().hasPassed("VnfHealed").hasNotPassed("FailOperation");
    assertThat(steps.calls())
        .containsOnlyOnce("selectHealInstancesDelegate", "releaseChainedPortsDelegate");
  }
}
