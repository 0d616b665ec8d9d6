package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * Network services through the API: NSDs, an NS's members created and removed together by the NS
 * workflows, its failures, and the rules that keep members with their NS. The VIM is the fake one
 * and networking-sfc steps are mocks; the ITs run the same against the real sandboxes.
 */
class NsApiTest extends ChainApiTestSupport {

  /** A CNF VNFD written for substitution: node type, a requirement and a forwarder. */
  static String substitutableVnfd(String name, String nodeType, String cp, String image) {
    return """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        description: NS member %s
        metadata: {template_name: %s}
        node_types:
          %s:
            requirements:
              - virtualLink1: {type: tosca.nodes.nfv.VL, required: true}
            capabilities:
              forwarder1: {type: tosca.capabilities.nfv.Forwarder}
        topology_template:
          substitution_mappings:
            node_type: %s
            requirements:
              virtualLink1: [CPX, virtualLink]
            capabilities:
              forwarder1: [%s, forwarder]
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
                mapping_ports: ["80:8080"]
                vnfcs:
                  web: {image: %s, num_cpus: 0.1, mem_size: 64 MB}
            %s:
              type: tosca.nodes.nfv.CP.Tacker
              properties: {anti_spoofing_protection: false}
              requirements:
                - virtualLink: {node: VL1}
                - virtualBinding: {node: VDU1}
            CPX:
              type: tosca.nodes.nfv.CP.Tacker
              requirements:
                - virtualLink: {node: VL1}
                - virtualBinding: {node: VDU1}
            VL1:
              type: tosca.nodes.nfv.VL
              properties: {network_name: chain-net, vendor: Tacker}
        """
        .formatted(name, name, nodeType, nodeType, cp, image, cp);
  }

  static final String NSD =
      """
      tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
      description: two CNFs and a chain
      imports: [%s, %s]
      topology_template:
        inputs:
          net_name: {type: string, default: ns-net}
          src_port: {type: string}
        node_templates:
          VNF1:
            type: %s
            requirements:
              - virtualLink1: VL1
          VNF2:
            type: %s
            requirements:
              - virtualLink1: VL1
          VL1:
            type: tosca.nodes.nfv.VL
            properties:
              network_name: {get_input: net_name}
              vendor: tacker
          Forwarding_path1:
            type: tosca.nodes.nfv.FP.TackerV2
            properties:
              id: %d
              policy:
                type: ACL
                criteria:
                  - name: web
                    classifier:
                      network_src_port_id: {get_input: src_port}
                      destination_port_range: %d-%d
                      ip_proto: 6
              path:
                - {forwarder: %s, capability: CP12}
                - {forwarder: %s, capability: CP22}
        groups:
          VNFFG1:
            type: tosca.groups.nfv.VNFFG
            description: web traffic through both
            properties:
              vendor: tacker
              version: 1.0
              number_of_endpoints: 2
              dependent_virtual_link: [VL1, VL1]
              connection_point: [CP12, CP22]
              constituent_vnfs: [%s, %s]
            members: [Forwarding_path1]
      """;

  static final String SRC_PORT = "640dfd77-c92b-45a3-b8fc-22712de480e1";

  record Service(String nsd, String vnfd1, String vnfd2) {}

  /** Two VNFDs (the second with {@code image2}) and an NSD chaining them. */
  Service onboarded(int pathId, String image2) throws Exception {
    String d1 = unique("nsvnfd1");
    String d2 = unique("nsvnfd2");
    String t1 = "tosca.nodes.nfv." + d1;
    String t2 = "tosca.nodes.nfv." + d2;
    onboard(d1, substitutableVnfd(d1, t1, "CP12", "nginx"));
    onboard(d2, substitutableVnfd(d2, t2, "CP22", image2));
    String nsd = unique("nsd");
    Answer a =
        onboardNsd(nsd, NSD.formatted(d1, d2, t1, t2, pathId, pathId, pathId, d1, d2, d1, d2));
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return new Service(a.body().path("nsd").path("id").asText(), d1, d2);
  }

  Answer onboardNsd(String name, String yaml) throws Exception {
    JsonNode tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
    return post(
        "/v1.0/nsds",
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .set(
                    "nsd",
                    JSON.createObjectNode()
                        .put("name", name)
                        .set("attributes", JSON.createObjectNode().set("nsd", tree)))));
  }

  Answer createNs(String name, String nsdId, String paramValues) throws Exception {
    return post(
        "/v1.0/nss",
        """
        {"ns": {"name": "%s", "nsd_id": "%s", "vim_id": "%s",
          "attributes": {"param_values": %s}}}
        """
            .formatted(name, nsdId, vim, paramValues));
  }

  static String params() {
    return "{\"nsd\": {\"src_port\": \"%s\"}}".formatted(SRC_PORT);
  }

  JsonNode ns(String id) throws Exception {
    return get("/v1.0/nss/" + id).body().path("ns");
  }

  void awaitNs(String id, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ns(id).path("status").asText(), status::equals);
  }

  void awaitNsGone(String id) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> get("/v1.0/nss/" + id).status() == 404);
  }

  /** Tacker's {@code "{'VNF1': '<id>'}"} read back into node → id. */
  static java.util.Map<String, String> dict(String repr) {
    java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("'([^']+)': '([^']+)'").matcher(repr);
    while (m.find()) {
      map.put(m.group(1), m.group(2));
    }
    return map;
  }

  @Test
  void anNsdHasTackersKeysAndItsImportsMustBeSubstitutableVnfds() throws Exception {
    Service s = onboarded(71, "nginx");
    JsonNode nsd = get("/v1.0/nsds/" + s.nsd()).body().path("nsd");
    assertThat(nsd.path("attributes").path("nsd").isTextual()).isTrue();
    assertThat(nsd.path("attributes").path("nsd").asText()).contains("imports:", s.vnfd1());
    assertThat(nsd.path("description").asText()).isEqualTo("two CNFs and a chain");
    assertThat(nsd.path("template_source").asText()).isEqualTo("onboarded");
    assertThat(get("/v1.0/nsds?template_source=onboarded").body().path("nsds").size())
        .isGreaterThan(0);

    String plain = unique("plain");
    onboard(plain, containerVnfd("nginx").replace("test CNF", "plain"));
    Answer refused =
        onboardNsd(
            unique("nsd"),
            """
            tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
            imports: [not-onboarded-vnfd, %s]
            topology_template:
              node_templates:
                VNF1: {type: tosca.nodes.nfv.VNF1}
            """
                .formatted(plain));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body().path("TackerError").path("message").asText())
        .contains("'not-onboarded-vnfd' is not onboarded")
        .contains("'%s' has no topology_template.substitution_mappings".formatted(plain));
  }

  @Test
  void anNsGoesActiveWithEveryMemberAndItsDeleteRemovesThemAll() throws Exception {
    Service s = onboarded(72, "nginx");
    String name = unique("ns");
    Answer created = createNs(name, s.nsd(), params());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode answer = created.body().path("ns");
    assertThat(answer.path("status").asText()).isEqualTo("PENDING_CREATE");
    assertThat(answer.has("vnf_ids")).isTrue();
    String id = answer.path("id").asText();
    awaitNs(id, "ACTIVE");

    JsonNode ns = ns(id);
    assertThat(ns.path("nsd_id").asText()).isEqualTo(s.nsd());
    assertThat(ns.path("vim_id").asText()).isEqualTo(vim);
    assertThat(ns.path("error_reason").isNull()).isTrue();
    java.util.Map<String, String> vnfIds = dict(ns.path("vnf_ids").asText());
    assertThat(vnfIds).containsOnlyKeys("VNF1", "VNF2");
    java.util.Map<String, String> vnffgIds = dict(ns.path("vnffg_ids").asText());
    assertThat(vnffgIds).containsOnlyKeys("VNFFG1");
    assertThat(ns.path("mgmt_ip_addresses").asText()).startsWith("{'VNF1': {");

    JsonNode vnf1 = vnf(vnfIds.get("VNF1"));
    assertThat(vnf1.path("name").asText()).isEqualTo(name + "_VNF1");
    assertThat(vnf1.path("status").asText()).isEqualTo("ACTIVE");
    // the NSD's VL (network from the input's default) is bound to the VNFD's requirement
    assertThat(vnf1.path("attributes").path("param_values").asText())
        .contains("substitution_mappings", "ns-net");
    JsonNode vnffg = get("/v1.0/vnffgs/" + vnffgIds.get("VNFFG1")).body().path("vnffg");
    assertThat(vnffg.path("name").asText()).isEqualTo(name + "_VNFFG1");
    assertThat(vnffg.path("ns_id").asText()).isEqualTo(id);
    assertThat(vnffg.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(vnffg.path("vnf_mapping").toString())
        .contains(vnfIds.get("VNF1"), vnfIds.get("VNF2"));

    // members go with their NS only; the NSD is in use
    Answer vnfDelete = delete("/v1.0/vnfs/" + vnfIds.get("VNF2"));
    assertThat(vnfDelete.status()).as(vnfDelete.toString()).isEqualTo(409);
    assertThat(vnfDelete.body().path("TackerError").path("message").asText())
        .contains("member of NS " + id);
    Answer vnffgDelete = delete("/v1.0/vnffgs/" + vnffgIds.get("VNFFG1"));
    assertThat(vnffgDelete.status()).as(vnffgDelete.toString()).isEqualTo(409);
    assertThat(delete("/v1.0/nsds/" + s.nsd()).status()).isEqualTo(409);
    assertThat(get("/v1.0/nss?name=" + name).body().path("nss").size()).isEqualTo(1);

    Answer deleted = delete("/v1.0/nss/" + id);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    awaitNsGone(id);
    assertThat(get("/v1.0/vnfs/" + vnfIds.get("VNF1")).status()).isEqualTo(404);
    assertThat(get("/v1.0/vnfs/" + vnfIds.get("VNF2")).status()).isEqualTo(404);
    assertThat(get("/v1.0/vnffgs/" + vnffgIds.get("VNFFG1")).status()).isEqualTo(404);
    assertThat(fakeVim.applied).doesNotContainKeys(vnfIds.get("VNF1"), vnfIds.get("VNF2"));
    // the chain was removed before the VNFs it chained
    Mockito.verify(deletePortChains, Mockito.atLeastOnce()).execute(Mockito.any());

    JsonNode events = get("/v1.0/events?resource_id=" + id).body().path("events");
    assertThat(events.toString())
        .contains("VNF VNF1 (" + name + "_VNF1)", "VNFFG VNFFG1 (" + name + "_VNFFG1)");
    assertThat(delete("/v1.0/nsds/" + s.nsd()).status()).isEqualTo(204);
  }

  @Test
  void aFailingVnfMakesTheNsErrorNamingItAndRemovesEveryMember() throws Exception {
    Service s = onboarded(73, "crash-loop");
    String name = unique("ns");
    String id = createNs(name, s.nsd(), params()).body().path("ns").path("id").asText();
    awaitNs(id, "ERROR");
    JsonNode ns = ns(id);
    assertThat(ns.path("error_reason").asText())
        .contains("VNF VNF2 (" + name + "_VNF2) failed")
        .contains("crash-loop");
    // the members it had are gone, so it names none
    assertThat(ns.path("vnf_ids").isNull()).as(ns.toString()).isTrue();
    assertThat(get("/v1.0/vnfs?name=" + name + "_VNF1").body().path("vnfs").size()).isZero();
    assertThat(get("/v1.0/vnfs?name=" + name + "_VNF2").body().path("vnfs").size()).isZero();
    assertThat(get("/v1.0/vnffgs?name=" + name + "_VNFFG1").body().path("vnffgs").size()).isZero();
    // an NS in ERROR is deleted like any other
    assertThat(delete("/v1.0/nss/" + id).status()).isEqualTo(204);
    awaitNsGone(id);
  }

  @Test
  void aFailingVnffgMakesTheNsErrorAndRemovesItsVnfs() throws Exception {
    Service s = onboarded(74, "nginx");
    Mockito.doThrow(new BpmnError("VIM_REJECTED", "Flow Classifier conflicts with another"))
        .when(applyFlowClassifiers)
        .execute(Mockito.any());
    try {
      String name = unique("ns");
      String id = createNs(name, s.nsd(), params()).body().path("ns").path("id").asText();
      awaitNs(id, "ERROR");
      assertThat(ns(id).path("error_reason").asText())
          .contains("VNFFG VNFFG1 (" + name + "_VNFFG1) failed")
          .contains("Flow Classifier conflicts");
      assertThat(get("/v1.0/vnfs?name=" + name + "_VNF1").body().path("vnfs").size()).isZero();
      assertThat(get("/v1.0/vnffgs?name=" + name + "_VNFFG1").body().path("vnffgs").size())
          .isZero();
    } finally {
      Mockito.reset(applyFlowClassifiers);
    }
  }

  @Test
  void badRequestsNameEveryProblemAndCreateNothing() throws Exception {
    Service s = onboarded(75, "nginx");
    String name = unique("ns");
    Answer a =
        createNs(
            name,
            s.nsd(),
            "{\"nsd\": {}, \"vims\": {\"VNF9\": \"%s\", \"VNF2\": \"no-such-vim\"}}"
                .formatted(vim));
    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.body().path("TackerError").path("message").asText()).contains("src_port");

    a =
        createNs(
            name,
            s.nsd(),
            "{\"nsd\": {\"src_port\": \"%s\"}, \"vims\": {\"VNF9\": \"%s\", \"VNF2\": \"no-such-vim\"}}"
                .formatted(SRC_PORT, vim));
    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.body().path("TackerError").path("message").asText())
        .contains("param_values.vims.VNF9")
        .contains("VIM 'no-such-vim' does not exist");
    assertThat(createNs(name, "no-such-nsd", params()).status()).isEqualTo(400);
    assertThat(get("/v1.0/nss?name=" + name).body().path("nss").size()).isZero();
    assertThat(get("/v1.0/vnfs?name=" + name + "_VNF1").body().path("vnfs").size()).isZero();

    String id = createNs(name, s.nsd(), params()).body().path("ns").path("id").asText();
    Answer twice = createNs(name, s.nsd(), params());
    assertThat(twice.status()).isEqualTo(409);
    awaitNs(id, "ACTIVE");
    assertThat(delete("/v1.0/nss/" + id).status()).isEqualTo(204);
    awaitNsGone(id);
  }

  static java.nio.file.Path tackerSamples() {
    return java.nio.file.Path.of("..", "tosca", "src", "test", "resources", "tacker-8.0.0")
        .resolve("samples/tosca-templates");
  }

  @Test
  void everyTackerNsdSampleOnboardsOnceItsVnfdsAreOnboarded() throws Exception {
    java.nio.file.Path samples = tackerSamples();
    // the names each NSD imports, and the files that hold those VNFDs
    String[][] vnfds = {
      {"sample-tosca-vnfd1", "nsd/sample-tosca-vnfd1.yaml"},
      {"sample-tosca-vnfd2", "nsd/sample-tosca-vnfd2.yaml"},
      {"sample2-tosca-vnfd1", "nsd/sample2-tosca-vnfd1.yaml"},
      {"sample2-tosca-vnfd2", "nsd/sample2-tosca-vnfd2.yaml"},
      {"sample-vnfd1", "vnffg-nsd/tosca-vnfd1-sample.yaml"},
      {"sample-vnfd2", "vnffg-nsd/tosca-vnfd2-sample.yaml"}
    };
    for (String[] vnfd : vnfds) {
      onboard(vnfd[0], java.nio.file.Files.readString(samples.resolve(vnfd[1])));
    }
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (String nsd :
        new String[] {
          "nsd/sample-tosca-nsd.yaml",
          "nsd/sample2-tosca-nsd.yaml",
          "vnffg-nsd/tosca-single-vnffg-nsd.yaml",
          "vnffg-nsd/tosca-multiple-vnffg-nsd.yaml"
        }) {
      Answer a =
          onboardNsd(unique("tacker-nsd"), java.nio.file.Files.readString(samples.resolve(nsd)));
      assertThat(a.status()).as(nsd + ": " + a).isEqualTo(201);
      ids.add(a.body().path("nsd").path("id").asText());
    }
    // Tacker's VM VNFDs cannot run on a VIM that runs containers: refused before anything exists,
    // naming each node and how to place it
    String nsd = ids.get(0); // sample-tosca-nsd
    Answer refused =
        post(
            "/v1.0/nss",
            """
            {"ns": {"name": "%s", "nsd_id": "%s", "vim_id": "%s", "attributes": {"param_values":
              {"nsd": {"vl1_name": "net_mgmt", "vl2_name": "net0"}}}}}
            """
                .formatted(unique("ns"), nsd, vim));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body().path("TackerError").path("message").asText())
        .contains("VNF node VNF1 (VNFD 'sample-tosca-vnfd1') cannot run on VIM")
        .contains("VNF node VNF2 (VNFD 'sample-tosca-vnfd2') cannot run on VIM")
        .contains("param_values.vims.VNF1");
  }

  @Test
  void aVnfdWithoutItsNetworkFromAnNsCannotBeCreatedAlone() throws Exception {
    String vnfd =
        onboard(
            unique("alone"),
            java.nio.file.Files.readString(
                tackerSamples().resolve("vnffg-nsd/tosca-vnfd1-sample.yaml")));
    Answer a = createVnf(unique("vnf"), vnfd, vim);
    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.body().path("TackerError").path("message").asText())
        .contains("CP11")
        .contains("requirement virtualLink1");
  }

  @Test
  void aRunningNsIsDeletedOnlyWithForceWhichCancelsItAndRemovesItsMembers() throws Exception {
    Service s = onboarded(76, "never-ready");
    String name = unique("ns");
    String id = createNs(name, s.nsd(), params()).body().path("ns").path("id").asText();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> dict(ns(id).path("vnf_ids").asText()).size() == 2);
    awaitStatus(dict(ns(id).path("vnf_ids").asText()).get("VNF1"), "ACTIVE");
    assertThat(ns(id).path("status").asText()).isEqualTo("PENDING_CREATE");

    Answer refused = delete("/v1.0/nss/" + id);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.body().path("TackerError").path("message").asText())
        .contains("is running", "force");

    Answer forced =
        call(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/v1.0/nss/" + id)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"ns\": {\"attributes\": {\"force\": true}}}"));
    assertThat(forced.status()).as(forced.toString()).isEqualTo(204);
    awaitNsGone(id);
    assertThat(get("/v1.0/vnfs?name=" + name + "_VNF1").body().path("vnfs").size()).isZero();
    assertThat(get("/v1.0/vnfs?name=" + name + "_VNF2").body().path("vnfs").size()).isZero();
  }
}
