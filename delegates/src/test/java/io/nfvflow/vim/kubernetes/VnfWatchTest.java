package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.nfvflow.vim.VimChanges;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfOnVim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The VIM's one watch reports a managed Deployment's replica change as {@code instancesChanged},
 * deletions and edits of any managed object as {@code vnfChanged}, and nothing for churn.
 */
@EnableKubernetesMockClient(crud = true)
class VnfWatchTest {

  private static final String VNF = TackerSamples.VNF_ID;
  private static final String VDU1 = "vdu1-3f2a9c1e5b7d";

  /** How long nothing more may arrive after what a test awaited. */
  private static final Duration QUIET = Duration.ofMillis(500);

  KubernetesClient client;

  private final KubernetesClients clients = new KubernetesClients();
  private final Recorder seen = new Recorder();
  private KubernetesDriver driver;
  private VimConnection vim;

  @BeforeEach
  void setUp() {
    vim = KubernetesFixtures.vim(client.getConfiguration().getMasterUrl(), "default");
    driver = new KubernetesDriver(clients, new KubernetesWorkloads(clients));
    driver.apply(new VnfOnVim(vim, VNF, KubernetesFixtures.scaled(1, 3, 2), Map.of()));
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void reportsAReplicaChangeWithTheVnfAndVduFromTheLabels() throws Exception {
    List<String> replicas = new CopyOnWriteArrayList<>();

    try (AutoCloseable watch =
        driver.watch(vim, (vnf, vdu, n) -> replicas.add(vnf + " " + vdu + " " + n)).orElseThrow()) {
      awaitWatching(watch);
      client
          .apps()
          .deployments()
          .inNamespace("default")
          .withLabel(KubernetesLabels.VNF_ID, VNF)
          .list()
          .getItems()
          .forEach(
              d -> {
                d.getMetadata().getLabels().put("unrelated", "edit");
                client.resource(d).update();
              });
      client.apps().deployments().inNamespace("default").withName(VDU1).scale(3);

      await(() -> !replicas.isEmpty());
      Thread.sleep(QUIET.toMillis()); // nothing else may follow
      assertThat(replicas).containsExactly(VNF + " VDU1 3");
    }
  }

  @Test
  void aReplicaChangeIsNoVnfChange() throws Exception {
    try (AutoCloseable watch = watch()) {
      client.apps().deployments().inNamespace("default").withName(VDU1).scale(3);

      await(() -> !seen.instances.isEmpty());
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.instances).containsExactly(VNF + " VDU1 3");
      assertThat(seen.vnfs).isEmpty();
    }
  }

  @Test
  void aDeletedServiceIsReportedOnce() throws Exception {
    try (AutoCloseable watch = watch()) {
      client.services().inNamespace("default").withName(VDU1).delete();

      await(() -> !seen.vnfs.isEmpty());
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.vnfs).containsExactly(VNF + ": Service default/" + VDU1 + " deleted");
    }
  }

  @Test
  void anEditedDeploymentTemplateIsReportedOnce() throws Exception {
    try (AutoCloseable watch = watch()) {
      client
          .apps()
          .deployments()
          .inNamespace("default")
          .withName(VDU1)
          .edit(
              d ->
                  new DeploymentBuilder(d)
                      .editSpec()
                      .editTemplate()
                      .editSpec()
                      .editFirstContainer()
                      .withImage("crashloop")
                      .endContainer()
                      .endSpec()
                      .endTemplate()
                      .endSpec()
                      .build());

      await(() -> !seen.vnfs.isEmpty());
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.vnfs)
          .containsExactly(VNF + ": Deployment default/" + VDU1 + ": template changed");
      assertThat(seen.instances).isEmpty();
    }
  }

  @Test
  void editedConfigMapDataAndAutoscalerSpecAreReported() throws Exception {
    try (AutoCloseable watch = watch()) {
      String config = "vdu1-app-3f2a9c1e5b7d";
      client
          .configMaps()
          .inNamespace("default")
          .withName(config)
          .edit(c -> new ConfigMapBuilder(c).addToData("extra", "x").build());
      client
          .autoscaling()
          .v1()
          .horizontalPodAutoscalers()
          .inNamespace("default")
          .withName(VDU1)
          .edit(
              h -> {
                h.getSpec().setMaxReplicas(9);
                return h;
              });

      await(() -> seen.vnfs.size() >= 2);
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.vnfs)
          .containsExactlyInAnyOrder(
              VNF + ": ConfigMap default/" + config + ": data changed",
              VNF + ": HorizontalPodAutoscaler default/" + VDU1 + ": spec changed");
    }
  }

  @Test
  void aChangeOfAvailabilityIsReportedButStatusChurnIsNot() throws Exception {
    try (AutoCloseable watch = watch()) {
      Service service = client.services().inNamespace("default").withName(VDU1).get();
      service.setStatus(
          new io.fabric8.kubernetes.api.model.ServiceStatusBuilder()
              .withNewLoadBalancer()
              .withIngress(new LoadBalancerIngressBuilder().withIp("192.0.2.7").build())
              .endLoadBalancer()
              .build());
      client.resource(service).updateStatus();
      client
          .autoscaling()
          .v1()
          .horizontalPodAutoscalers()
          .inNamespace("default")
          .withName(VDU1)
          .editStatus(
              h -> {
                h.setStatus(
                    new io.fabric8.kubernetes.api.model.autoscaling.v1
                            .HorizontalPodAutoscalerStatusBuilder()
                        .withCurrentReplicas(2)
                        .withDesiredReplicas(2)
                        .build());
                return h;
              });
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.vnfs).isEmpty();

      Deployment d = client.apps().deployments().inNamespace("default").withName(VDU1).get();
      d.setStatus(
          new DeploymentStatusBuilder()
              .withAvailableReplicas(0)
              .withConditions(
                  new DeploymentConditionBuilder()
                      .withType("Available")
                      .withStatus("False")
                      .build())
              .build());
      client.resource(d).updateStatus();

      await(() -> !seen.vnfs.isEmpty());
      assertThat(seen.vnfs)
          .containsExactly(
              VNF
                  + ": Deployment default/"
                  + VDU1
                  + ": availability changed to Available=False, 0 available");
    }
  }

  @Test
  void aPodsKuryrRecordIsReportedWhenItAppearsChangesOrGoesButPodChurnIsNot() throws Exception {
    Deployment d = client.apps().deployments().inNamespace("default").withName(VDU1).get();
    String pod = VDU1 + "-a";
    KubernetesFixtures.runningPod(client, d, pod, "10.244.0.10");
    String ports = VNF + ": ports";

    try (AutoCloseable watch = watch()) {
      podChurn(pod);
      annotatePod(pod, "nfvflow.io/test-note", "x");
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.vnfs).isEmpty();

      annotatePod(pod, KuryrVifs.ANNOTATION, KuryrVifsTest.fixture("queens-vif.json"));
      await(() -> seen.vnfs.size() == 1);
      podChurn(pod);
      annotatePod(pod, KuryrVifs.ANNOTATION, KuryrVifsTest.fixture("podstate.json"));
      await(() -> seen.vnfs.size() == 2);
      client.pods().inNamespace("default").withName(pod).delete();
      await(() -> seen.vnfs.size() == 3);

      Thread.sleep(QUIET.toMillis());
      assertThat(seen.vnfs).containsExactly(ports, ports, ports);
      assertThat(seen.instances).isEmpty();
    }
  }

  /**
   * A pod without Kuryr record that comes, changes and goes is no drift nor a port change: its
   * readiness and its deletion are progress for waits only (STATUS), and its addition is nothing.
   */
  @Test
  void aPodWithoutKuryrRecordIsProgressOnly() throws Exception {
    Deployment d = client.apps().deployments().inNamespace("default").withName(VDU1).get();
    String status = VNF + ": " + VimChanges.STATUS;
    KubernetesFixtures.runningPod(client, d, VDU1 + "-b", "10.244.0.11");
    try (AutoCloseable watch = watch()) {
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.statuses).as("the first listing").isEmpty();

      podReady(VDU1 + "-b", "False");
      await(() -> seen.statuses.size() == 1);
      podReady(VDU1 + "-b", "False"); // the same readiness, a new resource version
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.statuses).as("no news").hasSize(1);
      podReady(VDU1 + "-b", "True");
      await(() -> seen.statuses.size() == 2);
      client.pods().inNamespace("default").withName(VDU1 + "-b").delete();
      await(() -> seen.statuses.size() == 3);

      Thread.sleep(QUIET.toMillis());
      assertThat(seen.statuses).containsExactly(status, status, status);
      assertThat(seen.vnfs).isEmpty();
      assertThat(seen.instances).isEmpty();
    }
  }

  /** A container that will not start is what a wait fails on at once: reported as progress. */
  @Test
  void aContainerThatCannotStartIsProgress() throws Exception {
    Deployment d = client.apps().deployments().inNamespace("default").withName(VDU1).get();
    KubernetesFixtures.runningPod(client, d, VDU1 + "-c", "10.244.0.12");
    try (AutoCloseable watch = watch()) {
      client
          .pods()
          .inNamespace("default")
          .withName(VDU1 + "-c")
          .editStatus(
              p -> {
                p.getStatus()
                    .setContainerStatuses(
                        List.of(
                            new io.fabric8.kubernetes.api.model.ContainerStatusBuilder()
                                .withName("app")
                                .withNewState()
                                .withNewWaiting()
                                .withReason("ImagePullBackOff")
                                .endWaiting()
                                .endState()
                                .build()));
                return p;
              });

      await(() -> !seen.statuses.isEmpty());
      assertThat(seen.statuses).containsExactly(VNF + ": " + VimChanges.STATUS);
      assertThat(seen.vnfs).isEmpty();
    }
  }

  /**
   * A Deployment's rollout moving on without a change of availability (one more replica ready, the
   * surplus going) is progress for waits; a change of availability stays the one report it was.
   */
  @Test
  void aDeploymentsRolloutIsProgress() throws Exception {
    try (AutoCloseable watch = watch()) {
      Deployment d = client.apps().deployments().inNamespace("default").withName(VDU1).get();
      d.setStatus(
          new DeploymentStatusBuilder()
              .withObservedGeneration(d.getMetadata().getGeneration())
              .withReplicas(3)
              .withReadyReplicas(1)
              .build());
      client.resource(d).updateStatus();
      await(() -> !seen.statuses.isEmpty());

      d = client.apps().deployments().inNamespace("default").withName(VDU1).get();
      d.getStatus().setReplicas(2);
      client.resource(d).updateStatus();
      await(() -> seen.statuses.size() == 2);

      Thread.sleep(QUIET.toMillis());
      assertThat(seen.statuses).hasSize(2);
      assertThat(seen.vnfs).isEmpty();
      assertThat(seen.instances).isEmpty();
    }
  }

  /** A wait for GONE ends with the last object: every deletion is reported, pods' too. */
  @Test
  void removingTheVnfReportsEveryDeletion() throws Exception {
    Deployment d = client.apps().deployments().inNamespace("default").withName(VDU1).get();
    KubernetesFixtures.runningPod(client, d, VDU1 + "-d", "10.244.0.13");
    try (AutoCloseable watch = watch()) {
      driver.remove(new VnfOnVim(vim, VNF, null, Map.of()));
      client.pods().inNamespace("default").withName(VDU1 + "-d").delete(); // what GC would do

      await(() -> !seen.statuses.isEmpty() && seen.vnfs.size() >= 4);
      Thread.sleep(QUIET.toMillis());
      assertThat(seen.vnfs)
          .allMatch(w -> w.endsWith(" deleted"))
          .anyMatch(w -> w.contains("Deployment default/" + VDU1))
          .anyMatch(w -> w.contains("Service default/" + VDU1))
          .anyMatch(w -> w.contains("HorizontalPodAutoscaler default/" + VDU1))
          .anyMatch(w -> w.contains("ConfigMap default/"));
      assertThat(seen.statuses).containsExactly(VNF + ": " + VimChanges.STATUS);
    }
  }

  private void podReady(String pod, String ready) {
    client
        .pods()
        .inNamespace("default")
        .withName(pod)
        .editStatus(
            p -> {
              p.getStatus()
                  .setConditions(
                      List.of(
                          new PodConditionBuilder().withType("Ready").withStatus(ready).build()));
              p.getStatus().setStartTime(java.time.Instant.now().toString());
              return p;
            });
  }

  /** What a kubelet writes all the time: the pod's status. */
  private void podChurn(String pod) {
    client
        .pods()
        .inNamespace("default")
        .withName(pod)
        .editStatus(
            p -> {
              p.getStatus()
                  .setConditions(
                      List.of(
                          new PodConditionBuilder()
                              .withType("Ready")
                              .withStatus(String.valueOf(System.nanoTime() % 2 == 0))
                              .build()));
              p.getStatus().setStartTime(java.time.Instant.now().toString());
              return p;
            });
  }

  private void annotatePod(String pod, String key, String value) {
    client
        .pods()
        .inNamespace("default")
        .withName(pod)
        .edit(
            p -> {
              Map<String, String> annotations =
                  new java.util.HashMap<>(
                      p.getMetadata().getAnnotations() == null
                          ? Map.of()
                          : p.getMetadata().getAnnotations());
              annotations.put(key, value);
              p.getMetadata().setAnnotations(annotations);
              return p;
            });
  }

  @Test
  void aReceiverThatThrowsDoesNotStopTheWatch() throws Exception {
    List<String> after = new CopyOnWriteArrayList<>();
    VimChanges failing =
        new VimChanges() {
          @Override
          public void instancesChanged(String vnfId, String vdu, int instances) {}

          @Override
          public void vnfChanged(String vnfId, String what) {
            after.add(what);
            throw new IllegalStateException("receiver broke");
          }
        };
    try (AutoCloseable watch = driver.watch(vim, failing).orElseThrow()) {
      awaitWatching(watch);
      client.services().inNamespace("default").withName(VDU1).delete();
      await(() -> after.size() == 1);
      client.configMaps().inNamespace("default").withName("vdu1-app-3f2a9c1e5b7d").delete();
      await(() -> after.size() == 2);
    }
  }

  @Test
  void startingDoesNotWaitForAnApiServerThatIsDown() throws Exception {
    VimConnection down = KubernetesFixtures.vim("https://127.0.0.1:1", "default");
    long start = System.nanoTime();

    AutoCloseable watch = driver.watch(down, seen).orElseThrow();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    watch.close();
  }

  @Test
  void informersRetryEverythingButAForbiddenListingOfAllNamespaces() {
    var forbidden = new KubernetesClientException("forbidden", 403, null);
    var refused = new KubernetesClientException("Connection refused", 0, null);

    assertThat(VnfWatch.retry(false, true, new CompletionException(forbidden))).isFalse();
    assertThat(VnfWatch.retry(false, true, refused)).isTrue();
    assertThat(VnfWatch.retry(false, false, forbidden)).isTrue();
    assertThat(VnfWatch.retry(true, true, forbidden)).isTrue();
  }

  private AutoCloseable watch() {
    AutoCloseable watch = driver.watch(vim, seen).orElseThrow();
    awaitWatching(watch);
    return watch;
  }

  /** Events before the informers watch would be missed: the mock does not replay them. */
  private static void awaitWatching(AutoCloseable watch) {
    await(((VnfWatch) watch)::watching);
  }

  private static void await(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("timed out waiting").isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** What the watch reported, as text; progress only (STATUS, for waits) apart from the rest. */
  private static final class Recorder implements VimChanges {
    final List<String> instances = new CopyOnWriteArrayList<>();
    final List<String> vnfs = new CopyOnWriteArrayList<>();
    final List<String> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void instancesChanged(String vnfId, String vdu, int n) {
      instances.add(vnfId + " " + vdu + " " + n);
    }

    @Override
    public void vnfChanged(String vnfId, String what) {
      (VimChanges.STATUS.equals(what) ? statuses : vnfs).add(vnfId + ": " + what);
    }
  }
}
