package io.nfvflow.engine.it;

import static io.nfvflow.engine.it.Sandbox.LABEL_MANAGED_BY;
import static io.nfvflow.engine.it.Sandbox.LABEL_VDU;
import static io.nfvflow.engine.it.Sandbox.LABEL_VNF_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole life of Tacker's container samples on a real Kubernetes API server: register the
 * sandbox as a VIM, onboard the VNFD, instantiate, check every object nfvflow made, terminate,
 * check that nothing is left, remove the VNFD and the VIM.
 */
class KubernetesLifecycleIT extends SandboxTestBase {

  private static final String NS = "default";
  private static final String VDU = "VDU1";

  /** What one container of the sample must become (num_cpus is request and limit). */
  record ContainerSpec(String vnfc, BigDecimal cpus, long memoryBytes, List<Integer> ports) {}

  /** What the sample's VDU1 must become in the cluster. */
  record Expected(
      String sample,
      String serviceType,
      List<Integer> servicePorts,
      List<ContainerSpec> containers,
      Map<String, String> config,
      Map<String, String> podLabels,
      int minReplicas,
      int maxReplicas,
      int targetCpuPercent) {}

  @Test
  void containerizedSampleRunsAndIsRemovedCompletely() {
    runLifecycle(
        new Expected(
            "tosca-vnfd-containerized.yaml",
            "ClusterIP",
            List.of(80),
            List.of(
                new ContainerSpec("web_server", new BigDecimal("0.2"), 100_000_000L, List.of(80))),
            Map.of("param0", "key1", "param1", "key2"),
            Map.of("app", "webserver"),
            1,
            10,
            50),
        true);
  }

  @Test
  void twoContainersSampleRunsAndIsRemovedCompletely() {
    runLifecycle(
        new Expected(
            "tosca-vnfd-containerized-two-containers.yaml",
            "NodePort",
            List.of(80, 88),
            List.of(
                new ContainerSpec("front_end", new BigDecimal("0.5"), 512_000_000L, List.of(80)),
                new ContainerSpec("rss_reader", new BigDecimal("0.5"), 512_000_000L, List.of(88))),
            null,
            Map.of(),
            1,
            3,
            40),
        false);
  }

  private void runLifecycle(Expected expected, boolean defaultVim) {
    String tosca = resource(expected.sample());

    // 1. VIM
    String vimName = unique("it-vim");
    JsonNode vim = registerSandboxVim(vimName, defaultVim);
    String vimId = vim.path("id").asText();
    assertVimAnswer(vim, vimName);
    TackerApi.Response shown = api.get("/v1.0/vims/" + vimId);
    Secrets.assertAbsent(shown.raw(), sandbox.token(), "GET /v1.0/vims/{id}");
    assertVimAnswer(shown.at("/vim"), vimName);
    TackerApi.Response listed = api.get("/v1.0/vims?name=" + TackerApi.query(vimName));
    Secrets.assertAbsent(listed.raw(), sandbox.token(), "GET /v1.0/vims?name=");
    assertThat(ids(listed.at("/vims"))).as("vims named %s", vimName).containsExactly(vimId);

    // 2. VNFD
    String vnfdName = unique("it-vnfd");
    String vnfdId = onboardVnfd(vnfdName, tosca);
    TackerApi.Response vnfd = api.get("/v1.0/vnfds/" + vnfdId);
    assertThat(vnfd.status()).as("GET vnfd: %s", vnfd).isEqualTo(200);
    assertThat(vnfd.text("/vnfd/name")).isEqualTo(vnfdName);

    // 3. VNF: PENDING_CREATE -> ACTIVE
    String vnfName = unique("it-vnf");
    String vnfId = createVnf(vnfName, vnfdId, vimId);
    JsonNode vnf = awaitVnfSettled(vnfId);
    assertThat(vnf.path("status").asText())
        .as("VNF status (error_reason: %s)", vnf.path("error_reason"))
        .isEqualTo("ACTIVE");
    assertThat(vnf.path("name").asText()).isEqualTo(vnfName);
    assertThat(vnf.path("vnfd_id").asText()).isEqualTo(vnfdId);
    assertThat(vnf.path("vim_id").asText()).isEqualTo(vimId);

    // 4. the cluster holds exactly what the descriptor says, owned by label
    assertCluster(vnfId, expected, tosca);

    // 5. events
    JsonNode events = eventsOf(vnfId);
    assertThat(events).as("events of VNF %s", vnfId).isNotEmpty();
    events.forEach(e -> assertThat(e.path("resource_id").asText()).isEqualTo(vnfId));
    assertThat(field(events, "event_type")).as("event types").contains("CREATE");
    assertThat(field(events, "resource_state")).as("event states").contains("ACTIVE");

    // a VNFD in use cannot go
    TackerApi.Response inUse = api.delete("/v1.0/vnfds/" + vnfdId);
    assertThat(inUse.status()).as("delete VNFD in use: %s", inUse).isEqualTo(409);
    assertThat(inUse.text("/TackerError/type")).as("TackerError in %s", inUse).isNotBlank();

    // 6. terminate: 204, PENDING_DELETE, 404; nothing labelled left
    deleteVnfAndAwaitGone(vnfId);
    awaitNothingLabelled(vnfId);
    assertThat(field(eventsOf(vnfId), "event_type")).as("event types").contains("DELETE");

    // 7. VNFD and VIM
    assertDeleted("/v1.0/vnfds/" + vnfdId);
    assertDeleted("/v1.0/vims/" + vimId);
  }

  private void assertVimAnswer(JsonNode vim, String name) {
    assertThat(vim.path("name").asText()).isEqualTo(name);
    assertThat(vim.path("type").asText()).isEqualTo("kubernetes");
    assertThat(vim.path("status").asText()).isEqualTo("REACHABLE");
    assertThat(field(vim.at("/placement_attr/regions"), null))
        .as("placement_attr.regions (namespaces)")
        .contains(NS);
    assertThat(vim.at("/auth_cred/bearer_token").asText())
        .withFailMessage("auth_cred.bearer_token is not masked as \"***\"")
        .isEqualTo("***");
    Secrets.assertAbsent(vim.toString(), sandbox.token(), "the VIM answer");
  }

  private void assertDeleted(String path) {
    TackerApi.Response deleted = api.delete(path);
    assertThat(deleted.status()).as("DELETE %s: %s", path, deleted).isEqualTo(204);
    TackerApi.Response gone = api.get(path);
    assertThat(gone.status()).as("GET %s after delete: %s", path, gone).isEqualTo(404);
    assertThat(gone.text("/TackerError/type")).as("TackerError in %s", gone).isNotBlank();
  }

  // ------------------------------------------------------------------ cluster checks

  private void assertCluster(String vnfId, Expected expected, String tosca) {
    Map<String, String> owner =
        Map.of(LABEL_MANAGED_BY, "nfvflow", LABEL_VNF_ID, vnfId, LABEL_VDU, VDU);

    List<Deployment> deployments =
        k8s.apps().deployments().inNamespace(NS).withLabels(owner).list().getItems();
    assertThat(deployments).as("Deployments of %s", vnfId).hasSize(1);
    Deployment deployment = deployments.get(0);
    int replicas = deployment.getSpec().getReplicas();
    assertThat(replicas).as("replicas").isEqualTo(expected.minReplicas());
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .as("pod template labels")
        .containsAllEntriesOf(owner)
        .containsAllEntriesOf(expected.podLabels());
    assertContainers(deployment, expected, tosca);

    // ACTIVE means Ready pods: the Deployment's own pods, each Ready and owned by label
    await("pods of " + vnfId + " Ready")
        .atMost(CLUSTER_TIMEOUT)
        .pollInterval(POLL)
        .untilAsserted(
            () -> {
              List<Pod> pods =
                  k8s.pods()
                      .inNamespace(NS)
                      .withLabels(deployment.getSpec().getSelector().getMatchLabels())
                      .list()
                      .getItems();
              assertThat(pods).as("pods").hasSize(replicas);
              assertThat(pods).allSatisfy(p -> assertThat(isReady(p)).as("pod Ready").isTrue());
              assertThat(pods)
                  .allSatisfy(
                      p -> assertThat(p.getMetadata().getLabels()).containsAllEntriesOf(owner));
            });

    List<Service> services = k8s.services().inNamespace(NS).withLabels(owner).list().getItems();
    assertThat(services).as("Services of %s", vnfId).hasSize(1);
    Service service = services.get(0);
    assertThat(service.getSpec().getType()).isEqualTo(expected.serviceType());
    assertThat(service.getSpec().getPorts().stream().map(ServicePort::getPort))
        .containsExactlyInAnyOrderElementsOf(expected.servicePorts());
    assertThat(service.getSpec().getSelector()).as("Service selector").isNotEmpty();
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .as("pods selected by the Service")
        .containsAllEntriesOf(service.getSpec().getSelector());

    List<ConfigMap> configMaps =
        k8s.configMaps().inNamespace(NS).withLabels(owner).list().getItems();
    if (expected.config() == null) {
      assertThat(configMaps).as("ConfigMaps (no container has config)").isEmpty();
    } else {
      assertThat(configMaps).as("ConfigMaps of %s", vnfId).hasSize(1);
      assertThat(configMaps.get(0).getData()).containsAllEntriesOf(expected.config());
      assertUsesConfigMap(deployment, configMaps.get(0).getMetadata().getName());
    }

    List<HorizontalPodAutoscaler> hpas =
        k8s.autoscaling()
            .v1()
            .horizontalPodAutoscalers()
            .inNamespace(NS)
            .withLabels(owner)
            .list()
            .getItems();
    assertThat(hpas).as("HPAs (autoscaling/v1) of %s", vnfId).hasSize(1);
    HorizontalPodAutoscaler hpa = hpas.get(0);
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(expected.minReplicas());
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(expected.maxReplicas());
    assertThat(hpa.getSpec().getTargetCPUUtilizationPercentage())
        .isEqualTo(expected.targetCpuPercent());

    for (HasMetadata o : List.<HasMetadata>of(deployment, service, hpa)) {
      assertThat(o.getMetadata().getLabels())
          .as("labels of %s %s", o.getKind(), o.getMetadata().getName())
          .containsAllEntriesOf(owner);
    }
  }

  private void assertContainers(Deployment deployment, Expected expected, String tosca) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).as("containers").hasSize(expected.containers().size());
    for (ContainerSpec spec : expected.containers()) {
      String image = imageOf(tosca, spec.vnfc());
      Container c =
          containers.stream()
              .filter(x -> image.equals(x.getImage()))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no container with the image of " + spec.vnfc()));
      Map<String, Quantity> requests = c.getResources().getRequests();
      Map<String, Quantity> limits = c.getResources().getLimits();
      assertThat(requests.get("cpu").getNumericalAmount()).isEqualByComparingTo(spec.cpus());
      assertThat(limits.get("cpu").getNumericalAmount()).isEqualByComparingTo(spec.cpus());
      assertThat(requests.get("memory").getNumericalAmount())
          .isEqualByComparingTo(BigDecimal.valueOf(spec.memoryBytes()));
      assertThat(limits.get("memory").getNumericalAmount())
          .isEqualByComparingTo(BigDecimal.valueOf(spec.memoryBytes()));
      assertThat(c.getPorts().stream().map(p -> p.getContainerPort()))
          .as("container ports of %s", spec.vnfc())
          .containsExactlyInAnyOrderElementsOf(spec.ports());
    }
  }

  private static void assertUsesConfigMap(Deployment deployment, String configMap) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    boolean used =
        containers.stream()
            .anyMatch(
                c ->
                    (c.getEnvFrom() != null
                            && c.getEnvFrom().stream()
                                .anyMatch(
                                    e ->
                                        e.getConfigMapRef() != null
                                            && configMap.equals(e.getConfigMapRef().getName())))
                        || (c.getEnv() != null
                            && c.getEnv().stream()
                                .anyMatch(
                                    e ->
                                        e.getValueFrom() != null
                                            && e.getValueFrom().getConfigMapKeyRef() != null
                                            && configMap.equals(
                                                e.getValueFrom().getConfigMapKeyRef().getName()))));
    assertThat(used).as("a container takes its env from ConfigMap %s", configMap).isTrue();
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The image a vnfc of the sample names (read from the sample, so it is written once). */
  private static String imageOf(String tosca, String vnfc) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(tosca);
      String image =
          root.at(
                  "/topology_template/node_templates/"
                      + VDU
                      + "/properties/vnfcs/"
                      + vnfc
                      + "/image")
              .asText(null);
      assertThat(image).as("image of %s in the sample", vnfc).isNotBlank();
      return image;
    } catch (IOException e) {
      throw new AssertionError("sample is not YAML", e);
    }
  }

  private static List<String> ids(JsonNode array) {
    return field(array, "id");
  }
}
