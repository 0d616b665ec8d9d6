package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.nfvflow.lcm.LcmVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Scaling a CNF on the real Kubernetes sandbox: default_instances honoured, out and in through the
 * API with SCALE events, the bound and a busy VNF refused, a scale the namespace's quota cannot
 * hold rolled back, and the apply step re-run after a scale changing nothing.
 */
class KubernetesScaleIT extends SandboxTestBase {

  @Autowired
  @Qualifier("applyDeploymentsDelegate")
  JavaDelegate applyDeployments;

  @Test
  void scalesOutAndInWithReadyPodsAndEveryAddressShown() {
    String vnfId = scalableVnf("default");
    assertThat(readyPods(vnfId)).as("default_instances").hasSize(2);

    assertThat(api.scale(vnfId, "out", "SP1").status()).isEqualTo(202);
    JsonNode vnf = awaitScaled(vnfId, 3, SETTLE_TIMEOUT);
    assertThat(readyPods(vnfId)).hasSize(3);
    assertThat(vnf.path("instances")).hasSize(3);
    assertThat(field(vnf.path("instances"), "name"))
        .containsExactlyInAnyOrderElementsOf(names(readyPods(vnfId)));

    assertThat(api.scale(vnf.path("name").asText(), "in", "SP1").status())
        .as("by name")
        .isEqualTo(202);
    vnf = awaitScaled(vnfId, 2, SETTLE_TIMEOUT);
    assertThat(readyPods(vnfId)).hasSize(2);
    assertThat(vnf.path("instances")).hasSize(2);

    JsonNode events =
        api.get("/v1.0/events?resource_id=" + vnfId + "&event_type=SCALE").at("/events");
    assertThat(field(events, "resource_state"))
        .containsExactly("PENDING_SCALE_OUT", "ACTIVE", "PENDING_SCALE_IN", "ACTIVE");
  }

  @Test
  void aSecondScaleWhileBusyOrAtTheBoundIs409AndChangesNothing() {
    String vnfId = scalableVnf("default");
    assertThat(api.scale(vnfId, "out", "SP1").status()).isEqualTo(202);
    TackerApi.Response busy = api.scale(vnfId, "out", "SP1");
    assertThat(busy.status()).as("second scale while the first runs: %s", busy).isEqualTo(409);
    awaitScaled(vnfId, 3, SETTLE_TIMEOUT);
    TackerApi.Response atMax = api.scale(vnfId, "out", "SP1");
    assertThat(atMax.status()).isEqualTo(409);
    assertThat(atMax.text("/TackerError/message"))
        .contains("max_instances is 3")
        .contains("runs 3");
    assertThat(readyPods(vnfId)).hasSize(3);
    assertThat(api.vnfStatus(vnfId)).isEqualTo("ACTIVE");
  }

  @Test
  void reRunningTheApplyStepAfterAScaleChangesNothing() throws Exception {
    String vnfId = scalableVnf("default");
    assertThat(api.scale(vnfId, "out", "SP1").status()).isEqualTo(202);
    awaitScaled(vnfId, 3, SETTLE_TIMEOUT);
    Deployment before = deployment(vnfId);

    // the retry after a crash between the VIM call and the commit: the same step, same target
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(LcmVariables.VNF_ID)).thenReturn(vnfId);
    applyDeployments.execute(execution);
    applyDeployments.execute(execution);

    Deployment after = deployment(vnfId);
    assertThat(after.getSpec().getReplicas()).isEqualTo(3);
    assertThat(after.getMetadata().getGeneration())
        .as("no new rollout or scale")
        .isEqualTo(before.getMetadata().getGeneration());
    assertThat(after.getMetadata().getResourceVersion())
        .as("not written at all")
        .isEqualTo(before.getMetadata().getResourceVersion());
    assertThat(readyPods(vnfId)).hasSize(3);
  }

  @Test
  void aScaleOutTheQuotaCannotHoldRollsBackAndTheVnfStaysActive() {
    String namespace = unique("it-scale-quota");
    k8s.namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    afterTest(() -> k8s.namespaces().withName(namespace).delete());
    k8s.resourceQuotas()
        .inNamespace(namespace)
        .resource(
            new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("two-pods")
                .endMetadata()
                .withNewSpec()
                .addToHard("pods", new Quantity("2"))
                .endSpec()
                .build())
        .create();
    String vnfId = scalableVnf(namespace);

    assertThat(api.scale(vnfId, "out", "SP1").status()).isEqualTo(202);
    JsonNode vnf =
        await("scale of " + vnfId + " rolled back")
            .atMost(SETTLE_TIMEOUT)
            .pollInterval(POLL)
            .until(
                () -> api.get("/v1.0/vnfs/" + vnfId).at("/vnf"),
                v -> "ROLLED_BACK".equals(v.path("lcm_operation").path("state").asText()));
    assertThat(vnf.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(vnf.path("lcm_operation").path("error").asText()).contains("exceeded quota");
    assertThat(vnf.path("scale_status").get(0).path("current").asInt()).isEqualTo(2);
    assertThat(deployment(vnfId).getSpec().getReplicas()).isEqualTo(2);
    await().atMost(CLUSTER_TIMEOUT).until(() -> readyPods(vnfId).size() == 2);
    assertThat(field(eventsOf(vnfId), "event_details").get(eventsOf(vnfId).size() - 1))
        .contains("rolled back to 2 instances");
  }

  @Test
  void theAutoscalersOwnScalingBecomesTheVnfsLevelWithAScaleEvent() {
    String vimId = registerSandboxVim(unique("it-vim"), false).path("id").asText();
    String vnfdId =
        onboardVnfd(
            unique("it-vnfd-hpa"),
            resource("vnfd-scalable-cnf.yaml")
                .replace(
                    "cooldown: 30",
                    "cooldown: 30\n          target_cpu_utilization_percentage: 50"));
    String vnfId = createVnf(unique("it-vnf-hpa"), vnfdId, vimId);
    assertThat(awaitVnfSettled(vnfId).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(
            k8s.autoscaling()
                .v1()
                .horizontalPodAutoscalers()
                .inAnyNamespace()
                .withLabel(Sandbox.LABEL_VNF_ID, vnfId)
                .list()
                .getItems())
        .as("the VDU's HPA")
        .singleElement()
        .satisfies(hpa -> assertThat(hpa.getSpec().getMinReplicas()).as("floor").isEqualTo(2));

    // the sandbox has no metrics server: play the HPA, which scales through the same subresource
    Deployment d = deployment(vnfId);
    k8s.apps()
        .deployments()
        .inNamespace(d.getMetadata().getNamespace())
        .withName(d.getMetadata().getName())
        .scale(3);

    JsonNode vnf =
        await("the autoscaler's scale of " + vnfId + " recorded")
            .atMost(SETTLE_TIMEOUT)
            .pollInterval(POLL)
            .until(
                () -> api.get("/v1.0/vnfs/" + vnfId).at("/vnf"),
                v ->
                    v.path("scale_status").get(0).path("current").asInt() == 3
                        && v.path("instances").size() == 3);
    assertThat(vnf.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(field(eventsOf(vnfId), "event_details"))
        .anyMatch(
            e -> e.contains("SP1 scaled out from 2 to 3 instances by the autoscaler of VDU1"));
  }

  private String scalableVnf(String namespace) {
    String vimId = registerSandboxVim(unique("it-vim"), false).path("id").asText();
    String vnfdId =
        onboardVnfd(
            unique("it-vnfd-scale"),
            resource("vnfd-scalable-cnf.yaml")
                .replace("namespace: default", "namespace: " + namespace));
    String vnfId = createVnf(unique("it-vnf-scale"), vnfdId, vimId);
    JsonNode vnf = awaitVnfSettled(vnfId);
    assertThat(vnf.path("status").asText()).as("VNF %s", vnf).isEqualTo("ACTIVE");
    assertThat(vnf.path("scale_status").get(0).path("current").asInt()).isEqualTo(2);
    return vnfId;
  }
}
