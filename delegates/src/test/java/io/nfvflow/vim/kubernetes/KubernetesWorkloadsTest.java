package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfOnVim;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workload operations against fabric8's CRUD mock server (no controllers: tests set status). */
@EnableKubernetesMockClient(crud = true)
class KubernetesWorkloadsTest {

  private static final String DEPLOYMENT = "vdu1-3f2a9c1e5b7d";

  KubernetesMockServer server;
  KubernetesClient client;

  private KubernetesClients clients;
  private KubernetesWorkloads workloads;
  private VnfOnVim vnf;

  @BeforeEach
  void setUp() {
    clients = new KubernetesClients();
    workloads = new KubernetesWorkloads(clients);
    VimConnection vim = KubernetesFixtures.vim(client.getConfiguration().getMasterUrl(), "default");
    vnf = new VnfOnVim(vim, TackerSamples.VNF_ID, TackerSamples.containerized());
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void createMakesEveryObjectWithOwnershipLabels() {
    createAll();

    Deployment d = client.apps().deployments().inNamespace("default").withName(DEPLOYMENT).get();
    assertThat(d.getMetadata().getLabels())
        .containsEntry("nfvflow.io/vnf-id", TackerSamples.VNF_ID);
    assertThat(client.services().inNamespace("default").withName(DEPLOYMENT).get()).isNotNull();
    assertThat(
            client
                .autoscaling()
                .v1()
                .horizontalPodAutoscalers()
                .inNamespace("default")
                .withName(DEPLOYMENT)
                .get())
        .isNotNull();
    assertThat(client.configMaps().inNamespace("default").list().getItems())
        .extracting(ConfigMap::getData)
        .containsExactly(Map.of("param0", "key1", "param1", "key2"));
  }

  @Test
  void createTwiceKeepsOneObject() {
    createAll();
    createAll();

    assertThat(client.apps().deployments().inNamespace("default").list().getItems()).hasSize(1);
    assertThat(client.configMaps().inNamespace("default").list().getItems()).hasSize(1);
  }

  @Test
  void notReadyWhileTheDeploymentIsMissing() {
    WorkloadStatus status = workloads.readiness(vnf);

    assertThat(status.ready()).isFalse();
    assertThat(status.failure()).isEmpty();
    assertThat(status.describe()).isEqualTo("Deployment default/" + DEPLOYMENT + " does not exist");
  }

  @Test
  void notReadyWhileReplicasAreNotAvailable() {
    workloads.applyDeployments(vnf);
    setStatus(0, true);

    assertThat(workloads.readiness(vnf).describe())
        .isEqualTo("Deployment default/" + DEPLOYMENT + ": 0 of 1 ready");
  }

  @Test
  void readyWhenReplicasAreAvailableAndThePodIsThere() {
    workloads.applyDeployments(vnf);
    setStatus(1, true);
    KubernetesFixtures.runningPod(client, deployment(), "web-1", "10.244.0.5");

    assertThat(workloads.readiness(vnf).ready()).isTrue();
  }

  @Test
  void notReadyWhileTheStatusIsAheadOfThePods() {
    workloads.applyDeployments(vnf);
    setStatus(1, true);

    assertThat(workloads.readiness(vnf).describe())
        .isEqualTo("Deployment default/" + DEPLOYMENT + ": 0 pods, 1 desired");
  }

  @Test
  void notReadyWhileTheControllerHasNotSeenTheLatestSpec() {
    workloads.applyDeployments(vnf);
    setStatus(1, false);

    assertThat(workloads.readiness(vnf).ready()).isFalse();
  }

  @Test
  void aWaitingPodIsJustNotReadyYet() {
    workloads.applyDeployments(vnf);
    pod("web-1", waiting("ContainerCreating", null));

    WorkloadStatus status = workloads.readiness(vnf);

    assertThat(status.ready()).isFalse();
    assertThat(status.failure()).isEmpty();
  }

  @Test
  void imagePullBackOffFailsWithThePodsReason() {
    workloads.applyDeployments(vnf);
    pod("web-1", waiting("ImagePullBackOff", "Back-off pulling image \"x\""));

    assertThat(workloads.readiness(vnf).failure())
        .contains(
            "pod default/web-1: container web-server: ImagePullBackOff: Back-off pulling image \"x\"");
  }

  @Test
  void crashLoopBackOffFails() {
    workloads.applyDeployments(vnf);
    pod("web-1", waiting("CrashLoopBackOff", "back-off 5m0s restarting failed container"));

    assertThat(workloads.readiness(vnf).failure().orElseThrow())
        .startsWith("pod default/web-1: container web-server: CrashLoopBackOff");
  }

  @Test
  void unschedulableFails() {
    workloads.applyDeployments(vnf);
    Pod pod =
        new PodBuilder(ownedPod("web-1"))
            .withNewStatus()
            .withPhase("Pending")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withMessage("0/1 nodes are available: 1 Insufficient cpu.")
            .endCondition()
            .endStatus()
            .build();
    client.pods().inNamespace("default").resource(pod).create();

    assertThat(workloads.readiness(vnf).failure())
        .contains("pod default/web-1: Unschedulable: 0/1 nodes are available: 1 Insufficient cpu.");
  }

  @Test
  void aDeploymentThatMayNotCreatePodsFailsWithTheControllersReason() {
    workloads.applyDeployments(vnf);
    Deployment d = client.apps().deployments().inNamespace("default").withName(DEPLOYMENT).get();
    d.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            .withAvailableReplicas(0)
            .addNewCondition()
            .withType("ReplicaFailure")
            .withStatus("True")
            .withReason("FailedCreate")
            .withMessage("pods \"web-1\" is forbidden: exceeded quota: pods=0")
            .endCondition()
            .build());
    client.resource(d).updateStatus();

    assertThat(workloads.readiness(vnf).failure().orElseThrow())
        .isEqualTo(
            "Deployment default/%s: FailedCreate: pods \"web-1\" is forbidden: exceeded quota: pods=0"
                .formatted(DEPLOYMENT));
  }

  @Test
  void podsOfOtherVnfsDoNotFailThisOne() {
    workloads.applyDeployments(vnf);
    Pod foreign =
        new PodBuilder(ownedPod("other"))
            .editMetadata()
            .addToLabels("nfvflow.io/vnf-id", "another-vnf")
            .endMetadata()
            .withNewStatus()
            .withContainerStatuses(waiting("ImagePullBackOff", "nope"))
            .endStatus()
            .build();
    client.pods().inNamespace("default").resource(foreign).create();

    assertThat(workloads.readiness(vnf).failure()).isEmpty();
  }

  @Test
  void goneOnlyWhenNothingLabelledIsLeft() {
    createAll();
    pod("web-1", waiting("ContainerCreating", null));
    assertThat(workloads.remaining(vnf)).hasSize(5);

    workloads.deleteAutoscalers(vnf);
    workloads.deleteServices(vnf);
    workloads.deleteDeployments(vnf);
    workloads.deleteConfigMaps(vnf);

    // the mock has no garbage collector: the pod stays until something deletes it
    assertThat(workloads.remaining(vnf)).containsExactly("Pod default/web-1");
    client.pods().inNamespace("default").withName("web-1").delete();
    assertThat(workloads.remaining(vnf)).isEmpty();
  }

  @Test
  void deletesOnlyTouchTheVnfsObjects() {
    createAll();
    VnfOnVim other = new VnfOnVim(vnf.vim(), "0123456789abcdef", vnf.descriptor());
    workloads.applyConfigMaps(other);

    workloads.deleteConfigMaps(vnf);

    assertThat(client.configMaps().inNamespace("default").list().getItems())
        .extracting(c -> c.getMetadata().getLabels().get("nfvflow.io/vnf-id"))
        .containsExactly("0123456789abcdef");
  }

  @Test
  void deletesNeedNoDescriptor() {
    createAll();

    VnfOnVim unreadable = new VnfOnVim(vnf.vim(), vnf.vnfId(), null);
    workloads.deleteAutoscalers(unreadable);
    workloads.deleteServices(unreadable);
    workloads.deleteDeployments(unreadable);
    workloads.deleteConfigMaps(unreadable);

    assertThat(workloads.remaining(unreadable)).isEmpty();
  }

  @Test
  void serviceAddressIsTheClusterIp() {
    createAll();
    client
        .services()
        .inNamespace("default")
        .withName(DEPLOYMENT)
        .edit(
            s -> {
              s.getSpec().setClusterIP("10.96.0.42");
              return s;
            });

    assertThat(workloads.observe(vnf).mgmtAddresses())
        .containsExactly(Map.entry("VDU1", "10.96.0.42"));
  }

  private void createAll() {
    workloads.applyConfigMaps(vnf);
    workloads.applyDeployments(vnf);
    workloads.applyServices(vnf);
    workloads.applyAutoscalers(vnf);
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace("default").withName(DEPLOYMENT).get();
  }

  private void setStatus(int available, boolean observed) {
    Deployment d = deployment();
    long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    d.getMetadata().setGeneration(generation);
    d.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(observed ? generation : generation - 1)
            .withReplicas(1)
            .withUpdatedReplicas(1)
            .withReadyReplicas(available)
            .withAvailableReplicas(available)
            .build());
    client.resource(d).updateStatus();
  }

  private void pod(String name, io.fabric8.kubernetes.api.model.ContainerStatus status) {
    Pod pod =
        new PodBuilder(ownedPod(name))
            .withNewStatus()
            .withPhase("Pending")
            .withContainerStatuses(status)
            .endStatus()
            .build();
    client.pods().inNamespace("default").resource(pod).create();
  }

  private Pod ownedPod(String name) {
    Deployment d = KubernetesManifests.translate(vnf).get(0).deployment();
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
        .endMetadata()
        .withNewSpec()
        .withContainers(d.getSpec().getTemplate().getSpec().getContainers())
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.ContainerStatus waiting(
      String reason, String message) {
    return new io.fabric8.kubernetes.api.model.ContainerStatusBuilder()
        .withName("web-server")
        .withReady(false)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .build();
  }
}
