package io.nfvflow.vim.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.nfvflow.lcm.HealTarget;
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
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenStack delegates with mocked ports and driver and a map-backed execution. */
class OpenStackStepsTest {

  private static final String VNF = HotSamples.VNF_ID;

  private final VnfInventory inventory = mock(VnfInventory.class);
  private final VimDirectory directory = mock(VimDirectory.class);
  private final OpenStackDriver driver = mock(OpenStackDriver.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final Map<String, Object> variables = new HashMap<>();
  private final VimConnection vim = OpenStackFixtures.vim("http://127.0.0.1:5000");
  private final VnfDescriptor descriptor = FakeOpenStack.scaled();

  @BeforeEach
  void setUp() {
    variables.put(LcmVariables.VNF_ID, VNF);
    when(execution.getVariable(any())).thenAnswer(i -> variables.get(i.getArgument(0)));
    when(inventory.load(VNF))
        .thenReturn(
            new VnfContext(VNF, "vnf1", "vim-os", "openstack", descriptor, Map.of("SP1", 3)));
    when(directory.connection("vim-os")).thenReturn(vim);
  }

  @Test
  void applyConvergesToTheStoredScaleWithTheReadyTimeoutAsHeatsTimeout() throws Exception {
    variables.put(LcmVariables.READY_TIMEOUT, "PT10M");

    new ApplyStackDelegate(inventory, directory, driver).execute(execution);

    verify(driver)
        .apply(new VnfOnVim(vim, VNF, descriptor, Map.of("SP1", 3)), Duration.ofMinutes(10));
  }

  @Test
  void aStackHeatRefusesIsABpmnErrorWithHeatsMessage() {
    doThrow(new VimException(Kind.REJECTED, "The Flavor ID (m1.nope) could not be found."))
        .when(driver)
        .apply(any(), any());

    assertThatThrownBy(
            () -> new ApplyStackDelegate(inventory, directory, driver).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining("m1.nope");
  }

  @Test
  void aDescriptorThatCannotBecomeATemplateIsInvalid() {
    doThrow(ToscaException.unsupported("VDU1", null, "container VDUs need a Kubernetes VIM"))
        .when(driver)
        .apply(any(), any());

    assertThatThrownBy(
            () -> new ApplyStackDelegate(inventory, directory, driver).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.INVALID_DESCRIPTOR))
        .hasMessageContaining("VDU1");
  }

  @Test
  void transientFailuresStayExceptionsForTheJobExecutorToRetry() {
    doThrow(new VimException(Kind.TRANSIENT, "503")).when(driver).apply(any(), any());

    assertThatThrownBy(
            () -> new ApplyStackDelegate(inventory, directory, driver).execute(execution))
        .isInstanceOf(VimException.class);
  }

  @Test
  void deleteRemovesTheStackEvenWhenTheDescriptorCannotBeRead() throws Exception {
    when(inventory.load(VNF))
        .thenReturn(new VnfContext(VNF, "vnf1", "vim-os", "openstack", null, Map.of()));

    new DeleteStackDelegate(inventory, directory, driver).execute(execution);

    verify(driver).remove(new VnfOnVim(vim, VNF, null, Map.of()));
  }

  @Test
  void markUnhealthyMarksTheChosenServersOfTheOperation() throws Exception {
    variables.put(LcmVariables.OPERATION_ID, "op-1");
    when(inventory.healTarget("op-1"))
        .thenReturn(
            new HealTarget(
                Set.of(),
                Set.of("server-b"),
                List.of(
                    new VnfInstance("VDU1", "server-b", "vdu1-b", "ERROR", List.of(), Map.of()))));

    new MarkServersUnhealthyDelegate(inventory, directory, driver).execute(execution);

    verify(driver)
        .markUnhealthy(
            new VnfOnVim(vim, VNF, descriptor, Map.of("SP1", 3)),
            List.of("server-b"),
            "nfvflow heal operation op-1");
  }

  @Test
  void markUnhealthyBeforeTheInstancesAreChosenIsAnIncidentNotAGuess() {
    variables.put(LcmVariables.OPERATION_ID, "op-1");
    when(inventory.healTarget("op-1")).thenReturn(new HealTarget(Set.of(), Set.of(), null));

    assertThatThrownBy(
            () -> new MarkServersUnhealthyDelegate(inventory, directory, driver).execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("op-1");
  }

  @Test
  void aStackOfSomeoneElseCannotBeMarked() {
    variables.put(LcmVariables.OPERATION_ID, "op-1");
    when(inventory.healTarget("op-1")).thenReturn(new HealTarget(Set.of(), Set.of(), List.of()));
    when(driver.markUnhealthy(any(), any(), any()))
        .thenThrow(new VimException(Kind.REJECTED, "Heat stack nfvflow-x is not owned"));

    assertThatThrownBy(
            () -> new MarkServersUnhealthyDelegate(inventory, directory, driver).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED));
  }

  @Test
  void healUpdatesTheStackWithTheReadyTimeoutAsHeatsTimeout() throws Exception {
    variables.put(LcmVariables.READY_TIMEOUT, "PT10M");

    new HealStackDelegate(inventory, directory, driver).execute(execution);

    verify(driver)
        .heal(new VnfOnVim(vim, VNF, descriptor, Map.of("SP1", 3)), Duration.ofMinutes(10));
  }

  @Test
  void aHealHeatRefusesIsABpmnErrorAndTransientFailuresAreRetried() {
    doThrow(new VimException(Kind.REJECTED, "Heat stack nfvflow-x is DELETE_FAILED"))
        .doThrow(new VimException(Kind.TRANSIENT, "503"))
        .when(driver)
        .heal(any(), any());
    HealStackDelegate delegate = new HealStackDelegate(inventory, directory, driver);

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED));
    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(VimException.class);
  }
}
