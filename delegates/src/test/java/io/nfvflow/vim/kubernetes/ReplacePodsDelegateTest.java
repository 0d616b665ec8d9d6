package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.nfvflow.lcm.HealTarget;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfContext;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Task {@code ReplacePods} with mocked ports and execution, against fabric8's CRUD mock server (no
 * ReplicaSet controller: the tests create the replacements).
 */
@EnableKubernetesMockClient(crud = true)
class ReplacePodsDelegateTest {

  private static final String VNF = TackerSamples.VNF_ID;
  private static final String OPERATION = "op-1";
  private static final String VDU1 = "vdu1-3f2a9c1e5b7d";

  KubernetesMockServer server;
  KubernetesClient client;

  private final VnfInventory inventory = mock(VnfInventory.class);
  private final VimDirectory directory = mock(VimDirectory.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private KubernetesClients clients;
  private ReplacePodsDelegate step;
  private Deployment deployment;

  @BeforeEach
  void setUp() {
    clients = new KubernetesClients();
    VimConnection vim = KubernetesFixtures.vim(client.getConfiguration().getMasterUrl(), "default");
    var descriptor = TackerSamples.single("VDU1", null, "nginx");
    new KubernetesDriver(clients, new KubernetesWorkloads(clients))
        .apply(new VnfOnVim(vim, VNF, descriptor));
    deployment = client.apps().deployments().inNamespace("default").withName(VDU1).get();
    when(execution.getVariable(LcmVariables.VNF_ID)).thenReturn(VNF);
    when(execution.getVariable(LcmVariables.OPERATION_ID)).thenReturn(OPERATION);
    when(inventory.load(VNF))
        .thenReturn(new VnfContext(VNF, "web", "vim-1", "kubernetes", descriptor, Map.of()));
    when(directory.connection("vim-1")).thenReturn(vim);
    step = new ReplacePodsDelegate(inventory, directory, new KubernetesWorkloads(clients));
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void deletesExactlyTheSelectedPodsAndARerunDeletesNothingNew() throws Exception {
    Pod a = pod(VDU1 + "-a");
    Pod b = pod(VDU1 + "-b");
    pod(VDU1 + "-c");
    Pod theirs = otherVnfsPod(VDU1 + "-a");
    selected(
        instance(a),
        instance(b),
        new VnfInstance("VDU1", "gone-uid", "gone", "Running", List.of(), Map.of()));
    deletes();

    step.execute(execution);

    assertThat(deletes())
        .containsExactlyInAnyOrder(
            "/api/v1/namespaces/default/pods/" + VDU1 + "-a",
            "/api/v1/namespaces/default/pods/" + VDU1 + "-b");
    assertThat(podNames()).containsExactlyInAnyOrder(VDU1 + "-c", "other-" + VDU1 + "-a");
    assertThat(client.resource(theirs).get()).isNotNull();

    // the ReplicaSet replaces them; a re-run after a crash must leave the replacements alone
    pod(VDU1 + "-d");
    pod(VDU1 + "-e");
    step.execute(execution);

    assertThat(deletes()).isEmpty();
    assertThat(podNames())
        .containsExactlyInAnyOrder(VDU1 + "-c", VDU1 + "-d", VDU1 + "-e", "other-" + VDU1 + "-a");
  }

  @Test
  void aPodOfTheSameNameWithAnotherUidIsAReplacementAndStays() throws Exception {
    Pod a = pod(VDU1 + "-a");
    selected(instance(a));
    client.resource(a).delete();
    pod(VDU1 + "-a"); // recreated: a new uid
    deletes();

    step.execute(execution);

    assertThat(deletes()).isEmpty();
    assertThat(podNames()).containsExactly(VDU1 + "-a");
  }

  @Test
  void anInstanceWithoutIdIsFoundByName() throws Exception {
    pod(VDU1 + "-a");
    pod(VDU1 + "-b");
    selected(new VnfInstance("VDU1", null, VDU1 + "-b", "Running", List.of(), Map.of()));

    step.execute(execution);

    assertThat(podNames()).containsExactly(VDU1 + "-a");
  }

  @Test
  void nothingSelectedDeletesNothing() throws Exception {
    pod(VDU1 + "-a");
    selected();

    step.execute(execution);

    assertThat(podNames()).containsExactly(VDU1 + "-a");
  }

  @Test
  void aHealWhoseInstancesWereNotSelectedYetIsABrokenModel() {
    when(inventory.healTarget(OPERATION)).thenReturn(new HealTarget(Set.of(), Set.of(), null));

    assertThatThrownBy(() -> step.execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("heal operation op-1 has no selected instances yet");
  }

  @Test
  void permanentVimFailuresBecomeBpmnErrorsAndTransientOnesStayExceptions() {
    KubernetesWorkloads workloads = mock(KubernetesWorkloads.class);
    ReplacePodsDelegate mocked = new ReplacePodsDelegate(inventory, directory, workloads);
    selected();
    when(workloads.replacePods(any(), any()))
        .thenThrow(new VimException(VimException.Kind.REJECTED, "forbidden"))
        .thenThrow(new VimException(VimException.Kind.TRANSIENT, "503"));

    assertThatThrownBy(() -> mocked.execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED));
    assertThatThrownBy(() -> mocked.execute(execution)).isInstanceOf(VimException.class);
    verify(execution, never()).setVariable(anyString(), any());
  }

  private void selected(VnfInstance... instances) {
    when(inventory.healTarget(OPERATION))
        .thenReturn(new HealTarget(Set.of("VDU1"), Set.of(), List.of(instances)));
  }

  private Pod pod(String name) {
    return KubernetesFixtures.runningPod(client, deployment, name, "10.244.0.1");
  }

  /** A pod of another VNF, in the same namespace. */
  private Pod otherVnfsPod(String name) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("other-" + name)
            .withNamespace("default")
            .withLabels(KubernetesLabels.ownership(UUID.randomUUID().toString(), "VDU1"))
            .endMetadata()
            .build();
    return client.resource(pod).create();
  }

  private static VnfInstance instance(Pod pod) {
    assertThat(pod.getMetadata().getUid()).isNotBlank();
    return new VnfInstance(
        "VDU1",
        pod.getMetadata().getUid(),
        pod.getMetadata().getName(),
        "Running",
        List.of(),
        Map.of());
  }

  private List<String> podNames() {
    return client.pods().inNamespace("default").list().getItems().stream()
        .map(p -> p.getMetadata().getName())
        .toList();
  }

  /** The paths of the DELETE requests the mock server received since the last call. */
  private List<String> deletes() {
    List<String> deletes = new ArrayList<>();
    try {
      for (RecordedRequest r = server.takeRequest(50, TimeUnit.MILLISECONDS);
          r != null;
          r = server.takeRequest(50, TimeUnit.MILLISECONDS)) {
        if ("DELETE".equals(r.getMethod())) {
          deletes.add(r.getPath());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return deletes;
  }
}
