package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.it.OpenStackCloud.Credentials;
import io.nfvflow.engine.it.OpenStackCloud.TestNetwork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.heat.Stack;
import org.openstack4j.model.network.Port;

/**
 * The whole life of VM VNFs on a real OpenStack (Keystone, Heat, Nova with the fake driver,
 * Neutron): register the cloud as a VIM, onboard a VM VNFD, instantiate, check the Heat stack, the
 * servers and their bound ports in the cloud, terminate, check that nothing is left. Plus Tacker's
 * hello-world sample, and a Kubernetes and an OpenStack VIM side by side.
 */
class OpenStackLifecycleIT extends OpenStackTestBase {

  private static final String VDU = "VDU1";
  private static final Set<String> UNBOUND = Set.of("", "unbound", "binding_failed");

  /** What the cloud holds for one VNF: its stack, servers and their ports. */
  record Deployed(Stack stack, List<String> serverIds, List<Port> ports) {}

  @Test
  void scaledVmVnfOnTwoNetworksRunsAndIsRemovedCompletely() {
    Credentials demo = cloud.demo();
    TestNetwork mgmt = network("it-mgmt", demo);
    TestNetwork data = network("it-data", demo);

    // 1. VIM: the demo project of the sandbox
    String vimName = unique("it-os-vim");
    JsonNode vim = registerCloudVim(vimName, demo, false);
    String vimId = vim.path("id").asText();
    assertOpenStackVimAnswer(vim, vimName);
    TackerApi.Response shown = api.get("/v1.0/vims/" + vimId);
    assertThat(shown.status()).as("GET vim: %s", shown.status()).isEqualTo(200);
    assertOpenStackVimAnswer(shown.at("/vim"), vimName);

    // 2. VNFD: one VDU, two CPs on two networks, scaled to two instances
    String vnfdId = onboardScaledVnfd(unique("it-os-vnfd"), mgmt, data);

    // 3. VNF: PENDING_CREATE -> ACTIVE
    JsonNode vnf = createActiveVnf(vnfdId, vimId, demo);
    String vnfId = vnf.path("id").asText();
    assertThat(vnf.path("vnfd_id").asText()).isEqualTo(vnfdId);

    // 4. the cloud: a tagged stack, two ACTIVE servers, each with a bound port on each network
    Deployed deployed = assertDeployed(demo, vnfId, 2, mgmt, data);

    // 5. mgmt_ip_address: the two servers' addresses on the management network
    List<String> mgmtIps = mgmtAddresses(vnf, VDU);
    assertThat(mgmtIps)
        .as("mgmt_ip_address %s of the scaled %s", vnf.path("mgmt_ip_address"), VDU)
        .hasSize(2)
        .containsExactlyInAnyOrderElementsOf(addressesOn(deployed.ports(), mgmt));

    // 6. GET /v1.0/vnfs/{id}/resources lists the Heat resources: the servers and the ports
    assertResourcesListed(vnfId, deployed);

    // 7. events
    JsonNode events = eventsOf(vnfId);
    assertThat(field(events, "event_type")).as("event types").contains("CREATE");
    assertThat(field(events, "resource_state")).as("event states").contains("ACTIVE");

    // 8. terminate: 204, PENDING_DELETE, 404; no stack, server or port left
    deleteOpenStackVnfAndAwaitGone(vnfId);
    assertNothingLeftInCloud(demo, vnfId, deployed.serverIds(), mgmt, data);
    assertThat(field(eventsOf(vnfId), "event_type")).as("event types").contains("DELETE");

    // 9. VNFD and VIM
    assertDeleted("/v1.0/vnfds/" + vnfdId);
    assertDeleted("/v1.0/vims/" + vimId);
  }

  /**
   * Tacker's own hello-world sample (one VDU sized by nfv_compute, three CPs on three networks),
   * with its image and network names rewritten to the sandbox's. The VIM is the admin project: a
   * VDU sized by nfv_compute may need a flavor made for it, which only an admin may create.
   */
  @Test
  void helloWorldSampleRunsAndIsRemovedCompletely() {
    Credentials admin = cloud.admin();
    TestNetwork mgmt = network("it-hello-mgmt", admin);
    TestNetwork net0 = network("it-hello-net0", admin);
    TestNetwork net1 = network("it-hello-net1", admin);
    String tosca =
        resource("tosca-vnfd-hello-world.yaml")
            .replace("image: cirros-0.5.2-x86_64-disk", "image: " + IMAGE)
            .replace("network_name: net_mgmt", "network_name: " + mgmt.name())
            .replace("network_name: net0", "network_name: " + net0.name())
            .replace("network_name: net1", "network_name: " + net1.name());
    assertThat(tosca).as("rewritten sample").doesNotContain("cirros", " net_mgmt", " net0\n");

    String vimId = registerCloudVim(unique("it-os-vim-admin"), admin, false).path("id").asText();
    String vnfdId = onboardVnfd(unique("it-hello-vnfd"), tosca);
    JsonNode vnf = createActiveVnf(vnfdId, vimId, admin);
    String vnfId = vnf.path("id").asText();

    Deployed deployed = assertDeployed(admin, vnfId, 1, mgmt, net0, net1);
    assertThat(mgmtAddresses(vnf, VDU))
        .as("mgmt_ip_address %s", vnf.path("mgmt_ip_address"))
        .containsExactlyElementsOf(addressesOn(deployed.ports(), mgmt));

    deleteOpenStackVnfAndAwaitGone(vnfId);
    assertNothingLeftInCloud(admin, vnfId, deployed.serverIds(), mgmt, net0, net1);
  }

  /**
   * A Kubernetes VIM (the default) and an OpenStack VIM side by side: a CNF created without vim_id
   * lands on Kubernetes, a VM VNF created with the OpenStack VIM's id lands in Heat, both ACTIVE.
   */
  @Test
  void kubernetesDefaultAndOpenStackVimCoexist() {
    Credentials demo = cloud.demo();
    TestNetwork mgmt = network("it-co-mgmt", demo);
    TestNetwork data = network("it-co-data", demo);

    String k8sVimId = registerSandboxVim(unique("it-k8s-vim"), true).path("id").asText();
    String osVimId = registerCloudVim(unique("it-os-vim"), demo, false).path("id").asText();
    JsonNode vims = api.get("/v1.0/vims").at("/vims");
    assertThat(field(vims, "id")).as("VIMs").contains(k8sVimId, osVimId);
    for (JsonNode vim : vims) {
      if (vim.path("id").asText().equals(k8sVimId)) {
        assertThat(vim.path("is_default").asBoolean()).as("k8s VIM is_default").isTrue();
      } else if (vim.path("id").asText().equals(osVimId)) {
        assertThat(vim.path("is_default").asBoolean()).as("OpenStack VIM is_default").isFalse();
      }
    }

    // a CNF without vim_id: the default VIM, Kubernetes
    String cnfdId = onboardVnfd(unique("it-co-cnfd"), resource("tosca-vnfd-containerized.yaml"));
    String cnfId = createVnf(unique("it-co-cnf"), cnfdId, null);
    // a VM VNF with the OpenStack VIM's id
    String vnfdId = onboardScaledVnfd(unique("it-co-vnfd"), mgmt, data);
    JsonNode vnf = createActiveVnf(vnfdId, osVimId, demo);
    String vnfId = vnf.path("id").asText();

    JsonNode cnf = awaitOpenStackVnfSettled(cnfId);
    assertThat(cnf.path("status").asText())
        .as("CNF status (error_reason: %s)", cnf.path("error_reason"))
        .isEqualTo("ACTIVE");
    assertThat(cnf.path("vim_id").asText()).as("CNF vim_id (the default VIM)").isEqualTo(k8sVimId);
    assertThat(Sandbox.labelledObjects(k8s, cnfId)).as("cluster objects of the CNF").isNotEmpty();
    assertThat(cloud.stack(demo, stackName(cnfId))).as("Heat stack of the CNF").isEmpty();

    Deployed deployed = assertDeployed(demo, vnfId, 2, mgmt, data);
    assertThat(Sandbox.labelledObjects(k8s, vnfId)).as("cluster objects of the VM VNF").isEmpty();

    deleteOpenStackVnfAndAwaitGone(vnfId);
    deleteVnfAndAwaitGone(cnfId);
    awaitNothingLabelled(cnfId);
    assertNothingLeftInCloud(demo, vnfId, deployed.serverIds(), mgmt, data);
  }

  // ------------------------------------------------------------------ cloud checks

  /**
   * The stack {@code nfvflow-<vnfId>} is CREATE_COMPLETE with the nfvflow tags, and holds {@code
   * servers} ACTIVE servers with exactly one bound port on each of {@code networks}.
   */
  private Deployed assertDeployed(
      Credentials project, String vnfId, int servers, TestNetwork... networks) {
    Stack stack =
        cloud
            .stack(project, stackName(vnfId))
            .orElseThrow(
                () -> new AssertionError("no Heat stack " + stackName(vnfId) + " in " + project));
    assertThat(stack.getStatus())
        .as("status of stack %s (%s)", stack.getName(), stack.getStackStatusReason())
        .isEqualTo("CREATE_COMPLETE");
    assertThat(stack.getTags())
        .as("tags of stack %s", stack.getName())
        .contains("nfvflow", "nfvflow-vnf-" + vnfId);

    List<String> serverIds = cloud.resourceIds(project, stack, SERVER);
    assertThat(serverIds).as("%s resources of stack %s", SERVER, stack.getName()).hasSize(servers);
    Set<String> networkIds = new HashSet<>();
    for (TestNetwork network : networks) {
      networkIds.add(network.id());
    }
    List<Port> ports = new ArrayList<>();
    for (String serverId : serverIds) {
      Server server = cloud.server(serverId);
      assertThat(server).as("server %s", serverId).isNotNull();
      assertThat(server.getStatus())
          .as("status of server %s", server.getName())
          .isEqualTo(Server.Status.ACTIVE);
      List<? extends Port> own = cloud.portsOf(serverId);
      assertThat(own.stream().map(Port::getNetworkId))
          .as("networks of the ports of server %s", server.getName())
          .containsExactlyInAnyOrderElementsOf(networkIds);
      for (Port port : own) {
        assertThat(port.getVifType())
            .as("binding:vif_type of port %s", describe(port))
            .isNotNull()
            .isNotIn(UNBOUND);
        assertThat(addresses(port)).as("addresses of port %s", describe(port)).isNotEmpty();
      }
      ports.addAll(own);
    }
    return new Deployed(stack, serverIds, ports);
  }

  /** The addresses of those ports that are on {@code network}. */
  private static List<String> addressesOn(List<Port> ports, TestNetwork network) {
    return ports.stream()
        .filter(p -> network.id().equals(p.getNetworkId()))
        .flatMap(p -> addresses(p).stream())
        .toList();
  }

  private void assertResourcesListed(String vnfId, Deployed deployed) {
    TackerApi.Response answer = api.get("/v1.0/vnfs/" + vnfId + "/resources");
    assertThat(answer.status()).as("GET resources: %s", answer).isEqualTo(200);
    JsonNode resources = answer.at("/resources");
    assertThat(resources.isArray()).as("resources array in %s", answer).isTrue();
    for (JsonNode r : resources) {
      assertThat(r.path("name").asText()).as("name of %s", r).isNotBlank();
      assertThat(r.path("type").asText()).as("type of %s", r).isNotBlank();
    }
    List<String> servers = idsOfType(resources, SERVER);
    List<String> ports = idsOfType(resources, PORT);
    assertThat(servers)
        .as("%s in %s", SERVER, answer)
        .containsExactlyInAnyOrderElementsOf(deployed.serverIds());
    assertThat(ports)
        .as("%s in %s", PORT, answer)
        .containsAll(deployed.ports().stream().map(Port::getId).toList());
  }

  private static List<String> idsOfType(JsonNode resources, String type) {
    List<String> ids = new ArrayList<>();
    for (JsonNode r : resources) {
      if (type.equals(r.path("type").asText())) {
        ids.add(r.path("id").asText());
      }
    }
    return ids;
  }

  private void assertDeleted(String path) {
    TackerApi.Response deleted = api.delete(path);
    assertThat(deleted.status()).as("DELETE %s: %s", path, deleted).isEqualTo(204);
    TackerApi.Response gone = api.get(path);
    assertThat(gone.status()).as("GET %s after delete: %s", path, gone).isEqualTo(404);
    assertThat(gone.text("/TackerError/type")).as("TackerError in %s", gone).isNotBlank();
  }

  /** Onboards the scaled two-network VM VNFD on the sandbox's image and flavor. */
  private String onboardScaledVnfd(String name, TestNetwork mgmt, TestNetwork data) {
    return onboardVnfd(name, scaledVnfd(mgmt, data));
  }
}
