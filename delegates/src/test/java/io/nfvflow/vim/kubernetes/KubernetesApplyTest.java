package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VnfOnVim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code apply} converges, against fabric8's CRUD mock server (no controllers, no defaults). */
@EnableKubernetesMockClient(crud = true)
class KubernetesApplyTest {

  private static final String VDU1 = "vdu1-3f2a9c1e5b7d";
  private static final String VDU2 = "vdu2-3f2a9c1e5b7d";
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments/";
  private static final String AUTOSCALERS =
      "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/";

  KubernetesMockServer server;
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
  void applyCreatesEveryObjectWithDefaultInstancesClampedToMinAndMax() {
    driver.apply(vnf(KubernetesFixtures.scaled(1, 3, 2), Map.of()));

    assertThat(deployment(VDU1).getSpec().getReplicas()).isEqualTo(2);
    assertThat(autoscaler().getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(autoscaler().getSpec().getMaxReplicas()).isEqualTo(3);
    assertThat(client.services().inNamespace("default").withName(VDU1).get()).isNotNull();
    assertThat(client.configMaps().inNamespace("default").list().getItems()).hasSize(1);
  }

  @Test
  void defaultInstancesAboveTheMaximumStartAtTheMaximum() {
    driver.apply(vnf(KubernetesFixtures.scaled(1, 3, 7), Map.of()));

    assertThat(deployment(VDU1).getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void applyingTwiceWritesNothing() {
    VnfOnVim vnf = vnf(KubernetesFixtures.twoVdus(), Map.of());
    driver.apply(vnf);
    Map<String, String> versions = resourceVersions();
    writes();

    driver.apply(vnf);

    assertThat(writes()).isEmpty();
    assertThat(resourceVersions()).isEqualTo(versions).hasSize(4);
  }

  @Test
  void aScaleOutGoesThroughTheScaleSubresourceAndRaisesTheAutoscalerFloor() {
    driver.apply(vnf(KubernetesFixtures.scaled(1, 3, 2), Map.of()));
    Deployment before = deployment(VDU1);
    writes();

    driver.apply(vnf(KubernetesFixtures.scaled(1, 3, 2), Map.of("SP1", 3)));

    assertThat(writes())
        .containsExactly("PUT " + DEPLOYMENTS + VDU1 + "/scale", "PUT " + AUTOSCALERS + VDU1);
    assertThat(deployment(VDU1).getSpec().getReplicas()).isEqualTo(3);
    assertThat(deployment(VDU1).getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
    assertThat(autoscaler().getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(autoscaler().getSpec().getMaxReplicas()).isEqualTo(3);
  }

  @Test
  void aScaleInLowersTheAutoscalerFloorBeforeTheReplicas() {
    driver.apply(vnf(KubernetesFixtures.scaled(1, 3, 2), Map.of("SP1", 3)));
    writes();

    driver.apply(vnf(KubernetesFixtures.scaled(1, 3, 2), Map.of("SP1", 1)));

    // else the autoscaler, its floor still at 3, could raise the replicas again in between
    assertThat(writes())
        .containsExactly("PUT " + AUTOSCALERS + VDU1, "PUT " + DEPLOYMENTS + VDU1 + "/scale");
    assertThat(deployment(VDU1).getSpec().getReplicas()).isEqualTo(1);
    assertThat(autoscaler().getSpec().getMinReplicas()).isEqualTo(1);
  }

  @Test
  void replicasSomeoneElseChangedGoBackToTheDesiredCount() {
    VnfOnVim vnf = vnf(KubernetesFixtures.scaled(1, 3, 2), Map.of());
    driver.apply(vnf);
    client.apps().deployments().inNamespace("default").withName(VDU1).scale(3);

    driver.apply(vnf);

    assertThat(deployment(VDU1).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void driftInOwnedFieldsIsUndoneAndOthersLabelsStay() {
    VnfOnVim vnf = vnf(KubernetesFixtures.twoVdus(), Map.of());
    driver.apply(vnf);
    client
        .apps()
        .deployments()
        .inNamespace("default")
        .withName(VDU1)
        .edit(
            d ->
                new DeploymentBuilder(d)
                    .editMetadata()
                    .addToLabels("team", "edge")
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
    ConfigMap config = client.configMaps().inNamespace("default").list().getItems().get(0);
    client
        .configMaps()
        .resource(config)
        .edit(
            c -> {
              c.getData().put("extra", "x");
              return c;
            });

    driver.apply(vnf);

    Deployment d = deployment(VDU1);
    assertThat(d.getSpec().getTemplate().getSpec().getContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo("nginx"));
    assertThat(d.getMetadata().getLabels())
        .containsEntry("team", "edge")
        .containsEntry("nfvflow.io/vnf-id", TackerSamples.VNF_ID);
    assertThat(client.configMaps().resource(config).get().getData()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void ownedObjectsOfVdusAndPoliciesThatAreGoneAreDeleted() {
    driver.apply(vnf(KubernetesFixtures.scaled(1, 3, 1), Map.of()));
    driver.apply(vnf(KubernetesFixtures.twoVdus(), Map.of()));
    assertThat(resourceVersions()).containsKeys("Deployment default/" + VDU2);

    driver.apply(vnf(TackerSamples.single("VDU1", null, "nginx"), Map.of()));

    assertThat(resourceVersions().keySet())
        .containsExactly(
            "ConfigMap default/vdu1-app-" + VDU1.substring(5),
            "Deployment default/" + VDU1,
            "Service default/" + VDU1);
  }

  @Test
  void anotherVnfsObjectsAreNeitherChangedNorDeleted() {
    VnfOnVim other = new VnfOnVim(vim, "0123456789abcdef", KubernetesFixtures.twoVdus());
    driver.apply(other);
    Map<String, String> theirs = resourceVersions();

    driver.apply(vnf(TackerSamples.single("VDU1", null, "nginx"), Map.of()));

    assertThat(resourceVersions()).containsAllEntriesOf(theirs);
  }

  @Test
  void aDeploymentOfTheSameNameNotOwnedByTheVnfIsRejectedAndLeftAlone() {
    VnfOnVim vnf = vnf(TackerSamples.single("VDU1", null, "nginx"), Map.of());
    Deployment foreign =
        new DeploymentBuilder(KubernetesManifests.translate(vnf).get(0).deployment())
            .editMetadata()
            .withLabels(Map.of("app", "theirs"))
            .endMetadata()
            .build();
    client.resource(foreign).create();
    String version = deployment(VDU1).getMetadata().getResourceVersion();

    assertThatThrownBy(() -> driver.apply(vnf))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(VimException.Kind.REJECTED))
        .hasMessage(
            "Deployment default/%s already exists and is not owned by VNF %s",
            VDU1, TackerSamples.VNF_ID);
    assertThat(deployment(VDU1).getMetadata().getResourceVersion()).isEqualTo(version);
  }

  private VnfOnVim vnf(VnfDescriptor descriptor, Map<String, Integer> scale) {
    return new VnfOnVim(vim, TackerSamples.VNF_ID, descriptor, scale);
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace("default").withName(name).get();
  }

  private HorizontalPodAutoscaler autoscaler() {
    return client
        .autoscaling()
        .v1()
        .horizontalPodAutoscalers()
        .inNamespace("default")
        .withName(VDU1)
        .get();
  }

  /** {@code Kind ns/name} → resource version of every object of the kinds nfvflow creates. */
  private Map<String, String> resourceVersions() {
    Map<String, String> versions = new TreeMap<>();
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(client.configMaps().inAnyNamespace().list().getItems());
    all.addAll(client.apps().deployments().inAnyNamespace().list().getItems());
    all.addAll(client.services().inAnyNamespace().list().getItems());
    all.addAll(
        client.autoscaling().v1().horizontalPodAutoscalers().inAnyNamespace().list().getItems());
    all.forEach(
        o -> versions.put(KubernetesObjects.describe(o), o.getMetadata().getResourceVersion()));
    return versions;
  }

  /** The writes the mock server received since the last call ({@code METHOD path}). */
  private List<String> writes() {
    List<String> writes = new ArrayList<>();
    try {
      for (RecordedRequest r = server.takeRequest(50, TimeUnit.MILLISECONDS);
          r != null;
          r = server.takeRequest(50, TimeUnit.MILLISECONDS)) {
        if (!"GET".equals(r.getMethod())) {
          writes.add(r.getMethod() + " " + r.getPath());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return writes;
  }
}
