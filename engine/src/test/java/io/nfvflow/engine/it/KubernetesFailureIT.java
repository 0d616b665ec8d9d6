package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failure paths against the real Kubernetes sandbox: pods that never become Ready (the sandbox's
 * fake kubelet keeps an image named "unpullable" in ImagePullBackOff and makes one named
 * "crashloop" crash), wrong credentials and an API server that is not there.
 */
class KubernetesFailureIT extends SandboxTestBase {

  @Test
  void unpullableImageFailsTheVnfAndRollsBack() {
    assertImageFailsTheVnf("nfvflow-it/unpullable-app:1.0", "ImagePullBackOff");
  }

  @Test
  void crashingContainerFailsTheVnfAndRollsBack() {
    assertImageFailsTheVnf("nfvflow-it/crashloop-app:1.0", "CrashLoopBackOff");
  }

  @Test
  void badBearerTokenIsRefusedAndNothingIsRegistered() {
    String name = unique("it-vim-badtoken");
    String badToken = "it-bad-token-" + UUID.randomUUID();
    TackerApi.Response refused =
        registerVim(name, sandbox.apiUrl(), badToken, sandbox.caPem(), false);

    Secrets.assertAbsent(refused.raw(), badToken, "the answer to a refused VIM registration");
    assertThat(refused.status()).as("register VIM with a bad token: %s", refused).isEqualTo(400);
    assertThat(refused.text("/TackerError/type"))
        .as("TackerError.type in %s", refused)
        .isNotBlank();
    assertThat(refused.text("/TackerError/message"))
        .as("TackerError.message in %s", refused)
        .isNotBlank();
    assertNoVimNamed(name);
  }

  @Test
  void unreachableApiServerIsRefusedOrRegisteredUnreachable() throws IOException {
    String name = unique("it-vim-closed");
    String authUrl = "https://127.0.0.1:" + closedLoopbackPort();
    TackerApi.Response answer = registerVim(name, authUrl, sandbox.token(), sandbox.caPem(), false);
    Secrets.assertAbsent(answer.raw(), sandbox.token(), "the answer to an unreachable VIM");

    assertRefusedOrUnreachableAndRemovable(name, answer);
  }

  @Test
  void podsForbiddenByAQuotaFailTheVnfAtOnce() {
    String namespace = unique("it-quota");
    k8s.namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    try {
      k8s.resourceQuotas()
          .inNamespace(namespace)
          .resource(
              new ResourceQuotaBuilder()
                  .withNewMetadata()
                  .withName("no-pods")
                  .endMetadata()
                  .withNewSpec()
                  .addToHard("pods", new Quantity("0"))
                  .endSpec()
                  .build())
          .create();
      String tosca =
          resource("vnfd-failing-image.yaml")
              .replace("@IMAGE@", "nginx")
              .replace("namespace: default", "namespace: " + namespace);
      assertVnfFailsAndLeavesNothing(tosca, "exceeded quota");
    } finally {
      k8s.namespaces().withName(namespace).delete();
    }
  }

  private void assertImageFailsTheVnf(String image, String reason) {
    assertVnfFailsAndLeavesNothing(
        resource("vnfd-failing-image.yaml").replace("@IMAGE@", image), reason);
  }

  private void assertVnfFailsAndLeavesNothing(String tosca, String reason) {
    String vimId = registerSandboxVim(unique("it-vim"), false).path("id").asText();
    String vnfdId = onboardVnfd(unique("it-vnfd-fail"), tosca);
    String vnfId = createVnf(unique("it-vnf-fail"), vnfdId, vimId);

    JsonNode vnf = awaitVnfSettled(vnfId);
    assertThat(vnf.path("status").asText())
        .as("status of a VNF whose pods never get Ready")
        .isEqualTo("ERROR");
    assertThat(vnf.path("error_reason").asText()).as("error_reason").contains(reason);

    // the failed instantiation rolled back: no Deployment, RS, Pod, Service, ConfigMap or HPA left
    awaitNothingLabelled(vnfId);
    assertThat(field(eventsOf(vnfId), "resource_state")).as("event states").contains("ERROR");

    // an ERROR VNF can be deleted
    deleteVnfAndAwaitGone(vnfId);
    awaitNothingLabelled(vnfId);
  }
}
