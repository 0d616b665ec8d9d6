package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.nfvflow.engine.NfvflowApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests against the real Kubernetes sandbox: the whole nfvflow application
 * on a random port with its own data dir, the Tacker API client, a fabric8 client of the sandbox
 * and a cleanup stack, so each test removes what it made even when it fails.
 *
 * <p>Each test class gets a fresh application context (and so a fresh H2 database and Camunda
 * engine): the context is closed after the class.
 */
@SpringBootTest(
    classes = NfvflowApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "nfvflow.lcm.ready-timeout=PT90S",
      "nfvflow.admin.user=" + SandboxTestBase.ADMIN_USER
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SandboxTestBase {

  static final String ADMIN_USER = "itadmin";
  static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();

  /** Bounds of every wait: generous against ready-timeout PT90S, yet a hung engine fails. */
  static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(150);

  static final Duration DELETE_TIMEOUT = Duration.ofSeconds(120);
  static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(60);
  static final Duration POLL = Duration.ofSeconds(1);

  /** Unique per JVM run, so names never clash with leftovers of an earlier run. */
  static final String RUN_ID =
      LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"))
          + UUID.randomUUID().toString().substring(0, 4);

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  static Sandbox sandbox;
  static KubernetesClient k8s;

  @LocalServerPort int port;

  TackerApi api;

  private final Deque<Cleanup> cleanups = new ArrayDeque<>();

  interface Cleanup {
    void run() throws Exception;
  }

  @DynamicPropertySource
  static void nfvflowProperties(DynamicPropertyRegistry registry) throws IOException {
    // one data dir per application context; under target/ so `mvn clean` removes it and a failed
    // run can be inspected
    Path dataDir =
        Files.createDirectories(
            Path.of("target", "it-data", "ctx-" + RUN_ID + "-" + SEQUENCE.incrementAndGet())
                .toAbsolutePath());
    registry.add("nfvflow.data-dir", dataDir::toString);
    registry.add("nfvflow.admin.password", () -> ADMIN_PASSWORD);
  }

  @BeforeAll
  static void connectToSandbox() {
    sandbox = Sandbox.fromEnvironment();
    k8s = sandbox.newClient();
    assertThat(k8s.namespaces().withName("default").get())
        .withFailMessage(
            "the k8s sandbox at %s does not answer: run scripts/k8s-sandbox.sh up",
            sandbox.apiUrl())
        .isNotNull();
  }

  @AfterAll
  static void closeSandboxClient() {
    if (k8s != null) {
      k8s.close();
    }
  }

  @BeforeEach
  void apiClient() {
    api = new TackerApi("http://127.0.0.1:" + port, ADMIN_USER, ADMIN_PASSWORD);
  }

  @AfterEach
  void cleanUp() throws Exception {
    List<Exception> failures = new ArrayList<>();
    while (!cleanups.isEmpty()) {
      try {
        cleanups.pop().run();
      } catch (Exception | AssertionError e) {
        failures.add(e instanceof Exception ex ? ex : new IllegalStateException(e));
      }
    }
    if (!failures.isEmpty()) {
      Exception first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  // ------------------------------------------------------------------ helpers

  /** Runs {@code cleanup} after the test, before everything registered earlier (a stack). */
  void afterTest(Cleanup cleanup) {
    cleanups.push(cleanup);
  }

  /** A lower-case name unique in this run, e.g. {@code it-vim-142233ab12-3}. */
  static String unique(String prefix) {
    return (prefix + "-" + RUN_ID + "-" + SEQUENCE.incrementAndGet()).toLowerCase(Locale.ROOT);
  }

  static String resource(String name) {
    try (InputStream in = SandboxTestBase.class.getResourceAsStream("/it/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource it/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POST /v1.0/vims; when created, the VIM is deleted after the test. */
  TackerApi.Response registerVim(
      String name, String authUrl, String token, String caPem, boolean isDefault) {
    TackerApi.Response created = api.registerKubernetesVim(name, authUrl, token, caPem, isDefault);
    String id = created.text("/vim/id");
    if (created.status() == 201 && id != null) {
      cleanups.push(() -> deleteIfPresent("/v1.0/vims/" + id));
    }
    return created;
  }

  /** Registers the sandbox as a VIM (admin token, sandbox CA) and waits until it is probed. */
  JsonNode registerSandboxVim(String name, boolean isDefault) {
    TackerApi.Response created =
        registerVim(name, sandbox.apiUrl(), sandbox.token(), sandbox.caPem(), isDefault);
    assertThat(created.status())
        .withFailMessage("VIM registration answered %s, expected 201", created.status())
        .isEqualTo(201);
    JsonNode vim = awaitVimProbed(created.text("/vim/id"));
    assertThat(vim.path("status").asText())
        .withFailMessage("the sandbox VIM is %s, expected REACHABLE", vim.path("status"))
        .isEqualTo("REACHABLE");
    return vim;
  }

  /** No VIM of that name in the API, by filter and in the full list. */
  void assertNoVimNamed(String name) {
    TackerApi.Response byName = api.get("/v1.0/vims?name=" + TackerApi.query(name));
    assertThat(byName.status()).as("list VIMs: %s", byName).isEqualTo(200);
    assertThat(byName.at("/vims").isArray()).as("vims array in %s", byName).isTrue();
    assertThat(byName.at("/vims")).as("VIMs named %s", name).isEmpty();
    TackerApi.Response all = api.get("/v1.0/vims");
    assertThat(field(all.at("/vims"), "name")).as("all VIM names").doesNotContain(name);
  }

  /**
   * A VIM registered at an endpoint nobody answers is either refused with a TackerError and not
   * registered, or registered UNREACHABLE and removable without leftovers.
   */
  void assertRefusedOrUnreachableAndRemovable(String name, TackerApi.Response answer) {
    if (answer.status() >= 400 && answer.status() < 500) {
      assertThat(answer.text("/TackerError/type")).as("TackerError in %s", answer).isNotBlank();
      assertNoVimNamed(name);
      return;
    }
    assertThat(answer.status()).as("register VIM at a closed port: %s", answer).isEqualTo(201);
    String vimId = answer.text("/vim/id");
    JsonNode vim = awaitVimProbed(vimId);
    assertThat(vim.path("status").asText())
        .as("status of %s", vim.path("name"))
        .isEqualTo("UNREACHABLE");
    TackerApi.Response deleted = api.delete("/v1.0/vims/" + vimId);
    assertThat(deleted.status()).as("delete unreachable VIM: %s", deleted).isEqualTo(204);
    assertNoVimNamed(name);
  }

  /** A loopback port nobody listens on (bound, then released). */
  static int closedLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Polls GET /v1.0/vims/{id} until the status is no longer PENDING; returns the vim object. */
  JsonNode awaitVimProbed(String vimId) {
    return await("VIM " + vimId + " probed")
        .atMost(SETTLE_TIMEOUT)
        .pollInterval(POLL)
        .until(
            () -> api.get("/v1.0/vims/" + vimId).at("/vim"),
            vim -> !vim.isMissingNode() && !"PENDING".equals(vim.path("status").asText()));
  }

  /** POST /v1.0/vnfds with a TOSCA YAML string; asserts 201; deleted after the test. */
  String onboardVnfd(String name, String toscaYaml) {
    TackerApi.Response created = api.onboardVnfd(name, toscaYaml);
    assertThat(created.status()).as("onboard VNFD %s: %s", name, created).isEqualTo(201);
    String id = created.text("/vnfd/id");
    assertThat(id).as("VNFD id in %s", created).isNotBlank();
    cleanups.push(() -> deleteIfPresent("/v1.0/vnfds/" + id));
    return id;
  }

  /**
   * POST /v1.0/vnfs ({@code vimId} null: the default VIM); asserts 201 PENDING_CREATE; the VNF and
   * its cluster objects go after.
   */
  String createVnf(String name, String vnfdId, String vimId) {
    TackerApi.Response created = api.createVnf(name, vnfdId, vimId);
    assertThat(created.status()).as("create VNF %s: %s", name, created).isEqualTo(201);
    String id = created.text("/vnf/id");
    assertThat(id).as("VNF id in %s", created).isNotBlank();
    cleanups.push(() -> removeVnf(id));
    assertThat(created.text("/vnf/status")).as("status in %s", created).isEqualTo("PENDING_CREATE");
    return id;
  }

  /** Waits until the VNF leaves PENDING_* and returns its last representation. */
  JsonNode awaitVnfSettled(String vnfId) {
    await("VNF " + vnfId + " leaves PENDING_*")
        .atMost(SETTLE_TIMEOUT)
        .pollInterval(POLL)
        .until(() -> api.vnfStatus(vnfId), status -> !status.startsWith("PENDING_"));
    return api.get("/v1.0/vnfs/" + vnfId).at("/vnf");
  }

  /** Waits until a scale completed: ACTIVE, the operation COMPLETED, the first policy at n. */
  JsonNode awaitScaled(String vnfId, int instances, Duration timeout) {
    return await("VNF " + vnfId + " at " + instances + " instances")
        .atMost(timeout)
        .pollInterval(POLL)
        .until(
            () -> api.get("/v1.0/vnfs/" + vnfId).at("/vnf"),
            v ->
                "ACTIVE".equals(v.path("status").asText())
                    && "COMPLETED".equals(v.path("lcm_operation").path("state").asText())
                    && v.path("scale_status").get(0).path("current").asInt() == instances);
  }

  /** DELETE /v1.0/vnfs/{id} → 204, then PENDING_DELETE until GET answers 404. */
  void deleteVnfAndAwaitGone(String vnfId) {
    TackerApi.Response deleted = api.delete("/v1.0/vnfs/" + vnfId);
    assertThat(deleted.status()).as("delete VNF: %s", deleted).isEqualTo(204);
    String status = api.vnfStatus(vnfId);
    assertThat(status).as("VNF status right after DELETE").isIn("PENDING_DELETE", "GONE");
    await("VNF " + vnfId + " deleted")
        .atMost(DELETE_TIMEOUT)
        .pollInterval(POLL)
        .until(() -> api.vnfStatus(vnfId), "GONE"::equals);
  }

  /** Waits until the cluster holds no Deployment/RS/Pod/Service/ConfigMap/HPA of the VNF. */
  void awaitNothingLabelled(String vnfId) {
    await("no cluster object labelled " + Sandbox.LABEL_VNF_ID + "=" + vnfId)
        .atMost(CLUSTER_TIMEOUT)
        .pollInterval(POLL)
        .until(() -> Sandbox.labelledObjects(k8s, vnfId), List::isEmpty);
  }

  /** GET /v1.0/events?resource_id=..; the events array. */
  JsonNode eventsOf(String resourceId) {
    TackerApi.Response events = api.get("/v1.0/events?resource_id=" + TackerApi.query(resourceId));
    assertThat(events.status()).as("events: %s", events).isEqualTo(200);
    assertThat(events.at("/events").isArray()).as("events array in %s", events).isTrue();
    return events.at("/events");
  }

  /** The texts of one field of each element of a JSON array (or the elements when null). */
  static List<String> field(JsonNode array, String name) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(e -> name == null ? e.asText() : e.path(name).asText())
        .toList();
  }

  private void removeVnf(String vnfId) {
    try {
      // a VNF still being created may refuse deletion: let it settle first
      String status =
          await("cleanup: VNF " + vnfId + " settled")
              .atMost(SETTLE_TIMEOUT)
              .pollInterval(POLL)
              .until(() -> api.vnfStatus(vnfId), s -> !s.equals("PENDING_CREATE"));
      if (!"GONE".equals(status) && !"PENDING_DELETE".equals(status)) {
        deleteIfPresent("/v1.0/vnfs/" + vnfId);
      }
      if (!"GONE".equals(status)) {
        await("cleanup: VNF " + vnfId + " deleted")
            .atMost(DELETE_TIMEOUT)
            .pollInterval(POLL)
            .until(() -> api.vnfStatus(vnfId), "GONE"::equals);
      }
    } finally {
      if (!Sandbox.labelledObjects(k8s, vnfId).isEmpty()) {
        Sandbox.forceDeleteLabelled(k8s, vnfId);
      }
    }
  }

  private void deleteIfPresent(String path) {
    TackerApi.Response deleted = api.delete(path);
    assertThat(deleted.status())
        .withFailMessage("cleanup: DELETE %s answered %s", path, deleted.status())
        .isIn(204, 404);
  }

  /** The VNF's pods that are Ready and not being deleted. */
  List<io.fabric8.kubernetes.api.model.Pod> readyPods(String vnfId) {
    return k8s
        .pods()
        .inAnyNamespace()
        .withLabel(Sandbox.LABEL_VNF_ID, vnfId)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(
            p ->
                p.getStatus() != null
                    && p.getStatus().getConditions() != null
                    && p.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .toList();
  }

  /** The VNF's one Deployment. */
  io.fabric8.kubernetes.api.model.apps.Deployment deployment(String vnfId) {
    List<io.fabric8.kubernetes.api.model.apps.Deployment> found =
        k8s.apps()
            .deployments()
            .inAnyNamespace()
            .withLabel(Sandbox.LABEL_VNF_ID, vnfId)
            .list()
            .getItems();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  static List<String> names(List<io.fabric8.kubernetes.api.model.Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getName()).toList();
  }

  /** Waits until the n-th heal of the VNF completed and it is ACTIVE. */
  JsonNode awaitHealed(String vnfId, int n, Duration timeout) {
    return await("heal " + n + " of " + vnfId + " completed")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> api.get("/v1.0/vnfs/" + vnfId).at("/vnf"),
            v ->
                "ACTIVE".equals(v.path("status").asText())
                    && "HEAL".equals(v.path("lcm_operation").path("operation").asText())
                    && "COMPLETED".equals(v.path("lcm_operation").path("state").asText())
                    && healDetails(vnfId).size() >= 2 * n);
  }

  /** The details of the VNF's HEAL events, oldest first. */
  List<String> healDetails(String vnfId) {
    return field(
        api.get("/v1.0/events?resource_id=" + vnfId + "&event_type=HEAL").at("/events"),
        "event_details");
  }
}
