package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.nfvflow.engine.NfvflowApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stop of nfvflow loses no failure: a VNF's Service deleted while nfvflow is down is healed after
 * it starts again (detection is rebuilt from the database and the VIM, not kept in memory). Two
 * application runs on one data directory, against the real Kubernetes sandbox.
 */
class KubernetesHealRestartIT {

  private final Sandbox sandbox = Sandbox.fromEnvironment();
  private final KubernetesClient k8s = sandbox.newClient();

  /** The same password on both starts: the second start keeps the user. */
  private static final String PASSWORD = "it-" + UUID.randomUUID();

  private final Path dataDir;
  private ConfigurableApplicationContext app;
  private String vnfId;

  KubernetesHealRestartIT() throws Exception {
    dataDir =
        Files.createDirectories(
            Path.of("target", "it-data", "restart-" + UUID.randomUUID()).toAbsolutePath());
  }

  private TackerApi start() {
    app =
        // as command-line arguments: builder properties are defaults, which application.yaml beats
        new SpringApplicationBuilder(NfvflowApplication.class)
            .run(
                "--server.port=0",
                "--nfvflow.data-dir=" + dataDir,
                "--nfvflow.admin.user=itadmin",
                "--nfvflow.admin.password=" + PASSWORD,
                "--nfvflow.lcm.ready-timeout=PT90S");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return new TackerApi("http://127.0.0.1:" + port, "itadmin", PASSWORD);
  }

  @AfterEach
  void cleanUp() {
    if (app != null) {
      app.close();
    }
    if (vnfId != null) {
      Sandbox.forceDeleteLabelled(k8s, vnfId);
    }
    k8s.close();
  }

  @Test
  void aServiceDeletedWhileNfvflowIsDownIsHealedAfterItStarts() throws Exception {
    TackerApi api = start();
    String vimId =
        api.registerKubernetesVim(
                "it-restart-vim-" + UUID.randomUUID().toString().substring(0, 6),
                sandbox.apiUrl(),
                sandbox.token(),
                sandbox.caPem(),
                false)
            .text("/vim/id");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "REACHABLE".equals(api.get("/v1.0/vims/" + vimId).text("/vim/status")));
    String vnfdId =
        api.onboardVnfd(
                "it-restart-vnfd-" + UUID.randomUUID().toString().substring(0, 6),
                SandboxTestBase.resource("vnfd-scalable-cnf.yaml"))
            .text("/vnfd/id");
    vnfId =
        api.createVnf(
                "it-restart-vnf-" + UUID.randomUUID().toString().substring(0, 6), vnfdId, vimId)
            .text("/vnf/id");
    await().atMost(Duration.ofSeconds(150)).until(() -> api.vnfStatus(vnfId).equals("ACTIVE"));

    app.close();
    app = null;
    Service service =
        k8s.services()
            .inAnyNamespace()
            .withLabel(Sandbox.LABEL_VNF_ID, vnfId)
            .list()
            .getItems()
            .get(0);
    k8s.services()
        .inNamespace(service.getMetadata().getNamespace())
        .withName(service.getMetadata().getName())
        .delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                k8s.services()
                    .inAnyNamespace()
                    .withLabel(Sandbox.LABEL_VNF_ID, vnfId)
                    .list()
                    .getItems()
                    .isEmpty());

    TackerApi again = start();
    await("Service recreated after the restart")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                !k8s.services()
                    .inAnyNamespace()
                    .withLabel(Sandbox.LABEL_VNF_ID, vnfId)
                    .list()
                    .getItems()
                    .isEmpty());
    JsonNode events =
        await("HEAL events")
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    again
                        .get("/v1.0/events?resource_id=" + vnfId + "&event_type=HEAL")
                        .at("/events"),
                e -> e.size() >= 2);
    assertThat(events.get(0).path("event_details").asText())
        .contains("missing")
        .contains("automatic");
    await().atMost(Duration.ofSeconds(60)).until(() -> again.vnfStatus(vnfId).equals("ACTIVE"));

    again.delete("/v1.0/vnfs/" + vnfId);
    await().atMost(Duration.ofSeconds(120)).until(() -> again.vnfStatus(vnfId).equals("GONE"));
    vnfId = null;
  }
}
