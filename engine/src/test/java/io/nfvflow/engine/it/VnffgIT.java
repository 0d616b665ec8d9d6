package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.nfvflow.engine.it.NeutronSfc.Kind;
import io.nfvflow.engine.it.OpenStackCloud.Credentials;
import io.nfvflow.engine.it.OpenStackCloud.TestNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openstack4j.model.network.Port;

/**
 * Service function chains (VNFFGs, issue 8) on the real sandboxes: networking-sfc in the OpenStack
 * sandbox holds the chain, VM VNFs run on OpenStack (Heat) and container VNFs on Kubernetes, whose
 * pods get Neutron ports from {@code scripts/kuryr-standin.py} playing Kuryr's part.
 *
 * <ul>
 *   <li>a VM-only chain: port chain, PPGs in path order, pairs and classifier as described; a new
 *       VNF mapping swaps the hop's port pair in place; delete leaves nothing;
 *   <li>a mixed chain, a VM VNF then a CNF of 2 pods: the CNF's PPG holds a pair per pod and
 *       follows a scale-out (3 pairs) and a pod's heal (its pair replaced) by itself, with the
 *       delays printed as {@code FIGURE} lines;
 *   <li>a create that networking-sfc refuses (a classifier overlapping a foreign chain's): ERROR
 *       with networking-sfc's reason and nothing of the VNFFG left in Neutron.
 * </ul>
 *
 * <p>Every networking-sfc object nfvflow makes for a VNFFG carries {@code nfvflow.io/vnffg-id=<id>}
 * in its description: that is how the test finds them and proves none is left. Classifiers use a
 * random destination port range, so chains of parallel runs in the same project never overlap.
 */
class VnffgIT extends ChainTestBase {

  static final Duration CHAIN_TIMEOUT = Duration.ofMinutes(3);
  static final Duration FOLLOW_TIMEOUT = Duration.ofMinutes(2);
  static final Duration FAST_POLL = Duration.ofMillis(250);
  static final Random RANDOM = new Random();

  // ------------------------------------------------------------------ 1. VM-only chain

  @Test
  void aChainOfTwoVmVnfsIsBuiltInNeutronFollowsANewMappingAndLeavesNothingWhenDeleted() {
    Credentials demo = cloud.demo();
    TestNetwork net = network("it-chain-net", demo);
    Port source = sfc.sourcePort(demo, net, unique("it-chain-src"));
    String vimId = registerCloudVim(unique("it-chain-vim"), demo, false).path("id").asText();
    String vmYaml = vmVnfd(net);
    String vnfd1 = unique("it-chain-vnfd-a");
    String vnfd2 = unique("it-chain-vnfd-b");
    String vnfd1Id = onboardVnfd(vnfd1, vmYaml);
    String vnfd2Id = onboardVnfd(vnfd2, vmYaml);
    // three servers at once: the chain's two and the one the mapping update moves to
    String a = createOpenStackVnf(unique("it-chain-a"), vnfd1Id, vimId, demo);
    String b = createOpenStackVnf(unique("it-chain-b"), vnfd2Id, vimId, demo);
    String c = createOpenStackVnf(unique("it-chain-c"), vnfd2Id, vimId, demo);
    String portA = chainPort(awaitActive(a), "CP1");
    String portB = chainPort(awaitActive(b), "CP1");
    String portC = chainPort(awaitActive(c), "CP1");

    int low = 20000 + RANDOM.nextInt(40000);
    String vnffgdId =
        onboardVnffgd(
            unique("it-chain-vnffgd"),
            descriptor(
                "vnffgd-chain.yaml",
                Map.of(
                    "VNFD1",
                    vnfd1,
                    "CP1",
                    "CP1",
                    "VL1",
                    "VL1",
                    "VNFD2",
                    vnfd2,
                    "CP2",
                    "CP1",
                    "VL2",
                    "VL1",
                    "DST_PORTS",
                    low + "-" + (low + 9))));
    String vnffgId =
        createVnffg(
            unique("it-chain"),
            vnffgdId,
            Map.of(vnfd1, a, vnfd2, b),
            Map.of("net_src_port_id", source.getId()));
    JsonNode vnffg = awaitVnffgSettled(vnffgId);
    assertThat(vnffg.path("status").asText())
        .as("VNFFG status (error_reason: %s)", vnffg.path("error_reason"))
        .isEqualTo("ACTIVE");
    assertThat(vnffg.path("vnffgd_id").asText()).isEqualTo(vnffgdId);
    assertThat(vnffg.path("vnf_mapping").path(vnfd2).asText()).isEqualTo(b);

    // Neutron: one port chain, PPGs in path order, one pair per VM, the classifier's fields
    JsonNode chain = portChainOf(vnffgId);
    assertThat(pairPortsPerGroup(vnffgId, chain)).containsExactly(List.of(portA), List.of(portB));
    JsonNode fc = onlyClassifierOf(chain);
    assertThat(fc.path("logical_source_port").asText()).isEqualTo(source.getId());
    assertThat(fc.path("protocol").asText()).isEqualTo("tcp");
    assertThat(fc.path("ethertype").asText()).isEqualTo("IPv4");
    assertThat(fc.path("destination_port_range_min").asInt()).isEqualTo(low);
    assertThat(fc.path("destination_port_range_max").asInt()).isEqualTo(low + 9);
    assertThat(fc.path("description").asText()).contains(NeutronSfc.marker(vnffgId));
    assertApiMatchesNeutron(vnffgId, chain, fc, "ACTIVE");

    // a chained VNF cannot be deleted (Tacker allowed it and left a broken chain)
    TackerApi.Response refused = api.delete("/v1.0/vnfs/" + a);
    assertThat(refused.status()).as("delete a chained VNF: %s", refused).isEqualTo(409);
    assertThat(api.vnfStatus(a)).isEqualTo("ACTIVE");

    // vnffg-update --vnf-mapping VNFD2:c, as the CLI sends it: the hop's pair moves to c's port
    TackerApi.Response updated =
        api.put(
            "/v1.0/vnffgs/" + vnffgId,
            json(
                "{\"vnffg\": {\"vnf_mapping\": {\""
                    + vnfd2
                    + "\": \""
                    + c
                    + "\"},"
                    + " \"symmetrical\": false}}"));
    assertThat(updated.status()).as("update: %s", updated).isIn(200, 202);
    assertThat(updated.text("/vnffg/status")).as("update: %s", updated).isEqualTo("PENDING_UPDATE");
    vnffg = awaitVnffgSettled(vnffgId);
    assertThat(vnffg.path("status").asText())
        .as("VNFFG status after update (error_reason: %s)", vnffg.path("error_reason"))
        .isEqualTo("ACTIVE");
    assertThat(vnffg.path("vnf_mapping").path(vnfd2).asText()).isEqualTo(c);
    assertThat(vnffg.path("vnf_mapping").path(vnfd1).asText()).as("merged").isEqualTo(a);
    JsonNode after = portChainOf(vnffgId);
    assertThat(after.path("id").asText())
        .as("the same port chain")
        .isEqualTo(chain.path("id").asText());
    assertThat(after.path("chain_id").asInt())
        .as("chain_id")
        .isEqualTo(chain.path("chain_id").asInt());
    assertThat(pairPortsPerGroup(vnffgId, after)).containsExactly(List.of(portA), List.of(portC));
    assertThat(onlyClassifierOf(after).path("id").asText()).isEqualTo(fc.path("id").asText());
    assertThat(ownedPairPorts(vnffgId)).as("pairs left on b's port").doesNotContain(portB);

    // vnffg-delete: gone from the API, nothing with its marker in Neutron
    deleteVnffgAndAwaitGone(vnffgId);
    assertThat(sfc.anythingOwnedBy(vnffgId)).as("networking-sfc objects of the VNFFG").isEmpty();
    assertThat(sfc.get(demo, Kind.PORT_CHAIN, chain.path("id").asText())).isNull();
    deleteVnfsAndAwaitGone(a, b, c);
  }

  // ------------------------------------------------------------------ 2. VM + CNF chain

  @Test
  void aChainOfAVmVnfAndACnfFollowsTheCnfsScaleOutAndAPodsHeal() {
    Credentials demo = cloud.demo();
    TestNetwork net = network("it-mixed-net", demo);
    Port source = sfc.sourcePort(demo, net, unique("it-mixed-src"));
    String namespace = namespace("it-vnffg");
    String osVimId = registerCloudVim(unique("it-mixed-os"), demo, false).path("id").asText();
    String k8sVimId = registerKubernetesVimOnNeutron(unique("it-mixed-k8s"), osVimId);

    KuryrStandin kuryr = KuryrStandin.start(sandbox, cloud, namespace, net.id(), demo.project());
    afterTest(kuryr::close);
    afterTest(() -> System.out.println("kuryr-standin log:\n" + kuryr.log()));

    String vmVnfd = unique("it-mixed-vm");
    String cnfVnfd = unique("it-mixed-cnf");
    String vmVnfdId = onboardVnfd(vmVnfd, vmVnfd(net));
    String cnfVnfdId =
        onboardVnfd(
            cnfVnfd,
            descriptor("vnfd-chain-cnf.yaml", Map.of("CHAIN_NET", net.name()))
                .replace("namespace: default", "namespace: " + namespace));
    String vm = createOpenStackVnf(unique("it-mixed-vm"), vmVnfdId, osVimId, demo);
    String cnf = createVnf(unique("it-mixed-cnf"), cnfVnfdId, k8sVimId);
    String vmPort = chainPort(awaitActive(vm), "CP1");
    assertThat(awaitVnfSettled(cnf).path("status").asText()).as("CNF").isEqualTo("ACTIVE");
    Map<String, String> pods = awaitPodPorts(cnf, namespace, 2);

    int low = 20000 + RANDOM.nextInt(40000);
    String vnffgdId =
        onboardVnffgd(
            unique("it-mixed-vnffgd"),
            descriptor(
                "vnffgd-chain.yaml",
                Map.of(
                    "VNFD1",
                    vmVnfd,
                    "CP1",
                    "CP1",
                    "VL1",
                    "VL1",
                    "VNFD2",
                    cnfVnfd,
                    "CP2",
                    "CP2",
                    "VL2",
                    "VL2",
                    "DST_PORTS",
                    low + "-" + (low + 9))));
    String vnffgId =
        createVnffg(
            unique("it-mixed"),
            vnffgdId,
            Map.of(vmVnfd, vm, cnfVnfd, cnf),
            Map.of("net_src_port_id", source.getId()));
    JsonNode vnffg = awaitVnffgSettled(vnffgId);
    assertThat(vnffg.path("status").asText())
        .as("VNFFG status (error_reason: %s)", vnffg.path("error_reason"))
        .isEqualTo("ACTIVE");

    // one PPG per VNF, in path order; the CNF's holds one pair per pod
    JsonNode chain = portChainOf(vnffgId);
    List<List<String>> groups = pairPortsPerGroup(vnffgId, chain);
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0)).containsExactly(vmPort);
    assertThat(groups.get(1)).containsExactlyInAnyOrderElementsOf(pods.values());
    String cnfGroup = chain.path("port_pair_groups").get(1).asText();
    assertApiMatchesNeutron(vnffgId, chain, onlyClassifierOf(chain), "ACTIVE");

    // scale the CNF out to 3: its PPG gets the new pod's pair without anyone asking
    int updatesBefore = chainUpdates(vnffgId).size();
    assertThat(api.scale(cnf, "out", "SP1").status()).isEqualTo(202);
    awaitScaledFast(cnf, 3);
    Instant scaled = Instant.now();
    Map<String, String> three = awaitPodPorts(cnf, namespace, 3);
    await("the CNF's PPG follows the scale-out to 3 pods")
        .atMost(FOLLOW_TIMEOUT)
        .pollInterval(FAST_POLL)
        .until(() -> pairPorts(cnfGroup), ports -> sameElements(ports, three.values()));
    Instant followed = Instant.now();
    JsonNode updates =
        await("an UPDATE event of the VNFFG after the scale")
            .atMost(FOLLOW_TIMEOUT)
            .pollInterval(FAST_POLL)
            .until(() -> chainUpdates(vnffgId), u -> u.size() > updatesBefore && lastIsActive(u));
    Instant scaleEnded = lastEventAt(cnf, "SCALE");
    System.out.printf(
        "FIGURE vnffg scale-completed-to-ppg-updated-ms=%d (scale end event %s, PPG seen %s;"
            + " test saw the scale at %s) scale-end-to-vnffg-update-end-ms=%d%n",
        Duration.between(scaleEnded, followed).toMillis(),
        scaleEnded,
        followed,
        scaled,
        Duration.between(scaleEnded, eventAt(last(updates))).toMillis());
    JsonNode afterScale = portChainOf(vnffgId);
    assertThat(afterScale.path("id").asText())
        .as("not rebuilt")
        .isEqualTo(chain.path("id").asText());
    assertThat(afterScale.path("port_pair_groups").get(1).asText()).isEqualTo(cnfGroup);
    assertThat(pairPortsPerGroup(vnffgId, afterScale).get(0)).containsExactly(vmPort);
    assertThat(vnffgStatus(vnffgId)).isEqualTo("ACTIVE");

    // heal one pod: its pair is replaced by the new pod's
    String victim = three.keySet().iterator().next();
    String victimPort = three.get(victim);
    int updatesBeforeHeal = chainUpdates(vnffgId).size();
    TackerApi.Response heal =
        api.post(
            "/v1.0/vnfs/" + cnf + "/actions",
            json(
                "{\"heal\": {\"cause\": \"it: chained pod\", \"instances\": [\""
                    + victim
                    + "\"]}}"));
    assertThat(heal.status()).as("heal: %s", heal).isEqualTo(202);
    awaitHealed(cnf, 1, SETTLE_TIMEOUT);
    Instant healed = Instant.now();
    Map<String, String> afterHeal = awaitPodPorts(cnf, namespace, 3);
    assertThat(afterHeal).doesNotContainKey(victim);
    await("the CNF's PPG follows the heal of " + victim)
        .atMost(FOLLOW_TIMEOUT)
        .pollInterval(FAST_POLL)
        .until(() -> pairPorts(cnfGroup), ports -> sameElements(ports, afterHeal.values()));
    Instant healFollowed = Instant.now();
    assertThat(pairPorts(cnfGroup)).doesNotContain(victimPort);
    await("an UPDATE event of the VNFFG after the heal")
        .atMost(FOLLOW_TIMEOUT)
        .pollInterval(FAST_POLL)
        .until(() -> chainUpdates(vnffgId), u -> u.size() > updatesBeforeHeal && lastIsActive(u));
    System.out.printf(
        "FIGURE vnffg heal-completed-to-ppg-updated-ms=%d (heal end event %s, PPG seen %s;"
            + " test saw the heal at %s)%n",
        Duration.between(lastEventAt(cnf, "HEAL"), healFollowed).toMillis(),
        lastEventAt(cnf, "HEAL"),
        healFollowed,
        healed);
    assertThat(portChainOf(vnffgId).path("id").asText()).isEqualTo(chain.path("id").asText());

    // delete: nothing of the chain left in Neutron; then the VNFs go, and their pods' ports
    deleteVnffgAndAwaitGone(vnffgId);
    assertThat(sfc.anythingOwnedBy(vnffgId)).as("networking-sfc objects of the VNFFG").isEmpty();
    deleteVnfAndAwaitGone(cnf);
    deleteOpenStackVnfAndAwaitGone(vm);
    await("the stand-in removed the ports of the CNF's pods")
        .atMost(CLOUD_TIMEOUT)
        .pollInterval(OS_POLL)
        .until(
            () ->
                cloud.portsOn(net).stream()
                    .filter(p -> "compute:kuryr".equals(p.getDeviceOwner()))
                    .map(OpenStackTestBase::describe)
                    .toList(),
            List::isEmpty);
    assertThat(kuryr.alive()).as("the stand-in kept running").isTrue();
  }

  // ------------------------------------------------------------------ 3. refused create

  @Test
  void aCreateThatNetworkingSfcRefusesIsErrorWithItsReasonAndLeavesNothingInNeutron() {
    Credentials demo = cloud.demo();
    TestNetwork net = network("it-overlap-net", demo);
    Port source = sfc.sourcePort(demo, net, unique("it-overlap-src"));
    String vimId = registerCloudVim(unique("it-overlap-vim"), demo, false).path("id").asText();
    String vnfd = unique("it-overlap-vnfd");
    String vm =
        createOpenStackVnf(unique("it-overlap-vm"), onboardVnfd(vnfd, vmVnfd(net)), vimId, demo);

    // a foreign chain in the VIM's project, classifying the same source port and match
    int low = 20000 + RANDOM.nextInt(40000);
    Port foreignSf = sfc.boundPort(demo, net, unique("it-foreign-sf"));
    JsonNode foreignFc =
        foreign(
            demo,
            Kind.FLOW_CLASSIFIER,
            json(
                "{\"name\": \""
                    + unique("it-foreign-fc")
                    + "\", \"ethertype\": \"IPv4\","
                    + " \"protocol\": \"tcp\", \"logical_source_port\": \""
                    + source.getId()
                    + "\","
                    + " \"destination_port_range_min\": "
                    + low
                    + ","
                    + " \"destination_port_range_max\": "
                    + (low + 9)
                    + "}"));
    JsonNode foreignPair =
        foreign(
            demo,
            Kind.PORT_PAIR,
            json(
                "{\"name\": \""
                    + unique("it-foreign-pp")
                    + "\", \"ingress\": \""
                    + foreignSf.getId()
                    + "\", \"egress\": \""
                    + foreignSf.getId()
                    + "\"}"));
    JsonNode foreignGroup =
        foreign(
            demo,
            Kind.PORT_PAIR_GROUP,
            json(
                "{\"name\": \""
                    + unique("it-foreign-ppg")
                    + "\", \"port_pairs\": [\""
                    + foreignPair.path("id").asText()
                    + "\"]}"));
    JsonNode foreignChain =
        foreign(
            demo,
            Kind.PORT_CHAIN,
            json(
                "{\"name\": \""
                    + unique("it-foreign-pc")
                    + "\", \"port_pair_groups\": [\""
                    + foreignGroup.path("id").asText()
                    + "\"], \"flow_classifiers\": [\""
                    + foreignFc.path("id").asText()
                    + "\"]}"));
    awaitActive(vm);

    String vnffgdId =
        onboardVnffgd(
            unique("it-overlap-vnffgd"),
            descriptor(
                "vnffgd-one-hop.yaml",
                Map.of(
                    "VNFD1",
                    vnfd,
                    "SRC_PORT",
                    source.getId(),
                    "DST_PORTS",
                    low + "-" + (low + 9))));
    String vnffgId = createVnffg(unique("it-overlap"), vnffgdId, Map.of(vnfd, vm), Map.of());
    JsonNode vnffg = awaitVnffgSettled(vnffgId);
    assertThat(vnffg.path("status").asText()).as("VNFFG %s", vnffg).isEqualTo("ERROR");
    assertThat(vnffg.path("error_reason").asText())
        .as("networking-sfc's reason")
        .contains("conflicts with")
        .contains(foreignFc.path("id").asText());
    assertThat(sfc.anythingOwnedBy(vnffgId)).as("networking-sfc objects of the VNFFG").isEmpty();
    for (JsonNode nfp : nfpsOf(vnffgId)) {
      assertThat(nfp.path("status").asText()).as("NFP %s", nfp).isEqualTo("ERROR");
    }
    assertThat(eventsOf(vnffgId).toString()).as("events of the VNFFG").contains("ERROR");

    // the foreign chain is untouched; the VNFFG in ERROR can be deleted
    JsonNode still = sfc.get(demo, Kind.PORT_CHAIN, foreignChain.path("id").asText());
    assertThat(still).as("the foreign port chain").isNotNull();
    assertThat(field(still.path("flow_classifiers"), null))
        .containsExactly(foreignFc.path("id").asText());
    deleteVnffgAndAwaitGone(vnffgId);
    assertThat(sfc.anythingOwnedBy(vnffgId)).isEmpty();
    deleteOpenStackVnfAndAwaitGone(vm);
  }

  // ------------------------------------------------------------------ API helpers

  /** POST /v1.0/vnffgds with the TOSCA YAML as an object, as the CLI sends it; deleted after. */
  String onboardVnffgd(String name, String toscaYaml) {
    ObjectNode vnffgd = TackerApi.JSON.createObjectNode();
    vnffgd.put("name", name);
    vnffgd.put("description", "nfvflow integration test");
    vnffgd.putObject("template").set("vnffgd", yaml(toscaYaml));
    TackerApi.Response created = api.post("/v1.0/vnffgds", wrap("vnffgd", vnffgd));
    assertThat(created.status()).as("onboard VNFFGD %s: %s", name, created).isEqualTo(201);
    String id = created.text("/vnffgd/id");
    assertThat(id).as("VNFFGD id in %s", created).isNotBlank();
    afterTest(
        () ->
            assertThat(api.delete("/v1.0/vnffgds/" + id).status())
                .as("cleanup: delete VNFFGD %s", id)
                .isIn(204, 404));
    return id;
  }

  /**
   * POST /v1.0/vnffgs as {@code tacker vnffg-create --vnf-mapping --param-file} sends it; asserts
   * 201 PENDING_CREATE. After the test the VNFFG is deleted through the API, then whatever of it
   * networking-sfc still holds is deleted directly (and the cleanup fails, naming it).
   */
  String createVnffg(
      String name, String vnffgdId, Map<String, String> mapping, Map<String, String> params) {
    ObjectNode vnffg = TackerApi.JSON.createObjectNode();
    vnffg.put("name", name);
    vnffg.put("vnffgd_id", vnffgdId);
    vnffg.put("symmetrical", false);
    ObjectNode vnfMapping = vnffg.putObject("vnf_mapping");
    mapping.forEach(vnfMapping::put);
    ObjectNode attributes = vnffg.putObject("attributes");
    if (!params.isEmpty()) {
      ObjectNode values = attributes.putObject("param_values");
      params.forEach(values::put);
    }
    TackerApi.Response created = api.post("/v1.0/vnffgs", wrap("vnffg", vnffg));
    assertThat(created.status()).as("create VNFFG %s: %s", name, created).isEqualTo(201);
    String id = created.text("/vnffg/id");
    assertThat(id).as("VNFFG id in %s", created).isNotBlank();
    afterTest(() -> removeVnffg(id));
    assertThat(created.text("/vnffg/status"))
        .as("status in %s", created)
        .isEqualTo("PENDING_CREATE");
    return id;
  }

  JsonNode awaitVnffgSettled(String id) {
    await("VNFFG " + id + " leaves PENDING_*")
        .atMost(CHAIN_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> vnffgStatus(id), s -> !s.startsWith("PENDING_"));
    return api.get("/v1.0/vnffgs/" + id).at("/vnffg");
  }

  /** DELETE /v1.0/vnffgs/{id} as {@code tacker vnffg-delete}, then until GET answers 404. */
  void deleteVnffgAndAwaitGone(String id) {
    TackerApi.Response deleted = api.delete("/v1.0/vnffgs/" + id);
    assertThat(deleted.status()).as("delete VNFFG: %s", deleted).isIn(202, 204);
    await("VNFFG " + id + " deleted")
        .atMost(CHAIN_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> vnffgStatus(id), "GONE"::equals);
    assertThat(nfpsOf(id)).as("NFPs of the deleted VNFFG").isEmpty();
  }

  private void removeVnffg(String id) {
    try {
      String status =
          await("cleanup: VNFFG " + id + " settled")
              .atMost(CHAIN_TIMEOUT)
              .pollInterval(OS_POLL)
              .until(
                  () -> vnffgStatus(id),
                  s -> !s.equals("PENDING_CREATE") && !s.equals("PENDING_UPDATE"));
      if (!"GONE".equals(status)) {
        if (!"PENDING_DELETE".equals(status)) {
          assertThat(api.delete("/v1.0/vnffgs/" + id).status())
              .as("cleanup: delete VNFFG %s", id)
              .isIn(202, 204, 404);
        }
        await("cleanup: VNFFG " + id + " deleted")
            .atMost(CHAIN_TIMEOUT)
            .pollInterval(OS_POLL)
            .until(() -> vnffgStatus(id), "GONE"::equals);
      }
    } finally {
      List<NeutronSfc.SfcObject> left = sfc.deleteAnythingOwnedBy(id);
      if (!left.isEmpty()) {
        throw new AssertionError(
            "cleanup: networking-sfc objects of VNFFG " + id + " were left (deleted now): " + left);
      }
    }
  }

  /** The NFPs of a VNFFG (filtered here too: the list must hold them whatever the filter does). */
  List<JsonNode> nfpsOf(String vnffgId) {
    return elements(api.get("/v1.0/nfps?vnffg_id=" + vnffgId).at("/nfps")).stream()
        .filter(n -> vnffgId.equals(n.path("vnffg_id").asText()))
        .toList();
  }

  /**
   * The API's NFP, SFC and classifier of a one-path, one-classifier VNFFG point at the Neutron
   * objects and share the VNFFG's status.
   */
  void assertApiMatchesNeutron(String vnffgId, JsonNode chain, JsonNode fc, String status) {
    List<JsonNode> nfps = nfpsOf(vnffgId);
    assertThat(nfps).as("NFPs of %s", vnffgId).hasSize(1);
    JsonNode nfp = nfps.get(0);
    String nfpId = nfp.path("id").asText();
    assertThat(nfp.path("name").asText()).isEqualTo("Forwarding_path1");
    assertThat(nfp.path("status").asText()).isEqualTo(status);
    assertThat(nfp.path("path_id").asText())
        .as("NFP path_id = chain_id")
        .isEqualTo(chain.path("chain_id").asText());
    List<JsonNode> sfcs =
        elements(api.get("/v1.0/sfcs?nfp_id=" + nfpId).at("/sfcs")).stream()
            .filter(s -> nfpId.equals(s.path("nfp_id").asText()))
            .toList();
    assertThat(sfcs).as("SFCs of NFP %s", nfpId).hasSize(1);
    assertThat(sfcs.get(0).path("instance_id").asText()).isEqualTo(chain.path("id").asText());
    assertThat(sfcs.get(0).path("status").asText()).isEqualTo(status);
    List<JsonNode> classifiers =
        elements(api.get("/v1.0/classifiers?nfp_id=" + nfpId).at("/classifiers")).stream()
            .filter(c -> nfpId.equals(c.path("nfp_id").asText()))
            .toList();
    assertThat(classifiers).as("classifiers of NFP %s", nfpId).hasSize(1);
    assertThat(classifiers.get(0).path("name").asText()).isEqualTo("it_tcp");
    assertThat(classifiers.get(0).path("instance_id").asText()).isEqualTo(fc.path("id").asText());
    assertThat(classifiers.get(0).path("status").asText()).isEqualTo(status);
  }

  /** A Kubernetes VIM of the sandbox whose pods' ports live in the Neutron of {@code osVimId}. */
  String registerKubernetesVimOnNeutron(String name, String osVimId) {
    ObjectNode vim = TackerApi.JSON.createObjectNode();
    vim.put("type", "kubernetes");
    vim.put("name", name);
    vim.put("description", "nfvflow integration test: pods with Kuryr ports");
    vim.put("auth_url", sandbox.apiUrl());
    vim.putObject("vim_project").put("name", "default");
    ObjectNode cred = vim.putObject("auth_cred");
    cred.put("bearer_token", sandbox.token());
    cred.put("ssl_ca_cert", sandbox.caPem());
    vim.put("is_default", false);
    vim.put("neutron_vim_id", osVimId);
    TackerApi.Response created = api.post("/v1.0/vims", wrap("vim", vim));
    String id = created.text("/vim/id");
    if (created.status() == 201 && id != null) {
      afterTest(
          () ->
              assertThat(api.delete("/v1.0/vims/" + id).status())
                  .as("cleanup: DELETE VIM %s", id)
                  .isIn(204, 404));
    }
    assertThat(created.status())
        .withFailMessage(
            "VIM registration answered %s: %s", created.status(), created.at("/TackerError"))
        .isEqualTo(201);
    assertThat(created.text("/vim/neutron_vim_id")).isEqualTo(osVimId);
    JsonNode probed = awaitVimProbed(id);
    assertThat(probed.path("status").asText()).isEqualTo("REACHABLE");
    return id;
  }

  /** The VNFFG's UPDATE events, oldest first. */
  JsonNode chainUpdates(String vnffgId) {
    return api.get("/v1.0/events?resource_id=" + vnffgId + "&event_type=UPDATE").at("/events");
  }

  static boolean lastIsActive(JsonNode events) {
    return events.size() > 0 && "ACTIVE".equals(last(events).path("resource_state").asText());
  }

  /** When the last event of that type of the resource happened. */
  Instant lastEventAt(String resourceId, String type) {
    JsonNode events =
        api.get("/v1.0/events?resource_id=" + resourceId + "&event_type=" + type).at("/events");
    assertThat(events.size()).as("%s events of %s", type, resourceId).isPositive();
    return eventAt(last(events));
  }

  static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  static Instant eventAt(JsonNode event) {
    String at = event.path("timestamp").asText();
    return Instant.parse(at.endsWith("Z") || at.contains("+") ? at : at + "Z");
  }

  // ------------------------------------------------------------------ VNF helpers

  String vmVnfd(TestNetwork net) {
    return descriptor(
        "vnfd-chain-vm.yaml", Map.of("IMAGE", IMAGE, "FLAVOR", FLAVOR, "CHAIN_NET", net.name()));
  }

  JsonNode awaitActive(String vnfId) {
    JsonNode vnf = awaitOpenStackVnfSettled(vnfId);
    assertThat(vnf.path("status").asText())
        .as("VNF %s (error_reason: %s)", vnfId, vnf.path("error_reason"))
        .isEqualTo("ACTIVE");
    return vnf;
  }

  /** Waits (fast) until a scale completed at that level; the scale's own wait polls every 1 s. */
  void awaitScaledFast(String vnfId, int instances) {
    await("VNF " + vnfId + " at " + instances + " instances")
        .atMost(SETTLE_TIMEOUT)
        .pollInterval(FAST_POLL)
        .until(
            () -> api.get("/v1.0/vnfs/" + vnfId).at("/vnf"),
            v ->
                "ACTIVE".equals(v.path("status").asText())
                    && "COMPLETED".equals(v.path("lcm_operation").path("state").asText())
                    && v.path("scale_status").get(0).path("current").asInt() == instances);
  }

  /**
   * Waits until the CNF shows {@code n} instances, each with a port for CP2 (read by nfvflow from
   * the Kuryr annotation); checks each against its pod (annotated) and Neutron (device id = the
   * pod's uid). Returns pod name → port id.
   */
  Map<String, String> awaitPodPorts(String vnfId, String namespace, int n) {
    JsonNode vnf =
        await("the " + n + " pods of " + vnfId + " with their Kuryr ports")
            .atMost(SETTLE_TIMEOUT)
            .pollInterval(FAST_POLL)
            .until(
                () -> api.get("/v1.0/vnfs/" + vnfId).at("/vnf"),
                v ->
                    v.path("instances").size() == n
                        && StreamSupport.stream(v.path("instances").spliterator(), false)
                            .allMatch(i -> !i.path("ports").path("CP2").asText().isBlank()));
    Map<String, String> ports = new LinkedHashMap<>();
    for (JsonNode instance : vnf.path("instances")) {
      String name = instance.path("name").asText();
      String port = instance.path("ports").path("CP2").asText();
      Pod pod = k8s.pods().inNamespace(namespace).withName(name).get();
      assertThat(pod).as("pod %s", name).isNotNull();
      assertThat(pod.getMetadata().getAnnotations())
          .as("annotations of pod %s", name)
          .containsKey("openstack.org/kuryr-vif");
      assertThat(pod.getMetadata().getAnnotations().get("openstack.org/kuryr-vif")).contains(port);
      Port inNeutron = cloud.os(cloud.admin()).networking().port().get(port);
      assertThat(inNeutron).as("port %s of pod %s in Neutron", port, name).isNotNull();
      assertThat(inNeutron.getDeviceId()).isEqualTo(pod.getMetadata().getUid());
      ports.put(name, port);
    }
    return ports;
  }

  void deleteVnfsAndAwaitGone(String... vnfIds) {
    for (String id : vnfIds) {
      assertThat(api.delete("/v1.0/vnfs/" + id).status()).as("delete VNF %s", id).isEqualTo(204);
    }
    for (String id : vnfIds) {
      await("VNF " + id + " deleted")
          .atMost(OS_DELETE_TIMEOUT)
          .pollInterval(OS_POLL)
          .until(() -> api.vnfStatus(id), "GONE"::equals);
      awaitNoStack(cloud.demo(), id);
    }
  }

  // ------------------------------------------------------------------ Neutron helpers

  /** Per PPG of the chain, in its order: the ports of its pairs (ingress = egress checked). */
  List<List<String>> pairPortsPerGroup(String vnffgId, JsonNode chain) {
    List<List<String>> groups = new ArrayList<>();
    for (JsonNode group : chain.path("port_pair_groups")) {
      JsonNode ppg = sfc.get(cloud.demo(), Kind.PORT_PAIR_GROUP, group.asText());
      assertThat(ppg).as("PPG %s of the chain", group).isNotNull();
      assertThat(ppg.path("description").asText())
          .as("description of PPG %s", group)
          .contains(NeutronSfc.marker(vnffgId));
      groups.add(pairPorts(group.asText()));
    }
    return groups;
  }

  /** The ingress ports of a PPG's pairs, each pair's egress checked to be its ingress. */
  List<String> pairPorts(String ppgId) {
    JsonNode ppg = sfc.get(cloud.demo(), Kind.PORT_PAIR_GROUP, ppgId);
    assertThat(ppg).as("PPG %s", ppgId).isNotNull();
    List<String> ports = new ArrayList<>();
    for (JsonNode pairId : ppg.path("port_pairs")) {
      JsonNode pair = sfc.get(cloud.demo(), Kind.PORT_PAIR, pairId.asText());
      assertThat(pair).as("port pair %s of PPG %s", pairId, ppgId).isNotNull();
      assertThat(pair.path("egress").asText())
          .as("egress of pair %s (one CP: ingress = egress)", pairId)
          .isEqualTo(pair.path("ingress").asText());
      ports.add(pair.path("ingress").asText());
    }
    return ports;
  }

  /** Ingress ports of every pair with the VNFFG's marker. */
  List<String> ownedPairPorts(String vnffgId) {
    return sfc.owned(cloud.demo(), Kind.PORT_PAIR, vnffgId).stream()
        .map(p -> p.path("ingress").asText())
        .toList();
  }

  /** A networking-sfc object made directly in Neutron as {@code who}; deleted after the test. */
  JsonNode foreign(Credentials who, Kind kind, JsonNode fields) {
    ObjectNode body = (ObjectNode) fields;
    body.put("description", "nfvflow IT: not nfvflow's");
    JsonNode created = sfc.create(who, kind, body);
    String id = created.path("id").asText();
    afterTest(() -> sfc.delete(cloud.admin(), kind, id));
    return created;
  }

  // ------------------------------------------------------------------ JSON

  static boolean sameElements(List<String> actual, java.util.Collection<String> expected) {
    return actual.size() == expected.size() && actual.containsAll(expected);
  }
}
