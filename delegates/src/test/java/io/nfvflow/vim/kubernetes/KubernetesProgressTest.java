package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code progress}, {@code observe} and {@code remove} against fabric8's CRUD mock server. The mock
 * has no controllers and no kubelet: tests play them by writing statuses, ReplicaSets and pods.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesProgressTest {

  private static final String VDU1 = "vdu1-3f2a9c1e5b7d";
  private static final String VDU2 = "vdu2-3f2a9c1e5b7d";

  KubernetesClient client;

  private KubernetesClients clients;
  private KubernetesDriver driver;
  private VimConnection vim;
  private VnfOnVim vnf;

  @BeforeEach
  void setUp() {
    clients = new KubernetesClients();
    driver = new KubernetesDriver(clients, new KubernetesWorkloads(clients));
    vim = KubernetesFixtures.vim(client.getConfiguration().getMasterUrl(), "default");
    vnf = scaledTo(2);
    driver.apply(vnf);
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void pendingUntilTheControllerHasSeenTheDeployment() {
    assertThat(driver.progress(vnf, WaitGoal.READY))
        .isEqualTo(
            Progress.pending(
                "Deployment default/" + VDU1 + ": the controller has not yet seen generation 1"));
  }

  @Test
  void pendingNamesHowManyAreReady() {
    KubernetesFixtures.rolledOut(client, deployment(), 1);
    pods(1);

    assertThat(driver.progress(vnf, WaitGoal.READY).detail())
        .isEqualTo("Deployment default/" + VDU1 + ": 1 of 2 ready");
  }

  @Test
  void reachedWhenTheDesiredCountIsRolledOutAndRunning() {
    KubernetesFixtures.rolledOut(client, deployment(), 2);
    pods(2);

    assertThat(driver.progress(vnf, WaitGoal.READY)).isEqualTo(Progress.reached());
  }

  @Test
  void aScaleOutIsPendingWhileTheOldCountIsReady() {
    KubernetesFixtures.rolledOut(client, deployment(), 2);
    pods(2);
    VnfOnVim out = scaledTo(3);
    driver.apply(out);
    KubernetesFixtures.rolledOut(client, deployment(), 2);

    assertThat(driver.progress(out, WaitGoal.READY).detail())
        .isEqualTo("Deployment default/" + VDU1 + ": 2 of 3 ready");
  }

  @Test
  void aScaleInIsDoneOnlyOnceTheSurplusPodIsGoing() {
    KubernetesFixtures.rolledOut(client, deployment(), 2);
    List<Pod> pods = pods(2);
    VnfOnVim in = scaledTo(1);
    driver.apply(in);
    KubernetesFixtures.rolledOut(client, deployment(), 1);

    assertThat(driver.progress(in, WaitGoal.READY).detail())
        .isEqualTo("Deployment default/" + VDU1 + ": 2 pods, 1 desired");

    terminate(pods.get(1));
    assertThat(driver.progress(in, WaitGoal.READY)).isEqualTo(Progress.reached());
  }

  @Test
  void anAutoscalerAboveTheFloorIsReadyWhereAFixedCountWouldNotBe() {
    // the HPA raised the replicas from the VNF's level 2 to 3: waiting for exactly 2 never ends
    client.apps().deployments().inNamespace("default").withName(VDU1).scale(3);
    KubernetesFixtures.rolledOut(client, deployment(), 3);
    pods(3);
    assertThat(driver.progress(vnf, WaitGoal.READY)).isEqualTo(Progress.reached());

    VnfOnVim fixed = new VnfOnVim(vim, TackerSamples.VNF_ID, withoutCpuTarget(), Map.of("SP1", 2));
    assertThat(driver.progress(fixed, WaitGoal.READY).detail())
        .isEqualTo("Deployment default/" + VDU1 + ": spec asks for 3 replicas, 2 desired");
  }

  private static io.nfvflow.tosca.VnfDescriptor withoutCpuTarget() {
    io.nfvflow.tosca.VnfDescriptor d = KubernetesFixtures.scaled(1, 3, 2);
    io.nfvflow.tosca.ScalingPolicy p = d.scalingPolicies().get(0);
    return new io.nfvflow.tosca.VnfDescriptor(
        d.description(),
        d.metadata(),
        d.workflows(),
        d.vdus(),
        d.connectionPoints(),
        d.virtualLinks(),
        List.of(new io.nfvflow.tosca.ScalingPolicy(p.name(), p.targets(), 1, 3, 2, 1, null, null)),
        List.of());
  }

  @Test
  void aScaleOutBlockedByAQuotaFailsAtOnce() {
    KubernetesFixtures.rolledOut(client, deployment(), 2);
    pods(2);
    VnfOnVim out = scaledTo(3);
    driver.apply(out);
    KubernetesFixtures.rolledOut(client, deployment(), 2);
    replicaSet(3, 2, "pods \"" + VDU1 + "-5d4f-abcde\" is forbidden: exceeded quota: q, pods=2");

    assertThat(driver.progress(out, WaitGoal.READY))
        .isEqualTo(
            Progress.failed(
                LcmErrors.WORKLOAD_FAILED,
                "ReplicaSet default/"
                    + VDU1
                    + "-5d4f: FailedCreate: pods \""
                    + VDU1
                    + "-5d4f-abcde\" is forbidden: exceeded quota: q, pods=2"));
  }

  @Test
  void aReplicaFailureThatNoLongerLacksPodsDoesNotFail() {
    // the rollback of a blocked scale-out: the old condition stays until the controller syncs
    KubernetesFixtures.rolledOut(client, deployment(), 2);
    pods(2);
    replicaSet(2, 2, "exceeded quota");
    KubernetesFixtures.rolledOut(client, deployment(), 1);

    assertThat(driver.progress(vnf, WaitGoal.READY).failed()).isFalse();
  }

  @Test
  void aPodThatCannotPullItsImageFails() {
    KubernetesFixtures.rolledOut(client, deployment(), 1);
    Pod stuck = pods(2).get(1);
    stuck.getStatus().setPhase("Pending");
    stuck
        .getStatus()
        .setContainerStatuses(
            List.of(
                new ContainerStatusBuilder()
                    .withName("app")
                    .withNewState()
                    .withNewWaiting()
                    .withReason("ImagePullBackOff")
                    .withMessage("Back-off pulling image \"unpullable\"")
                    .endWaiting()
                    .endState()
                    .build()));
    client.resource(stuck).updateStatus();

    Progress progress = driver.progress(vnf, WaitGoal.READY);

    assertThat(progress.failureCode()).isEqualTo(LcmErrors.WORKLOAD_FAILED);
    assertThat(progress.detail())
        .isEqualTo(
            "pod default/"
                + VDU1
                + "-pod-2: container app: ImagePullBackOff: Back-off pulling image \"unpullable\"");
  }

  @Test
  void observeGivesThePodsPerVduAndTheManagementAddresses() {
    VnfOnVim two = new VnfOnVim(vim, TackerSamples.VNF_ID, KubernetesFixtures.twoVdus());
    driver.apply(two);
    client
        .services()
        .inNamespace("default")
        .withName(VDU1)
        .edit(
            s -> {
              s.getSpec().setClusterIP("10.96.0.42");
              return s;
            });
    Deployment vdu2 = client.apps().deployments().inNamespace("default").withName(VDU2).get();
    KubernetesFixtures.runningPod(client, vdu2, VDU2 + "-b", "10.244.0.12");
    KubernetesFixtures.runningPod(client, vdu2, VDU2 + "-a", "10.244.0.11");
    terminate(KubernetesFixtures.runningPod(client, vdu2, VDU2 + "-c", "10.244.0.13"));
    Pod vdu1 = KubernetesFixtures.runningPod(client, deployment(), VDU1 + "-a", "10.244.0.10");

    Observation seen = driver.observe(two);

    assertThat(seen.instances())
        .extracting(
            VnfInstance::vdu, VnfInstance::name, VnfInstance::status, VnfInstance::addresses)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "VDU1", VDU1 + "-a", "Running", List.of("10.244.0.10")),
            org.assertj.core.groups.Tuple.tuple(
                "VDU2", VDU2 + "-a", "Running", List.of("10.244.0.11")),
            org.assertj.core.groups.Tuple.tuple(
                "VDU2", VDU2 + "-b", "Running", List.of("10.244.0.12")));
    assertThat(seen.instances().get(0).id()).isEqualTo(vdu1.getMetadata().getUid());
    assertThat(seen.instances().get(0).ports()).isEmpty();
    assertThat(seen.mgmtAddresses())
        .isEqualTo(Map.of("VDU1", "10.96.0.42", "VDU2", List.of("10.244.0.11", "10.244.0.12")));
  }

  @Test
  void aVduWithoutServiceAndOnePodIsManagedByThePodsAddress() {
    VnfOnVim two = new VnfOnVim(vim, TackerSamples.VNF_ID, KubernetesFixtures.twoVdus());
    driver.apply(two);
    Deployment vdu2 = client.apps().deployments().inNamespace("default").withName(VDU2).get();
    KubernetesFixtures.runningPod(client, vdu2, VDU2 + "-a", "10.244.0.11");

    assertThat(driver.observe(two).mgmtAddresses()).containsEntry("VDU2", "10.244.0.11");
  }

  @Test
  void removeAndGoneNeedNoDescriptor() {
    pods(2);
    replicaSet(2, 2, null);
    VnfOnVim unreadable = new VnfOnVim(vim, TackerSamples.VNF_ID, null);

    driver.remove(unreadable);

    // the mock has no garbage collector: what the Deployment made stays until deleted
    assertThat(driver.progress(unreadable, WaitGoal.GONE))
        .isEqualTo(
            Progress.pending(
                "left: ReplicaSet default/%s-5d4f, Pod default/%s-pod-1, Pod default/%s-pod-2"
                    .formatted(VDU1, VDU1, VDU1)));
    client.apps().replicaSets().inNamespace("default").delete();
    client.pods().inNamespace("default").delete();
    assertThat(driver.progress(unreadable, WaitGoal.GONE)).isEqualTo(Progress.reached());
  }

  @Test
  void goneWhilePendingNamesAtMostTenObjects() {
    for (int i = 0; i < 12; i++) {
      KubernetesFixtures.runningPod(client, deployment(), "p" + i, "10.244.1." + i);
    }
    driver.remove(vnf);

    assertThat(driver.progress(vnf, WaitGoal.GONE).detail())
        .startsWith("left: Pod default/p0, Pod default/p1,")
        .endsWith(" and 2 more");
  }

  private VnfOnVim scaledTo(int instances) {
    return new VnfOnVim(
        vim, TackerSamples.VNF_ID, KubernetesFixtures.scaled(1, 3, 2), Map.of("SP1", instances));
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace("default").withName(VDU1).get();
  }

  private List<Pod> pods(int n) {
    return java.util.stream.IntStream.rangeClosed(1, n)
        .mapToObj(
            i ->
                KubernetesFixtures.runningPod(
                    client, deployment(), VDU1 + "-pod-" + i, "10.244.0." + i))
        .toList();
  }

  /** Plays a kubelet that has not yet finished deleting a pod: a finalizer holds it. */
  private void terminate(Pod pod) {
    client
        .resource(pod)
        .edit(
            p ->
                new PodBuilder(p)
                    .editMetadata()
                    .addToFinalizers("test/hold")
                    .endMetadata()
                    .build());
    client.resource(pod).delete();
  }

  /** Plays the ReplicaSet controller: its status and, when given, a ReplicaFailure. */
  private void replicaSet(int wanted, int have, String failure) {
    Deployment d = deployment();
    ReplicaSetBuilder rs =
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withName(VDU1 + "-5d4f")
            .withNamespace("default")
            .withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
            .endMetadata()
            .withNewSpec()
            .withReplicas(wanted)
            .withSelector(d.getSpec().getSelector())
            .withTemplate(d.getSpec().getTemplate())
            .endSpec();
    ReplicaSet created = client.resource(rs.build()).create();
    ReplicaSetBuilder status =
        new ReplicaSetBuilder(created)
            .withNewStatus()
            .withObservedGeneration(created.getMetadata().getGeneration())
            .withReplicas(have)
            .endStatus();
    if (failure != null) {
      status
          .editStatus()
          .addNewCondition()
          .withType("ReplicaFailure")
          .withStatus("True")
          .withReason("FailedCreate")
          .withMessage(failure)
          .endCondition()
          .endStatus();
    }
    client.resource(status.build()).updateStatus();
  }
}
