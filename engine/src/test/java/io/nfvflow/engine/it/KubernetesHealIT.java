package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Healing a CNF on the real Kubernetes sandbox: what is deleted or changed behind nfvflow's back is
 * detected by the VIM's watch and repaired, with HEAL events; an autoscaler's scaling is not drift;
 * heal on request of one pod and of the whole VNF; a heal that can never succeed ends in ERROR
 * after the configured attempts. The figures (change to heal start, change to repaired) are printed
 * for docs/healing.md.
 */
@TestPropertySource(properties = {"nfvflow.heal.max-attempts=2", "nfvflow.heal.window=PT10M"})
class KubernetesHealIT extends SandboxTestBase {

  @Test
  void aServiceDeletedWithKubectlIsBackWithinSecondsWithHealEvents() {
    String vnfId = activeVnf("default", "");
    Service before = service(vnfId);
    long deleted = System.currentTimeMillis();
    k8s.services()
        .inNamespace(before.getMetadata().getNamespace())
        .withName(before.getMetadata().getName())
        .delete();

    Service after =
        await("Service of " + vnfId + " recreated")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> serviceOrNull(vnfId),
                s -> s != null && !s.getMetadata().getUid().equals(before.getMetadata().getUid()));
    long back = System.currentTimeMillis() - deleted;
    JsonNode vnf = awaitHealed(vnfId, 1, SETTLE_TIMEOUT);
    assertThat(vnf.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(after.getMetadata().getName()).isEqualTo(before.getMetadata().getName());
    List<String> details = healDetails(vnfId);
    assertThat(details.get(0))
        .contains("heal of the whole VNF")
        .contains("automatic")
        .contains(before.getMetadata().getName())
        .contains("missing");
    assertThat(details.get(1)).contains("healed the whole VNF");
    System.out.printf(
        "FIGURE kubernetes service-deleted-to-recreated-ms=%d start-event=%s%n",
        back, details.get(0));
  }

  @Test
  void aDeploymentImageSetToACrashLoopingOneIsRestoredAndItsPodsReady() {
    String vnfId = activeVnf("default", "");
    Deployment d = deployment(vnfId);
    String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    long edited = System.currentTimeMillis();
    k8s.apps()
        .deployments()
        .inNamespace(d.getMetadata().getNamespace())
        .withName(d.getMetadata().getName())
        .edit(
            x -> {
              x.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("crashloop:v1");
              return x;
            });
    JsonNode vnf = awaitHealed(vnfId, 1, SETTLE_TIMEOUT);
    long healed = System.currentTimeMillis() - edited;
    assertThat(vnf.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(
            deployment(vnfId).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(image);
    await("pods of " + vnfId + " ready on the VNFD's image")
        .atMost(CLUSTER_TIMEOUT)
        .until(
            () ->
                readyPods(vnfId).size() == 2
                    && readyPods(vnfId).stream()
                        .allMatch(
                            p -> image.equals(p.getSpec().getContainers().get(0).getImage())));
    assertThat(healDetails(vnfId).get(0)).contains("image");
    System.out.printf("FIGURE kubernetes image-edited-to-healed-ms=%d%n", healed);
  }

  @Test
  void anAutoscalersScalingIsNotDrift() throws Exception {
    String vnfId =
        activeVnf("default", "cooldown: 30\n          target_cpu_utilization_percentage: 50");
    Deployment d = deployment(vnfId);
    k8s.apps()
        .deployments()
        .inNamespace(d.getMetadata().getNamespace())
        .withName(d.getMetadata().getName())
        .scale(3);
    await("the autoscaler's scale recorded")
        .atMost(SETTLE_TIMEOUT)
        .pollInterval(POLL)
        .until(() -> api.get("/v1.0/vnfs/" + vnfId).at("/vnf/scale_status/0/current").asInt() == 3);
    Thread.sleep(5000);
    assertThat(healDetails(vnfId)).as("no heal of an autoscaler's work").isEmpty();
    assertThat(deployment(vnfId).getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void replicasEditedWithoutAnAutoscalerAreDriftAndRestored() {
    String vnfId = activeVnf("default", "");
    Deployment d = deployment(vnfId);
    k8s.apps()
        .deployments()
        .inNamespace(d.getMetadata().getNamespace())
        .withName(d.getMetadata().getName())
        .scale(3);
    awaitHealed(vnfId, 1, SETTLE_TIMEOUT);
    assertThat(deployment(vnfId).getSpec().getReplicas()).isEqualTo(2);
    assertThat(healDetails(vnfId).get(0)).contains("replicas");
  }

  @Test
  void healsOnePodOnRequestAndThenTheWholeVnf() {
    String vnfId = activeVnf("default", "");
    List<String> podsBefore = names(readyPods(vnfId));
    String victim = podsBefore.get(0);
    TackerApi.Response heal =
        heal(
            vnfId, "{\"heal\": {\"cause\": \"it: one pod\", \"instances\": [\"" + victim + "\"]}}");
    assertThat(heal.status()).as("%s", heal).isEqualTo(202);
    JsonNode vnf = awaitHealed(vnfId, 1, SETTLE_TIMEOUT);
    assertThat(field(vnf.path("instances"), "name")).doesNotContain(victim).hasSize(2);
    await()
        .atMost(CLUSTER_TIMEOUT)
        .until(() -> readyPods(vnfId).size() == 2 && !names(readyPods(vnfId)).contains(victim));
    assertThat(names(readyPods(vnfId))).contains(podsBefore.get(1));
    assertThat(healDetails(vnfId).get(1)).contains("replaced " + victim).contains("it: one pod");

    assertThat(heal(vnfId, "{\"heal\": {}}").status()).isEqualTo(202);
    awaitHealed(vnfId, 2, SETTLE_TIMEOUT);
    assertThat(readyPods(vnfId)).hasSize(2);

    TackerApi.Response unknown = heal(vnfId, "{\"heal\": {\"vdu\": [\"VDU7\"]}}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text("/TackerError/message")).contains("VDU7").contains("VDU1");
  }

  @Test
  void aHealThatCanNeverSucceedEndsInErrorAfterTheAttempts() throws Exception {
    String namespace = unique("it-heal-quota");
    k8s.namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    afterTest(() -> k8s.namespaces().withName(namespace).delete());
    String vnfId = activeVnf(namespace, "");
    // from now on the namespace holds no Service: a deleted one can never come back
    k8s.resourceQuotas()
        .inNamespace(namespace)
        .resource(
            new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("no-services")
                .endMetadata()
                .withNewSpec()
                .addToHard("services", new Quantity("1"))
                .endSpec()
                .build())
        .create();
    Service s = service(vnfId);
    k8s.services().inNamespace(namespace).withName(s.getMetadata().getName()).delete();
    k8s.resourceQuotas()
        .inNamespace(namespace)
        .withName("no-services")
        .edit(
            q -> {
              q.getSpec().getHard().put("services", new Quantity("0"));
              return q;
            });

    JsonNode vnf =
        await("VNF " + vnfId + " gives up")
            .atMost(SETTLE_TIMEOUT)
            .pollInterval(POLL)
            .until(
                () -> api.get("/v1.0/vnfs/" + vnfId).at("/vnf"),
                v -> v.path("error_reason").asText().contains("gave up"));
    assertThat(vnf.path("status").asText()).isEqualTo("ERROR");
    int heals = startedHeals(vnfId);
    assertThat(heals).as("max-attempts=2").isEqualTo(2);
    Thread.sleep(8000);
    assertThat(startedHeals(vnfId)).as("no loop").isEqualTo(heals);
    assertThat(api.vnfStatus(vnfId)).isEqualTo("ERROR");
  }

  // --- helpers

  private String activeVnf(String namespace, String policyExtra) {
    String vimId = registerSandboxVim(unique("it-vim"), false).path("id").asText();
    String yaml =
        resource("vnfd-scalable-cnf.yaml").replace("namespace: default", "namespace: " + namespace);
    if (!policyExtra.isEmpty()) {
      yaml = yaml.replace("cooldown: 30", policyExtra);
    }
    String vnfdId = onboardVnfd(unique("it-vnfd-heal"), yaml);
    String vnfId = createVnf(unique("it-vnf-heal"), vnfdId, vimId);
    JsonNode vnf = awaitVnfSettled(vnfId);
    assertThat(vnf.path("status").asText()).as("VNF %s", vnf).isEqualTo("ACTIVE");
    return vnfId;
  }

  private TackerApi.Response heal(String vnfId, String body) {
    try {
      return api.post(
          "/v1.0/vnfs/" + vnfId + "/actions",
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(body));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int startedHeals(String vnfId) {
    return (int) healDetails(vnfId).stream().filter(d -> d.startsWith("HEAL requested")).count();
  }

  private Service service(String vnfId) {
    Service s = serviceOrNull(vnfId);
    assertThat(s).as("Service of %s", vnfId).isNotNull();
    return s;
  }

  private Service serviceOrNull(String vnfId) {
    return k8s
        .services()
        .inAnyNamespace()
        .withLabel(Sandbox.LABEL_VNF_ID, vnfId)
        .list()
        .getItems()
        .stream()
        .filter(s -> s.getMetadata().getDeletionTimestamp() == null)
        .findFirst()
        .orElse(null);
  }
}
