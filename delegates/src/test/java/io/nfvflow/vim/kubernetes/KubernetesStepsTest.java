package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The delegates with mocked ports, workloads and execution. */
class KubernetesStepsTest {

  private static final String VNF = TackerSamples.VNF_ID;

  private final VnfInventory inventory = mock(VnfInventory.class);
  private final VimDirectory directory = mock(VimDirectory.class);
  private final KubernetesWorkloads workloads = mock(KubernetesWorkloads.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final VimConnection vim = KubernetesFixtures.vim("https://k8s.example:6443", "default");
  private final KubernetesVnf expected = new KubernetesVnf(vim, VNF, TackerSamples.containerized());

  @BeforeEach
  void setUp() {
    when(execution.getVariable(LcmVariables.VNF_ID)).thenReturn(VNF);
    when(inventory.load(VNF))
        .thenReturn(new VnfContext(VNF, "web", "vim-1", TackerSamples.containerized()));
    when(directory.connection("vim-1")).thenReturn(vim);
  }

  /** The delegates that make one workload call and set nothing. */
  static Stream<Arguments> simpleSteps() {
    return Stream.of(
        step(CreateConfigMapsDelegate::new, KubernetesWorkloads::createConfigMaps),
        step(CreateDeploymentsDelegate::new, KubernetesWorkloads::createDeployments),
        step(CreateServicesDelegate::new, KubernetesWorkloads::createServices),
        step(CreateAutoscalersDelegate::new, KubernetesWorkloads::createAutoscalers),
        step(DeleteAutoscalersDelegate::new, KubernetesWorkloads::deleteAutoscalers),
        step(DeleteServicesDelegate::new, KubernetesWorkloads::deleteServices),
        step(DeleteDeploymentsDelegate::new, KubernetesWorkloads::deleteDeployments),
        step(DeleteConfigMapsDelegate::new, KubernetesWorkloads::deleteConfigMaps));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("simpleSteps")
  void simpleStepsCallTheirWorkloadOperationForTheVnfOnItsVim(
      String name, Factory factory, BiConsumer<KubernetesWorkloads, KubernetesVnf> operation)
      throws Exception {
    factory.create(inventory, directory, workloads).execute(execution);

    operation.accept(verify(workloads), expected);
    verify(execution, never()).setVariable(anyString(), any());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("simpleSteps")
  void permanentVimFailuresBecomeBpmnErrors(
      String name, Factory factory, BiConsumer<KubernetesWorkloads, KubernetesVnf> operation) {
    operation.accept(
        doThrow(new VimException(VimException.Kind.REJECTED, "quota exceeded")).when(workloads),
        expected);

    assertThatThrownBy(() -> factory.create(inventory, directory, workloads).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining("quota exceeded");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("simpleSteps")
  void transientVimFailuresStayExceptionsForTheJobExecutorToRetry(
      String name, Factory factory, BiConsumer<KubernetesWorkloads, KubernetesVnf> operation) {
    operation.accept(
        doThrow(new VimException(VimException.Kind.TRANSIENT, "503")).when(workloads), expected);

    assertThatThrownBy(() -> factory.create(inventory, directory, workloads).execute(execution))
        .isInstanceOf(VimException.class);
  }

  @Test
  void checkReadySetsReady() throws Exception {
    when(workloads.readiness(expected)).thenReturn(new WorkloadStatus(List.of(), Optional.empty()));

    new CheckWorkloadsReadyDelegate(inventory, directory, workloads).execute(execution);

    verify(execution).setVariable(LcmVariables.READY, true);
  }

  @Test
  void checkReadySetsNotReadyWhileWaiting() throws Exception {
    when(workloads.readiness(expected))
        .thenReturn(new WorkloadStatus(List.of("Deployment default/x: 0 of 1"), Optional.empty()));

    new CheckWorkloadsReadyDelegate(inventory, directory, workloads).execute(execution);

    verify(execution).setVariable(LcmVariables.READY, false);
  }

  @Test
  void checkReadyFailsWhenAPodNeverWillBeReady() {
    String reason = "pod default/p: container c: ImagePullBackOff: Back-off pulling image \"x\"";
    when(workloads.readiness(expected))
        .thenReturn(new WorkloadStatus(List.of("Deployment default/x"), Optional.of(reason)));

    assertThatThrownBy(
            () ->
                new CheckWorkloadsReadyDelegate(inventory, directory, workloads).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.WORKLOAD_FAILED))
        .hasMessageContaining(reason);
    verify(execution, never()).setVariable(eq(LcmVariables.READY), any());
  }

  @Test
  void checkGoneSetsGone() throws Exception {
    when(workloads.remaining(expected)).thenReturn(List.of("Pod default/p"), List.of());
    CheckWorkloadsGoneDelegate delegate =
        new CheckWorkloadsGoneDelegate(inventory, directory, workloads);

    delegate.execute(execution);
    verify(execution).setVariable(LcmVariables.GONE, false);
    delegate.execute(execution);
    verify(execution).setVariable(LcmVariables.GONE, true);
  }

  @Test
  void removalTimeoutIsAnIncidentNamingWhatIsLeftUntilItIsGone() throws Exception {
    when(execution.getVariable(LcmVariables.READY_TIMEOUT)).thenReturn("PT5M");
    when(workloads.remaining(expected)).thenReturn(List.of("Pod default/p"), List.of());
    ReportRemovalTimeoutDelegate delegate =
        new ReportRemovalTimeoutDelegate(inventory, directory, workloads);

    assertThatThrownBy(() -> delegate.execute(execution))
        .isNotInstanceOf(BpmnError.class)
        .hasMessageContaining("Pod default/p")
        .hasMessageContaining("PT5M");
    delegate.execute(execution); // once gone, a retry of the incident lets the flow go on
  }

  @Test
  void serviceAddressesBecomeAJsonObject() throws Exception {
    when(workloads.serviceAddresses(expected)).thenReturn(Map.of("VDU1", "10.96.0.42"));

    new ReadServiceAddressesDelegate(inventory, directory, workloads).execute(execution);

    verify(execution).setVariable(LcmVariables.MGMT_ADDRESSES, "{\"VDU1\":\"10.96.0.42\"}");
  }

  @Test
  void readyTimeoutSaysWhatIsNotReadyAndAfterHowLong() {
    when(execution.getVariable(LcmVariables.READY_TIMEOUT)).thenReturn("PT2M");
    when(workloads.readiness(expected))
        .thenReturn(
            new WorkloadStatus(
                List.of("Deployment default/vdu1-3f2a9c1e5b7d: 0 of 1 replicas available"),
                Optional.empty()));

    assertThatThrownBy(
            () ->
                new ReportReadyTimeoutDelegate(inventory, directory, workloads).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.READY_TIMEOUT))
        .hasMessageContaining(
            "Deployment default/vdu1-3f2a9c1e5b7d: 0 of 1 replicas available after PT2M");
  }

  @Test
  void readyTimeoutIsReportedEvenWhenTheVimCannotSayWhy() {
    when(workloads.readiness(expected))
        .thenThrow(new VimException(VimException.Kind.TRANSIENT, "connection refused"));

    assertThatThrownBy(
            () ->
                new ReportReadyTimeoutDelegate(inventory, directory, workloads).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.READY_TIMEOUT))
        .hasMessageContaining("connection refused")
        .hasMessageEndingWith("after PT5M");
  }

  @Test
  void stepsSetOnlySmallValuesNeverADescriptorOrASecret() throws Exception {
    when(workloads.readiness(expected)).thenReturn(new WorkloadStatus(List.of(), Optional.empty()));
    when(workloads.serviceAddresses(expected)).thenReturn(Map.of("VDU1", "10.96.0.42"));
    when(workloads.remaining(expected)).thenReturn(List.of());

    new CheckWorkloadsReadyDelegate(inventory, directory, workloads).execute(execution);
    new ReadServiceAddressesDelegate(inventory, directory, workloads).execute(execution);
    new CheckWorkloadsGoneDelegate(inventory, directory, workloads).execute(execution);

    List<Object> values =
        mockingDetails(execution).getInvocations().stream()
            .filter(i -> i.getMethod().getName().equals("setVariable"))
            .map(i -> i.getArgument(1))
            .toList();
    assertThat(values)
        .hasSize(3)
        .allSatisfy(v -> assertThat(v).isInstanceOfAny(Boolean.class, String.class))
        .noneSatisfy(v -> assertThat(String.valueOf(v)).contains("test-token"))
        .noneSatisfy(v -> assertThat(String.valueOf(v)).contains("hpa-example"));
  }

  /** A delegate's constructor. */
  @FunctionalInterface
  interface Factory {
    KubernetesStep create(
        VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads);
  }

  private static Arguments step(
      Factory factory, BiConsumer<KubernetesWorkloads, KubernetesVnf> operation) {
    String name = factory.create(null, null, null).getClass().getSimpleName();
    return Arguments.of(name, factory, operation);
  }
}
