package io.nfvflow.vim.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfContext;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.openstack.StackStatus.Phase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenStack delegates with mocked ports, stack operations and a map-backed execution. */
class OpenStackStepsTest {

  private static final String VNF = HotSamples.VNF_ID;
  private static final String STACK = HeatTemplates.stackName(VNF);

  private final VnfInventory inventory = mock(VnfInventory.class);
  private final VimDirectory directory = mock(VimDirectory.class);
  private final HeatStacks stacks = mock(HeatStacks.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final Map<String, Object> variables = new HashMap<>();
  private final VimConnection vim = OpenStackFixtures.vim("http://keystone.example:5000");
  private final VnfDescriptor descriptor =
      new VnfDescriptor("d", Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of());

  @BeforeEach
  void setUp() {
    variables.put(LcmVariables.VNF_ID, VNF);
    variables.put(LcmVariables.POLL_INTERVAL, "PT2S");
    when(execution.getVariable(any())).thenAnswer(i -> variables.get(i.getArgument(0)));
    org.mockito.Mockito.doAnswer(i -> variables.put(i.getArgument(0), i.getArgument(1)))
        .when(execution)
        .setVariable(any(), any());
    when(inventory.load(VNF)).thenReturn(new VnfContext(VNF, "vnf1", "vim-os", descriptor));
    when(directory.connection("vim-os")).thenReturn(vim);
  }

  @Test
  void createMakesTheStackWithTheReadyTimeoutAndStartsTheBackoff() throws Exception {
    variables.put(LcmVariables.READY_TIMEOUT, "PT10M");
    variables.put(LcmVariables.POLL_DELAY, "PT30S"); // left over from an earlier wait

    new CreateStackDelegate(inventory, directory, stacks).execute(execution);

    verify(stacks).create(vim, VNF, descriptor, Duration.ofMinutes(10));
    assertThat(variables).containsEntry(LcmVariables.POLL_DELAY, "PT2S");
  }

  @Test
  void createRejectedByHeatIsABpmnErrorWithHeatsMessage() {
    doThrow(new VimException(Kind.REJECTED, "The Flavor ID (m1.nope) could not be found."))
        .when(stacks)
        .create(eq(vim), eq(VNF), eq(descriptor), any());

    assertThatThrownBy(
            () -> new CreateStackDelegate(inventory, directory, stacks).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining("m1.nope");
  }

  @Test
  void aDescriptorThatCannotBecomeATemplateIsInvalid() {
    doThrow(ToscaException.unsupported("VDU1", null, "container VDUs need a Kubernetes VIM"))
        .when(stacks)
        .create(eq(vim), eq(VNF), eq(descriptor), any());

    assertThatThrownBy(
            () -> new CreateStackDelegate(inventory, directory, stacks).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.INVALID_DESCRIPTOR))
        .hasMessageContaining("VDU1");
  }

  @Test
  void transientFailuresStayExceptionsForTheJobExecutorToRetry() {
    when(stacks.status(vim, VNF)).thenThrow(new VimException(Kind.TRANSIENT, "503"));

    assertThatThrownBy(
            () -> new CheckStackCreatedDelegate(inventory, directory, stacks).execute(execution))
        .isInstanceOf(VimException.class);
  }

  @Test
  void checkCreatedDoublesThePollDelayUpToTheCeiling() throws Exception {
    when(stacks.status(vim, VNF)).thenReturn(status(Phase.IN_PROGRESS, "CREATE_IN_PROGRESS", null));
    CheckStackCreatedDelegate check = new CheckStackCreatedDelegate(inventory, directory, stacks);
    variables.put(LcmVariables.POLL_DELAY, "PT2S");

    List<String> delays = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      check.execute(execution);
      delays.add((String) variables.get(LcmVariables.POLL_DELAY));
    }

    assertThat(delays).containsExactly("PT4S", "PT8S", "PT16S", "PT30S", "PT30S", "PT30S");
    assertThat(variables).containsEntry(LcmVariables.READY, false);
  }

  @Test
  void aWaitNobodyStartedBeginsAtThePollInterval() throws Exception {
    variables.put(LcmVariables.POLL_INTERVAL, "PT5S");
    when(stacks.deleteStatus(vim, VNF))
        .thenReturn(status(Phase.IN_PROGRESS, "DELETE_IN_PROGRESS", null));

    new CheckStackDeletedDelegate(inventory, directory, stacks).execute(execution);

    assertThat(variables).containsEntry(LcmVariables.POLL_DELAY, "PT5S");
  }

  @Test
  void aPollIntervalLongerThanTheCeilingIsKept() throws Exception {
    variables.put(LcmVariables.POLL_INTERVAL, "PT1M");
    variables.put(LcmVariables.POLL_DELAY, "PT1M");
    when(stacks.status(vim, VNF)).thenReturn(status(Phase.IN_PROGRESS, "CREATE_IN_PROGRESS", null));

    new CheckStackCreatedDelegate(inventory, directory, stacks).execute(execution);

    assertThat(variables).containsEntry(LcmVariables.POLL_DELAY, "PT1M");
  }

  @Test
  void checkCreatedSetsReadyOnCreateComplete() throws Exception {
    when(stacks.status(vim, VNF)).thenReturn(status(Phase.COMPLETE, "CREATE_COMPLETE", "done"));

    new CheckStackCreatedDelegate(inventory, directory, stacks).execute(execution);

    assertThat(variables).containsEntry(LcmVariables.READY, true);
  }

  @Test
  void createFailedEndsTheWaitWithStackFailedAndHeatsReason() {
    String reason = "Resource CREATE failed: ResourceInError: resources.VDU1: Went to status ERROR";
    when(stacks.status(vim, VNF)).thenReturn(status(Phase.FAILED, "CREATE_FAILED", reason));

    assertThatThrownBy(
            () -> new CheckStackCreatedDelegate(inventory, directory, stacks).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.STACK_FAILED))
        .hasMessage("Heat stack " + STACK + " CREATE_FAILED: " + reason);
    verify(execution, never()).setVariable(eq(LcmVariables.READY), any());
  }

  @Test
  void aStackThatVanishedWhileCreatingHasFailed() {
    when(stacks.status(vim, VNF)).thenReturn(StackStatus.gone(STACK));

    assertThatThrownBy(
            () -> new CheckStackCreatedDelegate(inventory, directory, stacks).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.STACK_FAILED))
        .hasMessageContaining("does not exist");
  }

  @Test
  void outputsBecomeAJsonObjectOfStrings() throws Exception {
    Map<String, String> outputs = new java.util.TreeMap<>();
    outputs.put("VDU1", "10.0.0.5");
    outputs.put("VDU2", "[\"10.0.0.6\",\"10.0.0.7\"]");
    when(stacks.outputs(vim, VNF)).thenReturn(outputs);

    new ReadStackOutputsDelegate(inventory, directory, stacks).execute(execution);

    assertThat(variables)
        .containsEntry(
            LcmVariables.MGMT_ADDRESSES,
            "{\"VDU1\":\"10.0.0.5\",\"VDU2\":\"[\\\"10.0.0.6\\\",\\\"10.0.0.7\\\"]\"}");
  }

  @Test
  void timeoutNamesTheStackItsStatusAndTheTimeout() {
    variables.put(LcmVariables.READY_TIMEOUT, "PT2M");
    when(stacks.status(vim, VNF)).thenReturn(status(Phase.IN_PROGRESS, "CREATE_IN_PROGRESS", null));

    assertThatThrownBy(
            () -> new ReportStackTimeoutDelegate(inventory, directory, stacks).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.READY_TIMEOUT))
        .hasMessage("stack " + STACK + " still CREATE_IN_PROGRESS after PT2M");
  }

  @Test
  void timeoutIsReportedEvenWhenTheVimCannotSayMore() {
    when(stacks.status(vim, VNF)).thenThrow(new VimException(Kind.TRANSIENT, "connection refused"));

    assertThatThrownBy(
            () -> new ReportStackTimeoutDelegate(inventory, directory, stacks).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.READY_TIMEOUT))
        .hasMessageContaining("connection refused")
        .hasMessageEndingWith("after PT5M");
  }

  @Test
  void deleteStartsTheDeletionAndRestartsTheBackoff() throws Exception {
    variables.put(LcmVariables.POLL_DELAY, "PT30S"); // the create wait before a rollback

    new DeleteStackDelegate(inventory, directory, stacks).execute(execution);

    verify(stacks).delete(vim, VNF);
    assertThat(variables).containsEntry(LcmVariables.POLL_DELAY, "PT2S");
  }

  @Test
  void checkDeletedSetsGoneAndBacksOff() throws Exception {
    variables.put(LcmVariables.POLL_DELAY, "PT2S");
    when(stacks.deleteStatus(vim, VNF))
        .thenReturn(status(Phase.IN_PROGRESS, "DELETE_IN_PROGRESS", null), StackStatus.gone(STACK));
    CheckStackDeletedDelegate check = new CheckStackDeletedDelegate(inventory, directory, stacks);

    check.execute(execution);
    assertThat(variables).containsEntry(LcmVariables.GONE, false);
    assertThat(variables).containsEntry(LcmVariables.POLL_DELAY, "PT4S");
    check.execute(execution);
    assertThat(variables).containsEntry(LcmVariables.GONE, true);
  }

  @Test
  void deletionTimeoutIsAnIncidentWhileTheStackExistsAndPassesOnceGone() throws Exception {
    variables.put(LcmVariables.READY_TIMEOUT, "PT5M");
    when(stacks.deleteStatus(vim, VNF))
        .thenReturn(status(Phase.IN_PROGRESS, "DELETE_IN_PROGRESS", null), StackStatus.gone(STACK));
    ReportStackDeletionTimeoutDelegate report =
        new ReportStackDeletionTimeoutDelegate(inventory, directory, stacks);

    assertThatThrownBy(() -> report.execute(execution))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining(STACK)
        .hasMessageContaining("PT5M");
    report.execute(execution); // an operator's retry once the stack is gone
  }

  @Test
  void deleteFailedIsAPlainFailureForAnIncidentAndEveryRetryDeletesAgain() throws Exception {
    String reason = "Resource DELETE failed: Conflict: resources.CP1: Port is in use";
    when(stacks.deleteStatus(vim, VNF))
        .thenReturn(
            status(Phase.FAILED, "DELETE_FAILED", reason),
            status(Phase.FAILED, "DELETE_FAILED", reason),
            status(Phase.IN_PROGRESS, "DELETE_IN_PROGRESS", null));
    CheckStackDeletedDelegate check = new CheckStackDeletedDelegate(inventory, directory, stacks);

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> check.execute(execution))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageContaining(STACK)
          .hasMessageContaining("DELETE_FAILED: " + reason);
    }
    check.execute(execution); // the retry after the cause was fixed

    verify(stacks, org.mockito.Mockito.times(2)).delete(vim, VNF);
    assertThat(variables).containsEntry(LcmVariables.GONE, false);
  }

  @Test
  void stepsSetOnlySmallValuesNeverADescriptorOrASecret() throws Exception {
    when(stacks.status(vim, VNF)).thenReturn(status(Phase.COMPLETE, "CREATE_COMPLETE", null));
    when(stacks.outputs(vim, VNF)).thenReturn(Map.of("VDU1", "10.0.0.5"));
    when(stacks.deleteStatus(vim, VNF)).thenReturn(StackStatus.gone(STACK));

    new CreateStackDelegate(inventory, directory, stacks).execute(execution);
    new CheckStackCreatedDelegate(inventory, directory, stacks).execute(execution);
    new ReadStackOutputsDelegate(inventory, directory, stacks).execute(execution);
    new DeleteStackDelegate(inventory, directory, stacks).execute(execution);
    new CheckStackDeletedDelegate(inventory, directory, stacks).execute(execution);

    List<Object> values =
        mockingDetails(execution).getInvocations().stream()
            .filter(i -> i.getMethod().getName().equals("setVariable"))
            .map(i -> i.getArgument(1))
            .toList();
    assertThat(values)
        .hasSize(7)
        .allSatisfy(v -> assertThat(v).isInstanceOfAny(Boolean.class, String.class))
        .noneSatisfy(v -> assertThat(String.valueOf(v)).contains("demo"));
  }

  private static StackStatus status(Phase phase, String heatStatus, String reason) {
    return new StackStatus(STACK, phase, heatStatus, reason);
  }
}
