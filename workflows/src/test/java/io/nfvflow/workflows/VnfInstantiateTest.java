package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.businessKeysOf;
import static io.nfvflow.workflows.Jobs.hasJobAt;
import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.jobAt;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.KubernetesPaths.CREATE;
import static io.nfvflow.workflows.KubernetesPaths.CREATE_CALLS;
import static io.nfvflow.workflows.KubernetesPaths.TERMINATE;
import static io.nfvflow.workflows.KubernetesPaths.TERMINATE_CALLS;
import static io.nfvflow.workflows.Steps.bpmnError;
import static io.nfvflow.workflows.Steps.fail;
import static io.nfvflow.workflows.Steps.notYet;
import static io.nfvflow.workflows.Steps.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(
    resources = {
      "bpmn/vnf-instantiate.bpmn",
      "bpmn/vnf-instantiate-kubernetes.bpmn",
      "bpmn/vnf-terminate-kubernetes.bpmn",
      "bpmn/vnf-instantiate-openstack.bpmn",
      "bpmn/vnf-terminate-openstack.bpmn"
    })
class VnfInstantiateTest extends ProcessTestBase {

  @Test
  void createsWaitsReadsAddressesAndActivates() {
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");

    run("InstantiateOnVim");
    run(CREATE);
    run("CheckWorkloadsReady", "ReadServiceAddresses", "ActivateVnf");

    assertThat(instance).isEnded().hasPassedInOrder("InstantiateOnVim", "ActivateVnf", "VnfActive");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                CREATE_CALLS,
                "checkWorkloadsReadyDelegate",
                "readServiceAddressesDelegate",
                "activateVnfDelegate"));
    assertThat(steps.variablesSeenBy("activateVnfDelegate"))
        .as("the child's results come back to the parent")
        .containsEntry("mgmtAddresses", Steps.MGMT_ADDRESSES)
        .containsEntry("vnfId", "vnf-1");
    assertThat(businessKeysOf("vnf-instantiate-kubernetes")).containsExactly(Jobs.BUSINESS_KEY);
  }

  @Test
  void pollsAgainAfterThePollIntervalUntilWorkloadsAreReady() {
    steps.on("checkWorkloadsReadyDelegate", ready(false), ready(true));
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");

    run("InstantiateOnVim");
    run(CREATE);
    run("CheckWorkloadsReady");
    assertThat(jobAt("WaitForWorkloadsPollTimer").getDuedate()).isNotNull();
    run("WaitForWorkloadsPollTimer", "CheckWorkloadsReady", "ReadServiceAddresses", "ActivateVnf");

    assertThat(instance).isEnded().hasPassed("VnfActive");
    assertThat(steps.calls()).filteredOn("checkWorkloadsReadyDelegate"::equals).hasSize(2);
    assertThat(hasJobAt("ReadyTimeoutReached")).as("readiness timer is gone").isFalse();
  }

  @Test
  void workloadFailureCleansUpAndFailsTheVnf() {
    steps.on("checkWorkloadsReadyDelegate", bpmnError("WORKLOAD_FAILED"));
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");

    run("InstantiateOnVim");
    run(CREATE);
    run("CheckWorkloadsReady");
    cleanUpAndFail();

    assertThat(instance).isEnded().hasPassed("InstantiateFailed", "CleanUpOnVim", "VnfFailed");
    assertThat(steps.variablesSeenBy("failVnfDelegate"))
        .containsEntry("errorCode", "WORKLOAD_FAILED")
        .containsEntry("errorMessage", "workload failed (from the VIM)");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(CREATE_CALLS, "checkWorkloadsReadyDelegate", TERMINATE_CALLS, "failVnfDelegate"));
    assertThat(hasJobAt("ReadyTimeoutReached")).as("readiness timer is gone").isFalse();
  }

  @Test
  void readinessTimeoutCleansUpAndFailsTheVnf() {
    steps.on("checkWorkloadsReadyDelegate", ready(false));
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");

    run("InstantiateOnVim");
    run(CREATE);
    run("CheckWorkloadsReady");
    run("ReadyTimeoutReached", "ReportReadyTimeout");
    cleanUpAndFail();

    assertThat(instance).isEnded().hasPassed("CleanUpOnVim", "FailVnf", "VnfFailed");
    assertThat(steps.variablesSeenBy("failVnfDelegate"))
        .containsEntry("errorCode", "READY_TIMEOUT")
        .containsEntry("errorMessage", "workloads not ready within PT5M");
    assertThat(hasJobAt("WaitForWorkloadsPollTimer")).as("polling stopped").isFalse();
  }

  @Test
  void rejectedDeploymentCleansUpAndFailsTheVnf() {
    steps.on("createDeploymentsDelegate", bpmnError("VIM_REJECTED"));
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");

    run("InstantiateOnVim", "CreateConfigMaps", "CreateDeployments");
    cleanUpAndFail();

    assertThat(instance).isEnded().hasPassed("VnfFailed").hasNotPassed("ActivateVnf");
    assertThat(steps.variablesSeenBy("failVnfDelegate"))
        .containsEntry("errorCode", "VIM_REJECTED")
        .containsEntry("errorMessage", "vim rejected (from the VIM)");
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                List.of("createConfigMapsDelegate", "createDeploymentsDelegate"),
                TERMINATE_CALLS,
                "failVnfDelegate"));
  }

  @Test
  void transientVimFailureIsRetriedThenAnIncidentNotAFailedVnf() {
    steps.on(
        "createDeploymentsDelegate", fail(new IllegalStateException("API server unavailable")));
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");

    run("InstantiateOnVim", "CreateConfigMaps");

    assertThat(runUntilIncident("CreateDeployments"))
        .as("kubernetes retry profile R3")
        .isEqualTo(3);
    assertThat(incidentsAt("CreateDeployments"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("API server unavailable"));
    assertThat(instance).isActive().isWaitingAt("InstantiateOnVim");
    assertThat(steps.calls()).doesNotContain("failVnfDelegate", "deleteDeploymentsDelegate");
    assertThat(hasJobAt("CleanUpOnVim")).isFalse();
  }

  @Test
  void retryingTheIncidentAfterTheVimRecoveredCompletesTheInstantiation() {
    steps.on(
        "createDeploymentsDelegate",
        fail(new IllegalStateException("API server unavailable")),
        fail(new IllegalStateException("API server unavailable")),
        fail(new IllegalStateException("API server unavailable")),
        Steps.succeed());
    ProcessInstance instance = start("vnf-instantiate", "kubernetes");
    run("InstantiateOnVim", "CreateConfigMaps");
    runUntilIncident("CreateDeployments");

    Jobs.retry("CreateDeployments");
    run("CreateServices", "CreateAutoscalers", "CheckWorkloadsReady", "ReadServiceAddresses");
    run("ActivateVnf");

    assertThat(instance).isEnded().hasPassed("VnfActive");
    assertThat(incidentsAt("CreateDeployments")).isEmpty();
  }

  /**
   * An unknown {@code vimType} (here: no vnf-instantiate-vsphere deployed) cannot be resolved by
   * the call activity. Because InstantiateOnVim is asyncBefore, this does not fail the REST call
   * that started the process: the job fails, is retried like any other and becomes an incident on
   * InstantiateOnVim that names the missing process (cockpit shows it, the API reports
   * FAILED_TEMP). Deploying the missing model and retrying the incident continues the operation. It
   * does not roll back (nothing was created) and does not reach FailVnf.
   */
  @Test
  void unknownVimTypeBecomesAnIncidentOnInstantiateOnVim() {
    ProcessInstance instance = start("vnf-instantiate", "vsphere");
    assertThat(instance).isActive().isWaitingAt("InstantiateOnVim");

    assertThat(runUntilIncident("InstantiateOnVim")).isEqualTo(3);

    assertThat(incidentsAt("InstantiateOnVim"))
        .singleElement()
        .satisfies(i -> assertThat(i.getIncidentMessage()).contains("vnf-instantiate-vsphere"));
    assertThat(instance).isActive();
    assertThat(steps.calls()).isEmpty();
  }

  @Test
  void onOpenstackCreatesTheStackWaitsReadsOutputsAndActivates() {
    steps.on("checkStackCreatedDelegate", notYet("ready", "PT10S"), ready(true));
    ProcessInstance instance = start("vnf-instantiate", "openstack");

    run("InstantiateOnVim", "CreateStack", "CheckStackCreated", "WaitForStackPollTimer");
    run("CheckStackCreated", "ReadStackOutputs", "ActivateVnf");

    assertThat(instance).isEnded().hasPassedInOrder("InstantiateOnVim", "ActivateVnf", "VnfActive");
    assertThat(steps.calls())
        .containsExactly(
            "createStackDelegate",
            "checkStackCreatedDelegate",
            "checkStackCreatedDelegate",
            "readStackOutputsDelegate",
            "activateVnfDelegate");
    assertThat(steps.variablesSeenBy("activateVnfDelegate"))
        .containsEntry("mgmtAddresses", Steps.MGMT_ADDRESSES);
    assertThat(businessKeysOf("vnf-instantiate-openstack")).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(businessKeysOf("vnf-instantiate-kubernetes")).isEmpty();
  }

  @Test
  void onOpenstackAFailedStackIsDeletedAndFailsTheVnfWithHeatsReason() {
    steps.on(
        "checkStackCreatedDelegate",
        notYet("ready", "PT10S"),
        fail(new BpmnError("STACK_FAILED", VnfInstantiateOpenstackTest.HEAT_REASON)));
    ProcessInstance instance = start("vnf-instantiate", "openstack");

    run("InstantiateOnVim", "CreateStack", "CheckStackCreated", "WaitForStackPollTimer");
    run("CheckStackCreated");
    run("CleanUpOnVim");
    run(OpenstackPaths.TERMINATE);
    run("FailVnf");

    assertThat(instance).isEnded().hasPassed("InstantiateFailed", "CleanUpOnVim", "VnfFailed");
    assertThat(steps.variablesSeenBy("failVnfDelegate"))
        .containsEntry("errorCode", "STACK_FAILED")
        .containsEntry("errorMessage", VnfInstantiateOpenstackTest.HEAT_REASON);
    assertThat(steps.calls())
        .containsExactlyElementsOf(
            calls(
                "createStackDelegate",
                "checkStackCreatedDelegate",
                "checkStackCreatedDelegate",
                OpenstackPaths.TERMINATE_CALLS,
                "failVnfDelegate"));
    assertThat(businessKeysOf("vnf-terminate-openstack")).containsExactly(Jobs.BUSINESS_KEY);
    assertThat(hasJobAt("StackTimeoutReached")).as("readiness timer is gone").isFalse();
  }

  @Test
  void onOpenstackReadyTimeoutDeletesTheStackAndFailsTheVnf() {
    steps.on("checkStackCreatedDelegate", notYet("ready", "PT30S"));
    ProcessInstance instance = start("vnf-instantiate", "openstack");

    run("InstantiateOnVim", "CreateStack", "CheckStackCreated");
    run("StackTimeoutReached", "ReportStackTimeout");
    run("CleanUpOnVim");
    run(OpenstackPaths.TERMINATE);
    run("FailVnf");

    assertThat(instance).isEnded().hasPassed("CleanUpOnVim", "VnfFailed");
    assertThat(steps.variablesSeenBy("failVnfDelegate"))
        .containsEntry("errorCode", "READY_TIMEOUT");
    assertThat(steps.calls()).contains("deleteStackDelegate").doesNotContain("activateVnfDelegate");
  }

  /**
   * The stack checks double pollDelay from the value they find. The clean-up's deletion wait must
   * start its backoff afresh, not from the delay the failed creation had grown to.
   */
  @Test
  void onOpenstackTheCleanUpStartsItsBackoffAfresh() {
    List<Object> delaysSeen = new ArrayList<>();
    steps.on(
        "checkStackCreatedDelegate",
        notYet("ready", "PT10S"),
        notYet("ready", "PT20S"),
        fail(new BpmnError("STACK_FAILED", VnfInstantiateOpenstackTest.HEAT_REASON)));
    steps.on(
        "checkStackDeletedDelegate",
        e -> {
          delaysSeen.add(e.getVariable("pollDelay"));
          e.setVariable("gone", true);
        });
    start("vnf-instantiate", "openstack");

    run("InstantiateOnVim", "CreateStack");
    run("CheckStackCreated", "WaitForStackPollTimer", "CheckStackCreated", "WaitForStackPollTimer");
    run("CheckStackCreated", "CleanUpOnVim");
    run(OpenstackPaths.TERMINATE);

    assertThat(delaysSeen)
        .as("pollDelay at the first deletion check")
        .containsExactly((Object) null);
  }

  private static void cleanUpAndFail() {
    run("CleanUpOnVim");
    run(TERMINATE);
    run("FailVnf");
  }

  /** Joins bean names and lists of bean names into the expected call order. */
  private static List<String> calls(Object... parts) {
    List<String> all = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof List<?> list) {
        list.forEach(bean -> all.add((String) bean));
      } else {
        all.add((String) part);
      }
    }
    return all;
  }
}
