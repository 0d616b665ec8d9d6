package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.it.OpenStackCloud.Credentials;
import io.nfvflow.engine.it.OpenStackCloud.TestNetwork;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.openstack4j.model.network.Port;

/**
 * Base of the integration tests against the real OpenStack sandbox ({@code
 * scripts/openstack-sandbox/}), on top of {@link SandboxTestBase} (the application, the Tacker API
 * client, the Kubernetes sandbox and the cleanup stack). Adds what the cloud side needs: networks
 * made per test and removed after it, OpenStack VIM registration, waits sized for Heat, and a
 * last-resort removal of the Heat stack a failed test may leave.
 *
 * <p>By the engine's contract a VNF {@code <id>} on OpenStack is the Heat stack {@code
 * nfvflow-<id>}, tagged {@code nfvflow} and {@code nfvflow-vnf-<id>}.
 */
abstract class OpenStackTestBase extends SandboxTestBase {

  static final String IMAGE = "fake-img";
  static final String FLAVOR = "m1.tiny";
  static final String REGION = "RegionOne";
  static final String SERVER = "OS::Nova::Server";
  static final String PORT = "OS::Neutron::Port";

  /** Heat on the sandbox takes seconds to tens of seconds; bounded so a hang still fails. */
  static final Duration OS_SETTLE_TIMEOUT = Duration.ofMinutes(5);

  static final Duration OS_DELETE_TIMEOUT = Duration.ofMinutes(5);
  static final Duration CLOUD_TIMEOUT = Duration.ofMinutes(2);
  static final Duration OS_POLL = Duration.ofSeconds(2);

  private static final AtomicInteger SUBNETS = new AtomicInteger();

  static OpenStackCloud cloud;

  @BeforeAll
  static void connectToOpenStack() {
    cloud = OpenStackCloud.fromEnvironment();
    try {
      cloud.os(cloud.demo()); // authenticates
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the OpenStack sandbox in "
              + cloud.dir()
              + " does not answer: run scripts/openstack-sandbox/openstack-up.sh",
          e);
    }
  }

  static String stackName(String vnfId) {
    return "nfvflow-" + vnfId;
  }

  /** A network with a /24 subnet in the project of {@code owner}, deleted after the test. */
  TestNetwork network(String prefix, Credentials owner) {
    String name = unique(prefix);
    String cidr = "10.66." + SUBNETS.incrementAndGet() % 250 + ".0/24";
    TestNetwork network = cloud.createNetwork(owner, name, cidr);
    afterTest(() -> cloud.deleteNetwork(network));
    return network;
  }

  /** POST /v1.0/vims of type openstack; when created, the VIM is deleted after the test. */
  TackerApi.Response registerOpenStackVim(
      String name, Credentials who, String password, boolean isDefault) {
    TackerApi.Response created =
        api.registerOpenStackVim(
            name,
            who.authUrl(),
            who.username(),
            password,
            who.project(),
            who.projectDomain(),
            isDefault);
    String id = created.text("/vim/id");
    if (created.status() == 201 && id != null) {
      afterTest(
          () -> {
            int status = api.delete("/v1.0/vims/" + id).status();
            assertThat(status).as("cleanup: DELETE VIM %s", id).isIn(204, 404);
          });
    }
    return created;
  }

  /** Registers the sandbox cloud as {@code who} and waits until the VIM is REACHABLE. */
  JsonNode registerCloudVim(String name, Credentials who, boolean isDefault) {
    TackerApi.Response created = registerOpenStackVim(name, who, who.password(), isDefault);
    assertThat(created.status())
        .withFailMessage(
            "OpenStack VIM registration answered %s, expected 201: %s",
            created.status(), created.at("/TackerError"))
        .isEqualTo(201);
    JsonNode vim = awaitVimProbed(created.text("/vim/id"));
    assertThat(vim.path("status").asText())
        .withFailMessage("the OpenStack VIM is %s, expected REACHABLE", vim.path("status"))
        .isEqualTo("REACHABLE");
    return vim;
  }

  /** What every answer about an OpenStack VIM must say; the password masked. */
  static void assertOpenStackVimAnswer(JsonNode vim, String name) {
    assertThat(vim.path("name").asText()).isEqualTo(name);
    assertThat(vim.path("type").asText()).isEqualTo("openstack");
    assertThat(vim.path("status").asText()).isEqualTo("REACHABLE");
    assertThat(field(vim.at("/placement_attr/regions"), null))
        .as("placement_attr.regions")
        .contains(REGION);
    assertThat(vim.at("/auth_cred/password").asText())
        .withFailMessage("auth_cred.password is not masked as \"***\"")
        .isEqualTo("***");
  }

  /**
   * POST /v1.0/vnfs on an OpenStack VIM. After the test the VNF is deleted through the API (the
   * base class), then a stack it left behind is deleted directly in Heat, so that a failed test
   * does not keep servers and ports on the shared cloud (and its networks can go).
   */
  String createOpenStackVnf(String name, String vnfdId, String vimId, Credentials project) {
    AtomicReference<String> created = new AtomicReference<>();
    afterTest(
        () -> {
          if (created.get() != null && cloud.deleteStack(project, stackName(created.get()))) {
            awaitNoStack(project, created.get());
          }
        });
    String vnfId = createVnf(name, vnfdId, vimId);
    created.set(vnfId);
    return vnfId;
  }

  /** Waits (Heat-sized) until the VNF leaves PENDING_* and returns its last representation. */
  JsonNode awaitOpenStackVnfSettled(String vnfId) {
    await("VNF " + vnfId + " leaves PENDING_*")
        .atMost(OS_SETTLE_TIMEOUT)
        .pollInterval(OS_POLL)
        .until(() -> api.vnfStatus(vnfId), status -> !status.startsWith("PENDING_"));
    return api.get("/v1.0/vnfs/" + vnfId).at("/vnf");
  }

  /** Creates the VNF and asserts it became ACTIVE on that VIM; returns the VNF. */
  JsonNode createActiveVnf(String vnfdId, String vimId, Credentials project) {
    String vnfId = createOpenStackVnf(unique("it-os-vnf"), vnfdId, vimId, project);
    JsonNode vnf = awaitOpenStackVnfSettled(vnfId);
    assertThat(vnf.path("status").asText())
        .as("VNF status (error_reason: %s)", vnf.path("error_reason"))
        .isEqualTo("ACTIVE");
    assertThat(vnf.path("vim_id").asText()).as("vim_id").isEqualTo(vimId);
    return vnf;
  }

  /** DELETE /v1.0/vnfs/{id} → 204, then PENDING_DELETE until GET answers 404 (Heat-sized). */
  void deleteOpenStackVnfAndAwaitGone(String vnfId) {
    TackerApi.Response deleted = api.delete("/v1.0/vnfs/" + vnfId);
    assertThat(deleted.status()).as("delete VNF: %s", deleted).isEqualTo(204);
    assertThat(api.vnfStatus(vnfId))
        .as("VNF status right after DELETE")
        .isIn("PENDING_DELETE", "GONE");
    await("VNF " + vnfId + " deleted")
        .atMost(OS_DELETE_TIMEOUT)
        .pollInterval(OS_POLL)
        .until(() -> api.vnfStatus(vnfId), "GONE"::equals);
  }

  /** Waits until the project has no stack {@code nfvflow-<vnfId>}. */
  void awaitNoStack(Credentials project, String vnfId) {
    await("no Heat stack " + stackName(vnfId))
        .atMost(CLOUD_TIMEOUT)
        .pollInterval(OS_POLL)
        .until(() -> cloud.stack(project, stackName(vnfId)).isEmpty());
  }

  /**
   * Asserts that the cloud holds nothing of the VNF: no stack, no port on the test's networks, no
   * port named after the VNF (Heat names ports after their stack), none of the given servers.
   */
  void assertNothingLeftInCloud(
      Credentials project, String vnfId, List<String> serverIds, TestNetwork... networks) {
    awaitNoStack(project, vnfId);
    await("servers of " + vnfId + " deleted")
        .atMost(CLOUD_TIMEOUT)
        .pollInterval(OS_POLL)
        .until(
            () -> serverIds.stream().filter(id -> cloud.server(id) != null).toList(),
            List::isEmpty);
    await("ports of " + vnfId + " deleted")
        .atMost(CLOUD_TIMEOUT)
        .pollInterval(OS_POLL)
        .untilAsserted(
            () -> {
              for (TestNetwork network : networks) {
                assertThat(cloud.portsOn(network).stream().map(OpenStackTestBase::describe))
                    .as("ports left on network %s", network.name())
                    .isEmpty();
              }
              assertThat(cloud.portsNamedWith(vnfId)).as("ports named after %s", vnfId).isEmpty();
            });
  }

  /**
   * {@code it/vnfd-openstack-scaled.yaml} on the sandbox: one VDU scaled to two servers, a CP on
   * each of the two networks.
   */
  static String scaledVnfd(TestNetwork mgmt, TestNetwork data) {
    return descriptor(
        "vnfd-openstack-scaled.yaml",
        Map.of("IMAGE", IMAGE, "FLAVOR", FLAVOR, "MGMT_NET", mgmt.name(), "DATA_NET", data.name()));
  }

  /** A test descriptor from {@code it/} with its {@code @KEY@} placeholders replaced. */
  static String descriptor(String file, Map<String, String> values) {
    String text = resource(file);
    for (Map.Entry<String, String> e : values.entrySet()) {
      text = text.replace("@" + e.getKey() + "@", e.getValue());
    }
    assertThat(text).as("placeholders left in %s", file).doesNotContainPattern("\"@[A-Z_]+@\"");
    return text;
  }

  /**
   * The management addresses of one VDU from the VNF's {@code mgmt_ip_address}: a JSON text object
   * whose value is one address, or for a scaled VDU a list (as JSON or as JSON text).
   */
  static List<String> mgmtAddresses(JsonNode vnf, String vdu) {
    JsonNode field = vnf.path("mgmt_ip_address");
    assertThat(field.isMissingNode() || field.isNull()).as("mgmt_ip_address in %s", vnf).isFalse();
    JsonNode map = field.isTextual() ? parse(field.asText(), "mgmt_ip_address") : field;
    JsonNode value = map.path(vdu);
    if (value.isTextual() && value.asText().strip().startsWith("[")) {
      value = parse(value.asText(), "mgmt_ip_address." + vdu);
    }
    List<String> addresses = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(v -> addresses.add(v.asText()));
    } else if (value.isTextual()) {
      addresses.add(value.asText());
    }
    return addresses;
  }

  private static JsonNode parse(String text, String what) {
    try {
      return TackerApi.JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(what + " is not JSON text: " + text, e);
    }
  }

  /** The IPv4 addresses of a port. */
  static List<String> addresses(Port port) {
    return port.getFixedIps().stream().map(ip -> ip.getIpAddress()).toList();
  }

  static String describe(Port port) {
    return port.getId()
        + " "
        + port.getName()
        + " device="
        + port.getDeviceId()
        + " vif="
        + port.getVifType();
  }
}
