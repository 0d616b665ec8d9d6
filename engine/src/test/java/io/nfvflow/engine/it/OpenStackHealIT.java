package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.engine.it.OpenStackCloud.Credentials;
import io.nfvflow.engine.it.OpenStackCloud.TestNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openstack4j.model.compute.Server;
import org.springframework.test.context.TestPropertySource;

/**
 * Healing a VM VNF on the real OpenStack sandbox: a server set to ERROR (admin) or deleted behind
 * nfvflow's back is replaced — inside a scaling group too — with the addresses updated and the old
 * ports gone; heal on request of one server. Detection is the survey (one listing of nfvflow's
 * servers per VIM) every 3 s here. Figures are printed for the docs.
 */
@TestPropertySource(properties = "nfvflow.heal.poll-interval=PT3S")
class OpenStackHealIT extends OpenStackTestBase {

  static final String VDU = "VDU1";
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aServerInAScalingGroupSetToErrorIsReplacedWithNewPortsAndAddresses() {
    Credentials demo = cloud.demo();
    Scaled vnf = scaledVnf(demo, "it-heal-err");
    String victim = vnf.servers().get(0);
    List<String> victimPorts = portIds(victim);
    long changed = System.currentTimeMillis();
    cloud.os(cloud.admin()).compute().servers().resetState(victim, Server.Status.ERROR);

    JsonNode healed = awaitHealed(vnf.id(), 1, OS_SETTLE_TIMEOUT);
    long took = System.currentTimeMillis() - changed;
    List<String> now = field(healed.path("instances"), "id");
    assertThat(now).hasSize(2).doesNotContain(victim).contains(vnf.servers().get(1));
    assertThat(mgmtAddresses(healed, VDU)).hasSize(2);
    awaitGone(victim, victimPorts);
    List<String> events = healDetails(vnf.id());
    assertThat(events.get(0)).contains("automatic").contains(victim).contains("ERROR");
    assertThat(events.get(1)).contains("replaced");
    System.out.printf(
        "FIGURE openstack server-error-to-healed-ms=%d start-event=%s%n", took, events.get(0));
    finish(demo, vnf);
  }

  @Test
  void aStandaloneServerInErrorIsReplacedAndADeletedPortComesBackWithAWholeVnfHeal()
      throws Exception {
    Credentials demo = cloud.demo();
    TestNetwork mgmt = network("it-heal-one-mgmt", demo);
    TestNetwork data = network("it-heal-one-data", demo);
    String vimId = registerCloudVim(unique("it-os-vim"), demo, false).path("id").asText();
    String yaml = scaledVnfd(mgmt, data);
    String vnfdId =
        onboardVnfd(unique("it-heal-one-vnfd"), yaml.substring(0, yaml.indexOf("\n  policies:")));
    JsonNode vnf = createActiveVnf(vnfdId, vimId, demo);
    String vnfId = vnf.path("id").asText();
    String victim = vnf.path("instances").get(0).path("id").asText();
    List<String> victimPorts = portIds(victim);
    cloud.os(cloud.admin()).compute().servers().resetState(victim, Server.Status.ERROR);

    JsonNode healed = awaitHealed(vnfId, 1, OS_SETTLE_TIMEOUT);
    JsonNode instance = healed.path("instances").get(0);
    assertThat(instance.path("id").asText()).isNotEqualTo(victim);
    assertThat(instance.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(mgmtAddresses(healed, VDU)).hasSize(1);
    awaitGone(victim, victimPorts);

    // a port deleted behind Heat's back: the whole-VNF heal recreates it
    String cp2 = instance.path("ports").path("CP2").asText();
    assertThat(cp2).isNotBlank();
    cloud.os(demo).networking().port().delete(cp2);
    TackerApi.Response heal =
        api.post("/v1.0/vnfs/" + vnfId + "/actions", JSON.readTree("{\"heal\": {}}"));
    assertThat(heal.status()).as("%s", heal).isEqualTo(202);
    healed = awaitHealed(vnfId, 2, OS_SETTLE_TIMEOUT);
    String newCp2 = healed.path("instances").get(0).path("ports").path("CP2").asText();
    assertThat(newCp2).isNotBlank().isNotEqualTo(cp2);
    assertThat(cloud.os(cloud.admin()).networking().port().get(newCp2)).isNotNull();
    assertThat(healDetails(vnfId).get(3)).contains("port").contains("missing");

    List<String> last = field(healed.path("instances"), "id");
    deleteOpenStackVnfAndAwaitGone(vnfId);
    assertNothingLeftInCloud(demo, vnfId, last, mgmt, data);
  }

  @Test
  void aServerDeletedBehindNfvflowsBackIsReplaced() {
    Credentials demo = cloud.demo();
    Scaled vnf = scaledVnf(demo, "it-heal-del");
    String victim = vnf.servers().get(1);
    long changed = System.currentTimeMillis();
    cloud.os(demo).compute().servers().delete(victim);

    JsonNode healed = awaitHealed(vnf.id(), 1, OS_SETTLE_TIMEOUT);
    System.out.printf(
        "FIGURE openstack server-deleted-to-healed-ms=%d%n", System.currentTimeMillis() - changed);
    assertThat(field(healed.path("instances"), "id")).hasSize(2).doesNotContain(victim);
    assertThat(healed.path("instances").findValuesAsText("status")).containsOnly("ACTIVE");
    assertThat(healDetails(vnf.id()).get(0)).contains(victim);
    finish(demo, vnf);
  }

  @Test
  void healsOneServerOnRequest() throws Exception {
    Credentials demo = cloud.demo();
    Scaled vnf = scaledVnf(demo, "it-heal-req");
    String victim = vnf.servers().get(0);
    List<String> victimPorts = portIds(victim);
    TackerApi.Response answer =
        api.post(
            "/v1.0/vnfs/" + vnf.id() + "/actions",
            JSON.readTree(
                "{\"heal\": {\"cause\": \"it: one server\", \"instances\": [\""
                    + victim
                    + "\"]}}"));
    assertThat(answer.status()).as("%s", answer).isEqualTo(202);
    JsonNode healed = awaitHealed(vnf.id(), 1, OS_SETTLE_TIMEOUT);
    assertThat(field(healed.path("instances"), "id"))
        .hasSize(2)
        .doesNotContain(victim)
        .contains(vnf.servers().get(1));
    awaitGone(victim, victimPorts);
    assertThat(healDetails(vnf.id()).get(1)).contains("it: one server");
    finish(demo, vnf);
  }

  // --- helpers

  record Scaled(String id, List<String> servers, TestNetwork mgmt, TestNetwork data) {}

  private Scaled scaledVnf(Credentials demo, String prefix) {
    TestNetwork mgmt = network(prefix + "-mgmt", demo);
    TestNetwork data = network(prefix + "-data", demo);
    String vimId = registerCloudVim(unique("it-os-vim"), demo, false).path("id").asText();
    String vnfdId = onboardVnfd(unique(prefix + "-vnfd"), scaledVnfd(mgmt, data));
    JsonNode vnf = createActiveVnf(vnfdId, vimId, demo);
    List<String> servers = field(vnf.path("instances"), "id");
    assertThat(servers).as("default_instances").hasSize(2);
    return new Scaled(vnf.path("id").asText(), servers, mgmt, data);
  }

  private void finish(Credentials demo, Scaled vnf) {
    List<String> last = field(api.get("/v1.0/vnfs/" + vnf.id()).at("/vnf/instances"), "id");
    deleteOpenStackVnfAndAwaitGone(vnf.id());
    assertNothingLeftInCloud(demo, vnf.id(), last, vnf.mgmt(), vnf.data());
  }

  private List<String> portIds(String serverId) {
    List<String> ids = new ArrayList<>();
    cloud.portsOf(serverId).forEach(p -> ids.add(p.getId()));
    assertThat(ids).as("ports of %s", serverId).isNotEmpty();
    return ids;
  }

  private void awaitGone(String server, List<String> ports) {
    await("server " + server + " and its ports gone")
        .atMost(CLOUD_TIMEOUT)
        .pollInterval(OS_POLL)
        .until(
            () ->
                cloud.server(server) == null
                    && ports.stream()
                        .allMatch(p -> cloud.os(cloud.admin()).networking().port().get(p) == null));
  }
}
