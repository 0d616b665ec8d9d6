package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.engine.vnf.InstantiatedState;
import io.nfvflow.engine.vnf.VimChangeRouter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * VNFFGs through the API: every answer and status move, with the networking-sfc steps replaced by
 * mocks (the real ones run against the OpenStack sandbox in the VNFFG ITs).
 */
class VnffgApiTest extends ChainApiTestSupport {

  @Autowired ApplicationEventPublisher publisher;

  @Autowired InstantiatedState state;

  static String cnfVnfd(String name, String cp) {
    return """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        description: chained CNF
        metadata: {template_name: %s}
        topology_template:
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
                mapping_ports: ["80:8080"]
                vnfcs:
                  web: {image: nginx, num_cpus: 0.1, mem_size: 64 MB}
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
        .formatted(name, cp);
  }

  static final String VNFFGD =
      """
      tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
      description: two VNFs
      topology_template:
        node_templates:
          Forwarding_path1:
            type: tosca.nodes.nfv.FP.TackerV2
            properties:
              id: %d
              policy:
                type: ACL
                criteria:
                  - name: web
                    classifier:
                      network_src_port_id: 640dfd77-c92b-45a3-b8fc-22712de480e1
                      destination_port_range: %d-%d
                      ip_proto: 6
              path:
                - {forwarder: %s, capability: CP12}
                - {forwarder: %s, capability: CP22}
        groups:
          VNFFG1:
            type: tosca.groups.nfv.VNFFG
            properties:
              vendor: tacker
              version: 1.0
              number_of_endpoints: 2
              dependent_virtual_link: [VL1, VL1]
              connection_point: [CP12, CP22]
              constituent_vnfs: [%s, %s]
            members: [Forwarding_path1]
      """;

  record Chain(String vnffgd, String vnf1, String vnf2, String vnfd1, String vnfd2) {}

  Chain chain(int pathId) throws Exception {
    String d1 = unique("VNFD1");
    String d2 = unique("VNFD2");
    onboard(d1, cnfVnfd(d1, "CP12"));
    onboard(d2, cnfVnfd(d2, "CP22"));
    String vnf1 = unique("vnf1");
    String vnf2 = unique("vnf2");
    awaitStatus(createdVnf(vnf1, d1), "ACTIVE");
    awaitStatus(createdVnf(vnf2, d2), "ACTIVE");
    String vnffgd = unique("vnffgd");
    Answer a = onboardVnffgd(vnffgd, VNFFGD.formatted(pathId, pathId, pathId, d1, d2, d1, d2));
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return new Chain(vnffgd, vnf1, vnf2, d1, d2);
  }

  private String createdVnf(String name, String vnfd) throws Exception {
    String vnfdId = get("/v1.0/vnfds?name=" + vnfd).body().path("vnfds").get(0).path("id").asText();
    return createVnf(name, vnfdId, vim).body().path("vnf").path("id").asText();
  }

  Answer onboardVnffgd(String name, String yaml) throws Exception {
    JsonNode tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
    return post(
        "/v1.0/vnffgds",
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .set(
                    "vnffgd",
                    JSON.createObjectNode()
                        .put("name", name)
                        .set("template", JSON.createObjectNode().set("vnffgd", tree)))));
  }

  Answer createVnffg(String name, Chain c, String mapping) throws Exception {
    String vnffgdId =
        get("/v1.0/vnffgds?name=" + c.vnffgd()).body().path("vnffgds").get(0).path("id").asText();
    return post(
        "/v1.0/vnffgs",
        """
        {"vnffg": {"name": "%s", "vnffgd_id": "%s", "symmetrical": false, "attributes": {},
          "vnf_mapping": %s}}
        """
            .formatted(name, vnffgdId, mapping));
  }

  JsonNode vnffg(String id) throws Exception {
    return get("/v1.0/vnffgs/" + id).body().path("vnffg");
  }

  void awaitVnffg(String id, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> vnffg(id).path("status").asText(), status::equals);
  }

  @Test
  void createShowsTackersKeysAndGoesActive() throws Exception {
    Chain c = chain(4101);
    Answer a = createVnffg(unique("fg"), c, mapping(c));
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    JsonNode fg = a.body().path("vnffg");
    assertThat(fg.path("status").asText()).isEqualTo("PENDING_CREATE");
    String id = fg.path("id").asText();
    awaitVnffg(id, "ACTIVE");
    JsonNode shown = vnffg(id);
    assertThat(shown.path("vnf_mapping").path(c.vnfd1()).asText()).hasSize(36);
    assertThat(shown.path("attributes").path("vnffgd").isObject()).isTrue();
    String nfpId = shown.path("forwarding_paths").asText();
    JsonNode nfp = get("/v1.0/nfps/" + nfpId).body().path("nfp");
    assertThat(nfp.path("name").asText()).isEqualTo("Forwarding_path1");
    assertThat(nfp.path("path_id").asText()).isEqualTo("4101");
    assertThat(nfp.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(nfp.path("classifier_ids")).hasSize(1);
    String classifierId = nfp.path("classifier_ids").get(0).asText();
    JsonNode classifier = get("/v1.0/classifiers/" + classifierId).body().path("classifier");
    assertThat(classifier.path("name").asText()).isEqualTo("web");
    assertThat(classifier.path("match").path("destination_port_min").asInt()).isEqualTo(4101);
    assertThat(classifier.path("nfp_id").asText()).isEqualTo(nfpId);
    JsonNode sfc = get("/v1.0/sfcs/" + nfp.path("chain_id").asText()).body().path("sfc");
    assertThat(sfc.path("nfp_id").asText()).isEqualTo(nfpId);
    assertThat(get("/v1.0/vnffgs").body().path("vnffgs").size()).isGreaterThan(0);
    assertThat(get("/v1.0/nfps").body().path("nfps").size()).isGreaterThan(0);
    assertThat(get("/v1.0/sfcs").body().path("sfcs").size()).isGreaterThan(0);
    assertThat(get("/v1.0/classifiers").body().path("classifiers").size()).isGreaterThan(0);
    JsonNode events = get("/v1.0/events?resource_type=vnffg&resource_id=" + id).body();
    assertThat(events.toString()).contains("PENDING_CREATE").contains("ACTIVE");
  }

  @Test
  void aChainedVnfCannotBeDeletedAndDeleteRemovesTheVnffg() throws Exception {
    Chain c = chain(4102);
    String id = activeVnffg(c);
    String vnf1 = vnfId(c.vnf1());
    Answer vimInUse = delete("/v1.0/vims/" + vim);
    assertThat(vimInUse.status()).isEqualTo(409);
    assertThat(vimInUse.error().path("message").asText()).contains("holds the chains of VNFFG");
    Answer refused = delete("/v1.0/vnfs/" + vnf1);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.error().path("message").asText()).contains(c.vnf1()).contains("VNFFG");
    assertThat(delete("/v1.0/vnffgs/" + id).status()).isEqualTo(204);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/v1.0/vnffgs/" + id).status() == 404);
    Mockito.verify(deletePortChains, Mockito.atLeastOnce()).execute(Mockito.any());
    assertThat(delete("/v1.0/vnfs/" + vnf1).status()).isEqualTo(204);
  }

  @Test
  void everyMappingProblemIsNamedInOneAnswer() throws Exception {
    Chain c = chain(4103);
    Answer a =
        createVnffg(
            unique("fg"),
            c,
            "{\"%s\": \"no-such-vnf\", \"%s\": \"%s\", \"NOT_A_VNFD\": \"x\"}"
                .formatted(c.vnfd1(), c.vnfd2(), c.vnf1()));
    assertThat(a.status()).isEqualTo(400);
    String message = a.error().path("message").asText();
    assertThat(message)
        .contains("NOT_A_VNFD")
        .contains("no-such-vnf")
        .contains(c.vnf1() + " is an instance of VNFD " + c.vnfd1());
  }

  @Test
  void aDuplicatePathIdAndAChainedPortAreConflicts() throws Exception {
    Chain c = chain(4104);
    String mapping = mapping(c);
    String id = createVnffg(unique("fg"), c, mapping).body().path("vnffg").path("id").asText();
    awaitVnffg(id, "ACTIVE");
    Answer again = createVnffg(unique("fg"), c, mapping);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error().path("message").asText())
        .contains("path id 4104")
        .contains("chained by VNFFG")
        .contains("overlaps classifier web");
  }

  @Test
  void aFailedCreateIsErrorWithTheReasonAndRemovesWhatItMade() throws Exception {
    Chain c = chain(4105);
    doAnswer(
            inv -> {
              throw new BpmnError("VIM_REJECTED", "Flow classifier conflicts with another");
            })
        .when(applyPortChains)
        .execute(Mockito.any());
    try {
      String id = createVnffg(unique("fg"), c, mapping(c)).body().path("vnffg").path("id").asText();
      awaitVnffg(id, "ERROR");
      assertThat(vnffg(id).path("error_reason").asText()).contains("conflicts with another");
      Mockito.verify(deleteFlowClassifiers, Mockito.atLeastOnce()).execute(Mockito.any());
      assertThat(delete("/v1.0/vnffgs/" + id).status()).isEqualTo(204);
    } finally {
      Mockito.reset(applyPortChains);
    }
  }

  @Test
  void theChainFollowsAHealedInstanceWithAnAutomaticUpdate() throws Exception {
    Chain c = chain(4106);
    String id = activeVnffg(c);
    String nfpId = vnffg(id).path("forwarding_paths").asText();
    String sfcId = get("/v1.0/nfps/" + nfpId).body().path("nfp").path("chain_id").asText();
    String before = get("/v1.0/sfcs/" + sfcId).body().path("sfc").path("chain").toString();
    assertThat(before).contains("CP12-1");
    String vnf1 = vnfId(c.vnf1());
    assertThat(
            post("/v1.0/vnfs/" + vnf1 + "/actions", "{\"heal\": {\"instances\": [\"VDU1-1\"]}}")
                .status())
        .isEqualTo(202);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> get("/v1.0/sfcs/" + sfcId).body().path("sfc").path("chain").toString(),
            chain -> chain.contains("CP12-1g1") && !chain.contains("CP12-1\""));
    awaitVnffg(id, "ACTIVE");
    JsonNode events = get("/v1.0/events?resource_type=vnffg&resource_id=" + id).body();
    assertThat(events.toString()).contains("follow the chained VNFs");
  }

  /**
   * A chained VNF's instances change while the chain follows an earlier change, after the port pair
   * group step planned (CI, 2026-12-02: a pod's Kuryr port that appeared during the follow of a
   * heal never joined its group, because the later port chain step recorded a newer plan than the
   * groups held). The chain follows again when the update ends.
   */
  @Test
  void aChangeWhileTheChainFollowsIsFollowedWhenTheUpdateEnds() throws Exception {
    Chain c = chain(4108);
    String id = activeVnffg(c);
    String vnf1 = vnfId(c.vnf1());
    List<List<String>> grouped = changeDuringTheNextGroupStep(vnf1, "CP12-1g2");

    replacePodOf(vnf1); // the first change: the chain follows it

    awaitGroupedAndActive(id, grouped, "CP12-1g2");
    assertThat(grouped.get(0).toString()).as("the first follow's groups").contains("CP12-1g1");
    assertChainShows(id, "CP12-1g2", "CP12-1g1");
    JsonNode events = get("/v1.0/events?resource_type=vnffg&resource_id=" + id).body();
    assertThat(events.toString().split("follow the chained VNFs", -1))
        .as("two automatic updates: %s", events)
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(events.toString())
        .contains("follow the chained VNFs: changes while an operation ran");
  }

  /** The same during the VNFFG's create: the chain follows when the create ends. */
  @Test
  void aChangeWhileTheChainIsCreatedIsFollowedWhenTheCreateEnds() throws Exception {
    Chain c = chain(4109);
    String vnf1 = vnfId(c.vnf1());
    List<List<String>> grouped = changeDuringTheNextGroupStep(vnf1, "CP12-1g1");

    String id = createVnffg(unique("fg"), c, mapping(c)).body().path("vnffg").path("id").asText();

    awaitGroupedAndActive(id, grouped, "CP12-1g1");
    assertThat(grouped.get(0)).as("the create's groups").allMatch(p -> p.endsWith("-CP12-1"));
    assertChainShows(id, "CP12-1g1", "CP12-1\"");
    JsonNode events = get("/v1.0/events?resource_type=vnffg&resource_id=" + id).body();
    // this reason, not "the instances of VNF … changed": the create's end, not a later look
    assertThat(events.toString())
        .contains("follow the chained VNFs: changes while an operation ran");
  }

  /** A VNFFG over the chain's two VNFs, once it is ACTIVE. */
  private String activeVnffg(Chain c) throws Exception {
    String id = createVnffg(unique("fg"), c, mapping(c)).body().path("vnffg").path("id").asText();
    awaitVnffg(id, "ACTIVE");
    return id;
  }

  private static String mapping(Chain c) {
    return "{\"%s\": \"%s\", \"%s\": \"%s\"}".formatted(c.vnfd1(), c.vnf1(), c.vnfd2(), c.vnf2());
  }

  private String vnfId(String name) throws Exception {
    return get("/v1.0/vnfs?name=" + name).body().path("vnfs").get(0).path("id").asText();
  }

  /**
   * From now on the port pair group step records the ports of the first hop it grouped (returned,
   * in order); in its next run, after planning, a pod of {@code vnfId} is replaced and the step
   * returns only once the VNF's instances show {@code port}.
   */
  private List<List<String>> changeDuringTheNextGroupStep(String vnfId, String port)
      throws Exception {
    List<List<String>> grouped = new CopyOnWriteArrayList<>();
    AtomicBoolean change = new AtomicBoolean(true);
    doAnswer(
            inv -> {
              ChainPlan plan = recordGroupsAsTheStepDoes(inv);
              grouped.add(
                  plan.paths().get(0).groups().get(0).pairs().stream()
                      .map(ChainPlan.Pair::ingressPort)
                      .toList());
              if (change.getAndSet(false)) {
                replacePodOf(vnfId); // after this step planned, before the next one
                Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> state.stored(vnfId).toString().contains(port));
              }
              return null;
            })
        .when(applyPortPairGroups)
        .execute(Mockito.any());
    return grouped;
  }

  private void awaitGroupedAndActive(String id, List<List<String>> grouped, String port) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !grouped.isEmpty()
                    && grouped.get(grouped.size() - 1).toString().contains(port)
                    && "ACTIVE".equals(vnffg(id).path("status").asText()));
  }

  private void assertChainShows(String id, String port, String gone) throws Exception {
    String nfpId = vnffg(id).path("forwarding_paths").asText();
    String sfcId = get("/v1.0/nfps/" + nfpId).body().path("nfp").path("chain_id").asText();
    assertThat(get("/v1.0/sfcs/" + sfcId).body().path("sfc").path("chain").toString())
        .as("the chain as shown")
        .contains(port)
        .doesNotContain(gone);
  }

  /**
   * A pod of the VNF is replaced on the fake VIM (new instance, new ports) and the watch says so.
   */
  private void replacePodOf(String vnfId) {
    fakeVim
        .generation
        .computeIfAbsent(vnfId, k -> new java.util.concurrent.atomic.AtomicInteger())
        .incrementAndGet();
    publisher.publishEvent(new VimChangeRouter.PortsChanged(vnfId));
  }

  @Test
  void anInlineTemplateMakesAnInlineVnffgdThatGoesWithTheVnffg() throws Exception {
    Chain c = chain(4107);
    String template =
        JSON.writeValueAsString(
            new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(
                    VNFFGD.formatted(
                        4108, 4108, 4108, c.vnfd1(), c.vnfd2(), c.vnfd1(), c.vnfd2())));
    String name = unique("inline");
    Answer a =
        post(
            "/v1.0/vnffgs",
            """
            {"vnffg": {"name": "%s", "vnffgd_template": %s, "symmetrical": false, "attributes": {},
              "vnf_mapping": {"%s": "%s", "%s": "%s"}}}
            """
                .formatted(name, template, c.vnfd1(), c.vnf1(), c.vnfd2(), c.vnf2()));
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    String id = a.body().path("vnffg").path("id").asText();
    String vnffgdId = a.body().path("vnffg").path("vnffgd_id").asText();
    awaitVnffg(id, "ACTIVE");
    JsonNode inline = get("/v1.0/vnffgds/" + vnffgdId).body().path("vnffgd");
    assertThat(inline.path("template_source").asText()).isEqualTo("inline");
    assertThat(inline.path("name").asText()).startsWith("inline-").endsWith("-" + name);
    assertThat(get("/v1.0/vnffgds?template_source=onboarded").body().toString())
        .doesNotContain(vnffgdId);
    assertThat(delete("/v1.0/vnffgs/" + id).status()).isEqualTo(204);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/v1.0/vnffgds/" + vnffgdId).status() == 404);
  }

  @Test
  void badBodiesAreRefusedNamingTheField() throws Exception {
    Answer noName = post("/v1.0/vnffgs", "{\"vnffg\": {\"vnffgd_id\": \"x\"}}");
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.error().path("message").asText()).contains("vnffg.name");
    Answer both =
        post(
            "/v1.0/vnffgs",
            "{\"vnffg\": {\"name\": \"a\", \"vnffgd_id\": \"x\", \"vnffgd_template\": {}}}");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.error().path("message").asText()).contains("vnffgd_id");
    Answer missing =
        post("/v1.0/vnffgs", "{\"vnffg\": {\"name\": \"a\", \"vnffgd_id\": \"nope\"}}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(get("/v1.0/vnffgs/nope").status()).isEqualTo(404);
    assertThat(get("/v1.0/nfps/nope").status()).isEqualTo(404);
  }
}
