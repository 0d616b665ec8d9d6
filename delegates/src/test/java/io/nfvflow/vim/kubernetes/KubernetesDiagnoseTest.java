package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Finding;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfOnVim;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code diagnose} against fabric8's CRUD mock server: the tests play the people who edit objects
 * behind nfvflow's back, and the controllers and kubelet that report failures.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesDiagnoseTest {

  private static final String VNF = TackerSamples.VNF_ID;
  private static final String VDU1 = "vdu1-3f2a9c1e5b7d";
  private static final String VDU2 = "vdu2-3f2a9c1e5b7d";
  private static final String CONFIG = "vdu1-app-3f2a9c1e5b7d";
  private static final String SINCE = "2024-05-01T12:00:00Z";

  KubernetesClient client;

  private KubernetesClients clients;
  private KubernetesDriver driver;
  private VimConnection vim;

  @BeforeEach
  void setUp() {
    clients = new KubernetesClients();
    driver = new KubernetesDriver(clients, new KubernetesWorkloads(clients));
    vim = KubernetesFixtures.vim(client.getConfiguration().getMasterUrl(), "default");
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void nothingRightAfterApply() {
    VnfOnVim two = applied(KubernetesFixtures.twoVdus(), Map.of());
    assertThat(driver.diagnose(two)).isEmpty();

    VnfOnVim scaled = applied(KubernetesFixtures.scaled(1, 3, 2), Map.of("SP1", 3));
    assertThat(driver.diagnose(scaled)).isEmpty();
  }

  @Test
  void aDeletedServiceIsMissing() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    client.services().inNamespace("default").withName(VDU1).delete();

    assertThat(driver.diagnose(vnf))
        .containsExactly(Finding.drift("VDU1", "Service default/" + VDU1 + " is missing", null));
  }

  @Test
  void anEditedImageIsNamedWithWhatItShouldBe() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    client
        .apps()
        .deployments()
        .inNamespace("default")
        .withName(VDU1)
        .edit(
            d ->
                new DeploymentBuilder(d)
                    .editMetadata()
                    .addToLabels("team", "edge") // others' labels are not drift
                    .withManagedFields(
                        new ManagedFieldsEntryBuilder()
                            .withManager("kubectl-edit")
                            .withOperation("Update")
                            .withTime(SINCE)
                            .build(),
                        new ManagedFieldsEntryBuilder()
                            .withManager("kube-controller-manager")
                            .withOperation("Update")
                            .withSubresource("status")
                            .withTime("2024-05-01T12:05:00Z")
                            .build())
                    .endMetadata()
                    .editSpec()
                    .editTemplate()
                    .editSpec()
                    .editFirstContainer()
                    .withImage("nginx:hacked")
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build());

    assertThat(driver.diagnose(vnf))
        .containsExactly(
            Finding.drift(
                "VDU1",
                "Deployment default/"
                    + VDU1
                    + ": container app: image nginx:hacked instead of nginx",
                Instant.parse(SINCE)));
  }

  @Test
  void anEditedConfigMapIsDrift() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    client
        .configMaps()
        .inNamespace("default")
        .withName(CONFIG)
        .edit(c -> new ConfigMapBuilder(c).addToData("extra", "x").build());

    assertThat(driver.diagnose(vnf))
        .containsExactly(
            Finding.drift("VDU1", "ConfigMap default/" + CONFIG + ": data edited", null));
  }

  @Test
  void replicasEditedWithoutAutoscalerAreDrift() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    client.apps().deployments().inNamespace("default").withName(VDU2).scale(5);

    assertThat(driver.diagnose(vnf))
        .containsExactly(
            Finding.drift(
                "VDU2", "Deployment default/" + VDU2 + ": replicas 5 instead of 1", null));
  }

  @Test
  void replicasAnAutoscalerSetWithinItsRangeAreNotDrift() {
    VnfOnVim vnf = applied(KubernetesFixtures.scaled(1, 4, 2), Map.of());
    client.apps().deployments().inNamespace("default").withName(VDU1).scale(4);
    assertThat(driver.diagnose(vnf)).isEmpty();

    client.apps().deployments().inNamespace("default").withName(VDU1).scale(1);
    assertThat(driver.diagnose(vnf))
        .containsExactly(
            Finding.drift(
                "VDU1",
                "Deployment default/" + VDU1 + ": replicas 1 outside the autoscaler's range 2 to 4",
                null));
  }

  @Test
  void ownedExtrasAndObjectsOfOthersAreDrift() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("left-over")
                .withNamespace("default")
                .withLabels(KubernetesLabels.ownership(VNF, "VDU3"))
                .endMetadata()
                .build())
        .create();
    client.services().inNamespace("default").withName(VDU1).delete();
    client
        .resource(
            new io.fabric8.kubernetes.api.model.ServiceBuilder()
                .withNewMetadata()
                .withName(VDU1)
                .withNamespace("default")
                .withLabels(Map.of("app", "theirs"))
                .endMetadata()
                .build())
        .create();

    assertThat(driver.diagnose(vnf))
        .containsExactly(
            Finding.drift(
                "VDU1",
                "Service default/%s exists but is not owned by VNF %s".formatted(VDU1, VNF),
                null),
            Finding.drift(
                "VDU3", "ConfigMap default/left-over is the VNF's but not desired", null));
  }

  @Test
  void anObjectBeingDeletedIsMissingSinceItsDeletion() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    ConfigMap config = client.configMaps().inNamespace("default").withName(CONFIG).get();
    client
        .resource(config)
        .edit(
            c ->
                new ConfigMapBuilder(c)
                    .editMetadata()
                    .addToFinalizers("test/hold")
                    .endMetadata()
                    .build());
    client.resource(config).delete();

    List<Finding> found = driver.diagnose(vnf);

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.reason()).isEqualTo("ConfigMap default/" + CONFIG + " is being deleted");
              assertThat(f.scope()).isEqualTo(Finding.Scope.VNF);
              assertThat(f.since()).isNotNull();
            });
  }

  @Test
  void anUnavailableDeploymentIsAVduFindingSinceTheConditionChanged() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    unavailable(VDU1);
    Pod crashing = crashLooping(deployment(VDU1), VDU1 + "-a");

    List<Finding> found = driver.diagnose(vnf);

    String podReason =
        "pod default/" + VDU1 + "-a: container app: CrashLoopBackOff: back-off 5m0s restarting";
    assertThat(found)
        .containsExactly(
            Finding.vdu(
                "VDU1",
                "Deployment default/" + VDU1 + " is not available: " + podReason,
                Instant.parse(SINCE)),
            Finding.instance(
                "VDU1",
                crashing.getMetadata().getUid(),
                podReason,
                Instant.parse("2024-05-01T11:59:00Z")));
  }

  @Test
  void anUnavailableDeploymentWithoutFailingPodsGivesTheControllersReason() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    unavailable(VDU2);

    assertThat(driver.diagnose(vnf))
        .containsExactly(
            Finding.vdu(
                "VDU2",
                "Deployment default/"
                    + VDU2
                    + " is not available: MinimumReplicasUnavailable: Deployment does not have"
                    + " minimum availability.",
                Instant.parse(SINCE)));
  }

  @Test
  void aCrashLoopingPodIsAnInstanceFindingWithItsUid() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    KubernetesFixtures.runningPod(client, deployment(VDU1), VDU1 + "-ok", "10.244.0.1");
    Pod crashing = crashLooping(deployment(VDU1), VDU1 + "-a");

    assertThat(driver.diagnose(vnf))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.scope()).isEqualTo(Finding.Scope.INSTANCE);
              assertThat(f.vdu()).isEqualTo("VDU1");
              assertThat(f.instanceId()).isNotBlank().isEqualTo(crashing.getMetadata().getUid());
              assertThat(f.reason()).contains("CrashLoopBackOff");
              assertThat(f.since()).isEqualTo(Instant.parse("2024-05-01T11:59:00Z"));
            });
  }

  @Test
  void aPodBeingDeletedIsNoFinding() {
    VnfOnVim vnf = applied(KubernetesFixtures.twoVdus(), Map.of());
    Pod crashing = crashLooping(deployment(VDU1), VDU1 + "-a");
    client
        .resource(crashing)
        .edit(
            p ->
                new PodBuilder(p)
                    .editMetadata()
                    .addToFinalizers("test/hold")
                    .endMetadata()
                    .build());
    client.resource(crashing).delete();

    assertThat(driver.diagnose(vnf)).isEmpty();
  }

  private VnfOnVim applied(VnfDescriptor descriptor, Map<String, Integer> scale) {
    VnfOnVim vnf = new VnfOnVim(vim, VNF, descriptor, scale);
    driver.apply(vnf);
    return vnf;
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace("default").withName(name).get();
  }

  /** Plays the Deployment controller: Available False since {@link #SINCE}. */
  private void unavailable(String name) {
    Deployment d = deployment(name);
    d.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(1)
            .withUnavailableReplicas(1)
            .withConditions(
                new DeploymentConditionBuilder()
                    .withType("Available")
                    .withStatus("False")
                    .withReason("MinimumReplicasUnavailable")
                    .withMessage("Deployment does not have minimum availability.")
                    .withLastTransitionTime(SINCE)
                    .build())
            .build());
    client.resource(d).updateStatus();
  }

  /** Plays the kubelet: a pod whose container crash-loops, not ready since 11:59. */
  private Pod crashLooping(Deployment d, String name) {
    Pod pod = KubernetesFixtures.runningPod(client, d, name, "10.244.0.9");
    pod.getStatus()
        .setConditions(
            List.of(
                new PodConditionBuilder()
                    .withType("PodScheduled")
                    .withStatus("True")
                    .withLastTransitionTime("2024-05-01T11:00:00Z")
                    .build(),
                new PodConditionBuilder()
                    .withType("ContainersReady")
                    .withStatus("False")
                    .withLastTransitionTime("2024-05-01T11:59:00Z")
                    .build()));
    pod.getStatus()
        .setContainerStatuses(
            List.of(
                new ContainerStatusBuilder()
                    .withName("app")
                    .withRestartCount(6)
                    .withNewState()
                    .withNewWaiting()
                    .withReason("CrashLoopBackOff")
                    .withMessage("back-off 5m0s restarting")
                    .endWaiting()
                    .endState()
                    .build()));
    return client.resource(pod).updateStatus();
  }
}
