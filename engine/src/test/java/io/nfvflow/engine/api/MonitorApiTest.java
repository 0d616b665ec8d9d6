package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.nfvflow.engine.vnf.ManagementProbe;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The ping and http_ping monitors of a VDU's monitoring_policy, end to end on the fake VIM: its
 * instances get loopback addresses (127.0.0.N), where small HTTP servers stand for the VNF's
 * management interfaces. The monitors cycle every 0.3 s here; the context is closed after the
 * class, so its monitors do not go on probing during other tests.
 */
@TestPropertySource(properties = "nfvflow.heal.monitor.interval=PT0.3S")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MonitorApiTest extends ApiTestSupport {

  /** TEST-NET-2 (RFC 5737): routed nowhere, unless this machine sits on it. */
  static final String NOWHERE = "198.51.100.";

  final Web web = new Web();

  /** The VNFs a test made: removed after it, so they are not monitored during the next ones. */
  final List<String> created = new ArrayList<>();

  @BeforeEach
  void loopbackAddresses() {
    fakeVim.addressPrefix = "127.0.0.";
  }

  @AfterEach
  void removeVnfsThenStopServers() throws Exception {
    try {
      for (String id : created) {
        if (get("/v1.0/vnfs/" + id).status() != 404) {
          call(
              MockMvcRequestBuilders.delete("/v1.0/vnfs/" + id)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"vnf\": {\"attributes\": {\"force\": true}}}"));
        }
      }
      for (String id : created) {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1.0/vnfs/" + id).status() == 404);
      }
    } finally {
      web.stopAll();
    }
  }

  /** A VNFD whose VDU1 runs {@code instances} instances and has the given monitoring_policy. */
  static String vnfd(int instances, String policy) {
    return """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        description: monitored CNF
        topology_template:
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
                mapping_ports: ["80:8080"]
                vnfcs:
                  web:
                    image: nginx
                    num_cpus: 0.1
                    mem_size: 64 MB
                monitoring_policy: %s
          policies:
            - SP1:
                type: tosca.policies.tacker.Scaling
                targets: [VDU1]
                properties:
                  increment: 1
                  cooldown: 60
                  min_instances: 1
                  max_instances: 3
                  default_instances: %d
        """
        .formatted(policy, instances);
  }

  static String httpPing(int port, int delay, String failure) {
    return ("{name: http_ping, parameters: {monitoring_delay: %d, port: %d, retry: 1, timeout: 1},"
            + " actions: {failure: %s}}")
        .formatted(delay, port, failure);
  }

  static String ping(String failure) {
    return "{name: ping, parameters: {monitoring_delay: 1, count: 1, interval: 1, timeout: 1},"
        + " actions: {failure: %s}}".formatted(failure);
  }

  String activeVnf(String vnfdYaml) throws Exception {
    String id = activeVnfOn(registerVim(unique("vim"), "good", false, "ns1"), vnfdYaml);
    created.add(id);
    return id;
  }

  List<JsonNode> events(String id, String type) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    get("/v1.0/events?resource_id=" + id + "&event_type=" + type)
        .body()
        .path("events")
        .forEach(events::add);
    return events;
  }

  List<String> details(String id, String type) throws Exception {
    return events(id, type).stream().map(e -> e.path("event_details").asText()).toList();
  }

  @Test
  void aFailingInstanceAddressIsHealedAloneAndThenLeftAloneOnceItAnswers() throws Exception {
    int port = web.serve(2);
    String id = activeVnf(vnfd(2, httpPing(port, 1, "respawn")));
    await().atMost(Duration.ofSeconds(10)).until(() -> web.requests(2).size() >= 2);
    assertThat(details(id, "HEAL")).as("both answer").isEmpty();

    web.stop(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> !details(id, "HEAL").isEmpty());
    web.start(2, port);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                vnf(id).path("lcm_operation").path("state").asText().equals("COMPLETED")
                    && vnf(id).path("status").asText().equals("ACTIVE"));
    assertThat(fakeVim.replaced.get(id)).containsExactly(List.of("VDU1-2"));
    assertThat(details(id, "HEAL").get(0))
        .contains("heal of instance VDU1-uid-2")
        .contains("http_ping to http://127.0.0.2:%d/ (VDU1 instance VDU1-2) failed".formatted(port))
        .contains("connection refused");

    // monitored again after the delay; it answers: no second heal
    int before = web.requests(2).size();
    await().atMost(Duration.ofSeconds(10)).until(() -> web.requests(2).size() > before + 2);
    assertThat(fakeVim.replaced.get(id)).hasSize(1);
    assertThat(vnf(id).path("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void logWritesOneMonitorEventWhileFailingAndOneWhenItAnswersAgain() throws Exception {
    int port = web.serve(1);
    String id = activeVnf(vnfd(1, httpPing(port, 1, "log")));
    await().atMost(Duration.ofSeconds(10)).until(() -> !web.requests(1).isEmpty());

    web.stop(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> details(id, "MONITOR").size() == 1);
    Thread.sleep(1500); // five more cycles, still failing
    assertThat(details(id, "MONITOR")).hasSize(1);
    assertThat(details(id, "MONITOR").get(0))
        .contains("http_ping to http://127.0.0.1:%d/ (VDU1) failed".formatted(port))
        .contains("monitoring policy: log");
    assertThat(details(id, "HEAL")).isEmpty();
    assertThat(vnf(id).path("status").asText()).isEqualTo("ACTIVE");

    web.start(1, port);
    await().atMost(Duration.ofSeconds(10)).until(() -> details(id, "MONITOR").size() == 2);
    assertThat(details(id, "MONITOR").get(1)).contains("recovered");
    Thread.sleep(1000);
    assertThat(details(id, "MONITOR")).hasSize(2);
  }

  @Test
  void logAndKillTerminatesTheVnf() throws Exception {
    int port = web.serve(1);
    String id = activeVnf(vnfd(1, httpPing(port, 1, "log_and_kill")));
    await().atMost(Duration.ofSeconds(10)).until(() -> !web.requests(1).isEmpty());

    web.stop(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1.0/vnfs/" + id).status() == 404);
    List<JsonNode> monitor = events(id, "MONITOR");
    assertThat(monitor).hasSize(1);
    assertThat(monitor.get(0).path("resource_state").asText()).isEqualTo("DEAD");
    assertThat(monitor.get(0).path("event_details").asText())
        .contains("http_ping to http://127.0.0.1:%d/ (VDU1) failed".formatted(port))
        .contains("log_and_kill");
  }

  @Test
  void theMonitoringDelayIsCountedFromInstantiateAndAgainAfterEveryHeal() throws Exception {
    int port = web.serve(1);
    Instant created = Instant.now();
    String id = activeVnf(vnfd(1, httpPing(port, 3, "respawn")));
    await().atMost(Duration.ofSeconds(15)).until(() -> !web.requests(1).isEmpty());
    assertThat(web.requests(1).get(0)).isAfterOrEqualTo(created.plusSeconds(3));

    Instant healed = Instant.now();
    assertThat(post("/v1.0/vnfs/" + id + "/actions", "{\"heal\": {}}").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                vnf(id).path("lcm_operation").path("operation").asText().equals("HEAL")
                    && vnf(id).path("lcm_operation").path("state").asText().equals("COMPLETED"));
    // a cycle that began before the heal may still land just after it began
    Instant settled = healed.plusMillis(500);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> web.requests(1).stream().anyMatch(t -> t.isAfter(settled)));
    assertThat(web.requests(1).stream().filter(t -> t.isAfter(settled)).findFirst().orElseThrow())
        .as("not probed within monitoring_delay after the heal")
        .isAfterOrEqualTo(healed.plusSeconds(3));
    assertThat(details(id, "HEAL")).as("the heal on request only").hasSize(2);
  }

  @Test
  void pingOfAnAnsweringAddressLeavesTheVnfAlone() throws Exception {
    assumeTrue(new ManagementProbe().pingUnavailable().isEmpty(), "no usable ping here");
    String id = activeVnf(vnfd(2, ping("respawn")));
    Thread.sleep(2500); // the delay and several cycles
    assertThat(details(id, "HEAL")).isEmpty();
    assertThat(details(id, "MONITOR")).isEmpty();
    assertThat(vnf(id).path("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void aPingThatNeverAnswersIsHealedUpToTheAttemptsThenTheVnfIsInError() throws Exception {
    assumeTrue(new ManagementProbe().pingUnavailable().isEmpty(), "no usable ping here");
    assumeFalse(onALocalNetwork(InetAddress.getByName(NOWHERE + "1")), "on TEST-NET-2");
    fakeVim.addressPrefix = NOWHERE;
    String id = activeVnf(vnfd(1, ping("respawn")));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> vnf(id).path("status").asText().equals("ERROR"));
    assertThat(vnf(id).path("error_reason").asText())
        .contains("automatic healing gave up")
        .contains("3 heals")
        .contains("ping to %s1 (VDU1) failed".formatted(NOWHERE));
    assertThat(fakeVim.replaced.get(id)).hasSize(3);
    Thread.sleep(1500);
    assertThat(fakeVim.replaced.get(id)).as("left alone").hasSize(3);
  }

  static boolean onALocalNetwork(InetAddress target) throws Exception {
    byte[] t = target.getAddress();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InterfaceAddress ia : nic.getInterfaceAddresses()) {
        byte[] a = ia.getAddress().getAddress();
        if (a.length != t.length) {
          continue;
        }
        boolean same = true;
        for (int i = 0; i < ia.getNetworkPrefixLength() && same; i++) {
          int mask = 0x80 >> (i % 8);
          same = (a[i / 8] & mask) == (t[i / 8] & mask);
        }
        if (same) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * HTTP servers answering 200 on 127.0.0.1, 127.0.0.2, ... (the fake VIM's instance addresses),
   * all on one port, remembering when each was asked.
   */
  static final class Web {

    private final Map<Integer, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<Integer, List<Instant>> requests = new ConcurrentHashMap<>();

    /** Servers on 127.0.0.1..n, one free port for all; the port. */
    int serve(int n) throws IOException {
      for (int attempt = 0; ; attempt++) {
        int port = start(1, 0);
        try {
          for (int i = 2; i <= n; i++) {
            start(i, port);
          }
          return port;
        } catch (BindException e) {
          stopAll();
          if (attempt > 20) {
            throw e;
          }
        }
      }
    }

    int start(int i, int port) throws IOException {
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(
                  InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}), port),
              0);
      List<Instant> asked = requests.computeIfAbsent(i, k -> new CopyOnWriteArrayList<>());
      server.createContext(
          "/",
          exchange -> {
            asked.add(Instant.now());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      servers.put(i, server);
      return server.getAddress().getPort();
    }

    void stop(int i) {
      HttpServer server = servers.remove(i);
      if (server != null) {
        server.stop(0);
      }
    }

    void stopAll() {
      new ArrayList<>(servers.keySet()).forEach(this::stop);
    }

    List<Instant> requests(int i) {
      return requests.getOrDefault(i, List.of());
    }
  }
}
