package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
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
import io.nfvflow.vim.VnfOnVim;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kubernetes steps with mocked ports, workloads and execution. */
class KubernetesStepsTest {

  private static final String VNF = TackerSamples.VNF_ID;

  private final VnfInventory inventory = mock(VnfInventory.class);
  private final VimDirectory directory = mock(VimDirectory.class);
  private final KubernetesWorkloads workloads = mock(KubernetesWorkloads.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final VimConnection vim = KubernetesFixtures.vim("https://127.0.0.1:6443", "default");

  /** What the steps must hand the workloads: the VNF on its VIM at the stored target. */
  private final VnfOnVim expected =
      new VnfOnVim(vim, VNF, TackerSamples.containerized(), Map.of("SP1", 3));

  @BeforeEach
  void setUp() {
    when(execution.getVariable(LcmVariables.VNF_ID)).thenReturn(VNF);
    when(inventory.load(VNF))
        .thenReturn(
            new VnfContext(
                VNF,
                "web",
                "vim-1",
                "kubernetes",
                TackerSamples.containerized(),
                Map.of("SP1", 3)));
    when(directory.connection("vim-1")).thenReturn(vim);
  }

  static Stream<Arguments> steps() {
    return Stream.of(
        step(ApplyConfigMapsDelegate::new, KubernetesWorkloads::applyConfigMaps),
        step(ApplyDeploymentsDelegate::new, KubernetesWorkloads::applyDeployments),
        step(ApplyServicesDelegate::new, KubernetesWorkloads::applyServices),
        step(ApplyAutoscalersDelegate::new, KubernetesWorkloads::applyAutoscalers),
        step(DeleteAutoscalersDelegate::new, KubernetesWorkloads::deleteAutoscalers),
        step(DeleteServicesDelegate::new, KubernetesWorkloads::deleteServices),
        step(DeleteDeploymentsDelegate::new, KubernetesWorkloads::deleteDeployments),
        step(DeleteConfigMapsDelegate::new, KubernetesWorkloads::deleteConfigMaps));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("steps")
  void stepsWorkOnTheVnfAtItsDesiredScaleAndSetNoVariable(
      String name, Factory factory, BiConsumer<KubernetesWorkloads, VnfOnVim> operation)
      throws Exception {
    factory.create(inventory, directory, workloads).execute(execution);

    operation.accept(verify(workloads), expected);
    verify(execution, never()).setVariable(anyString(), any());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("steps")
  void permanentVimFailuresBecomeBpmnErrors(
      String name, Factory factory, BiConsumer<KubernetesWorkloads, VnfOnVim> operation) {
    operation.accept(
        doThrow(new VimException(VimException.Kind.REJECTED, "quota exceeded")).when(workloads),
        expected);

    assertThatThrownBy(() -> factory.create(inventory, directory, workloads).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining("quota exceeded");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("steps")
  void transientVimFailuresStayExceptionsForTheJobExecutorToRetry(
      String name, Factory factory, BiConsumer<KubernetesWorkloads, VnfOnVim> operation) {
    operation.accept(
        doThrow(new VimException(VimException.Kind.TRANSIENT, "503")).when(workloads), expected);

    assertThatThrownBy(() -> factory.create(inventory, directory, workloads).execute(execution))
        .isInstanceOf(VimException.class);
  }

  /** A delegate's constructor. */
  @FunctionalInterface
  interface Factory {
    KubernetesStep create(
        VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads);
  }

  private static Arguments step(
      Factory factory, BiConsumer<KubernetesWorkloads, VnfOnVim> operation) {
    String name = factory.create(null, null, null).getClass().getSimpleName();
    return Arguments.of(name, factory, operation);
  }
}
