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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openstack4j.model.heat.Stack;
import org.openstack4j.model.network.Port;

/**
 * Network services (NSDs and NSs, issue 9) on the real sandboxes, through Tacker's {@code
 * /v1.0/nsds} and {@code /v1.0/nss}: one NS places a VM VNF on OpenStack (Heat) and a CNF on
 * Kubernetes (its pods' Neutron ports from {@code scripts/kuryr-standin.py}) and chains them, VM
 * then CNF, with a VNFFG in networking-sfc.
 *
 * <ul>
 *   <li>a mixed NS: onboarded VNFDs with substitution mappings, an NSD importing them (a VL giving
 *       the VM's CP its network, a VNFFG group), ns-create with {@code param_values.vims} placing
 *       each VNF node → ACTIVE with every member on its VIM and the port chain in Neutron; members
 *       cannot be deleted on their own; ns-delete removes the VNFFG, then the VNFs, and nothing of
 *       the NS is left on either VIM;
 *   <li>an NS whose second VNF (the CNF, an image that is never pulled) fails: ERROR with an
 *       error_reason naming that member, and every member removed, the VM too;
 *   <li>an NS whose VNFFG networking-sfc refuses (a foreign chain's classifier overlaps), after
 *       both VNFs were ACTIVE: ERROR naming the VNFFG, and both VNFs removed from their VIMs.
 * </ul>
 *
 * <p>The NS's members are found by the engine's naming contract ({@code <ns name>_<node>}) while
 * the NS is still pending, so that the test can prove even a member that never showed up in {@code
 * vnf_ids} is gone, and can clean up after an engine that leaves one behind.
 */
class NsIT extends ChainTestBase {

  /** A VM VNF may take its Heat wait, a CNF its ready-timeout; then the chain its own wait. */
  static final Duration NS_CREATE_TIMEOUT = OS_SETTLE_TIMEOUT.plus(VnffgIT.CHAIN_TIMEOUT);

  static final Duration NS_DELETE_TIMEOUT = OS_DELETE_TIMEOUT.plus(VnffgIT.CHAIN_TIMEOUT);
  static final Duration NS_POLL = Duration.ofMillis(500);
  static final Random RANDOM = new Random();

  /** The keys of an NS as Tacker 8.0.0 returns it ({@code ns_db._make_ns_dict}). */
  static final List<String> NS_KEYS =
      List.of(
          "id",
          "name",
          "description",
          "nsd_id",
          "vim_id",
          "status",
          "error_reason",
          "vnf_ids",
          "vnffg_ids",
          "mgmt_ip_addresses");

  /** Every member VNF and VNFFG id seen in this test, for the last-resort cleanup. */
  final Set<String> seenVnfs = new LinkedHashSet<>();

  final Set<String> seenVnffgs = new LinkedHashSet<>();

  /** The ports the test itself made on its network (the traffic source, a foreign SF). */
  final Set<String> testPorts = new LinkedHashSet<>();

  // ------------------------------------------------------------------ 1. mixed NS

  @Test
  void aMixedNsOfAVmAndACnfChainedComesUpOnBothVimsAndLeavesNothingWhenDeleted() {
    Setup s = setUp("it-ns", "nginx");

    int low = 20000 + RANDOM.nextInt(40000);
    String nsName = unique("it-ns");
    Instant asked = Instant.now();
    String nsId =
        createNs(
            nsName,
            s.nsdId,
            s.osVimId,
            s.inputs(low),
            // one node by VIM id, the other by VIM name: both are Tacker VIM references
            Map.of("VNF1", s.osVimId, "VNF2", s.k8sVimName));
    NsWatch watch = awaitNsSettled(nsId, nsName, NS_CREATE_TIMEOUT);
    JsonNode ns = watch.last;
    System.out.printf(
        "FIGURE ns create-to-active-ms=%d%n", Duration.between(asked, watch.at).toMillis());
    assertThat(ns.path("status").asText())
        .as("NS status (error_reason: %s)", ns.path("error_reason"))
        .isEqualTo("ACTIVE");

    // the NS as Tacker shows it
    for (String key : NS_KEYS) {
      assertThat(ns.has(key)).as("key %s in %s", key, ns).isTrue();
    }
    assertThat(ns.path("id").asText()).isEqualTo(nsId);
    assertThat(ns.path("name").asText()).isEqualTo(nsName);
    assertThat(ns.path("nsd_id").asText()).isEqualTo(s.nsdId);
    assertThat(ns.path("vim_id").asText()).isEqualTo(s.osVimId);
    assertThat(ns.path("error_reason").isNull() || ns.path("error_reason").asText().isEmpty())
        .as("error_reason of an ACTIVE NS: %s", ns.path("error_reason"))
        .isTrue();
    Map<String, String> vnfIds = pythonDict("vnf_ids", ns.path("vnf_ids"));
    Map<String, String> vnffgIds = pythonDict("vnffg_ids", ns.path("vnffg_ids"));
    assertThat(vnfIds).as("vnf_ids").containsOnlyKeys("VNF1", "VNF2");
    assertThat(vnffgIds).as("vnffg_ids").containsOnlyKeys("VNFFG1");
    assertThat(ns.path("mgmt_ip_addresses").asText())
        .as("mgmt_ip_addresses (a Python dict repr keyed by VNF node)")
        .startsWith("{")
        .contains("'VNF1'");
    String vm = vnfIds.get("VNF1");
    String cnf = vnfIds.get("VNF2");
    String vnffgId = vnffgIds.get("VNFFG1");
    assertThat(watch.members.values()).as("members found by name").contains(vm, cnf);

    // the list shows it with the same keys
    JsonNode listed =
        elements(api.get("/v1.0/nss").at("/nss")).stream()
            .filter(n -> nsId.equals(n.path("id").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("NS " + nsId + " not in GET /v1.0/nss"));
    for (String key : NS_KEYS) {
      assertThat(listed.has(key)).as("key %s in the listed %s", key, listed).isTrue();
    }

    // VNF1: a VM on OpenStack, its CP1 on the chain network through the NSD's VL1
    JsonNode vmVnf = api.get("/v1.0/vnfs/" + vm).at("/vnf");
    assertThat(vmVnf.path("name").asText()).isEqualTo(nsName + "_VNF1");
    assertThat(vmVnf.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(vmVnf.path("vim_id").asText()).as("VNF1 placed by id").isEqualTo(s.osVimId);
    assertThat(vmVnf.path("vnfd_id").asText()).isEqualTo(s.vmVnfdId);
    Stack stack =
        cloud
            .stack(s.demo, stackName(vm))
            .orElseThrow(() -> new AssertionError("no Heat stack " + stackName(vm)));
    assertThat(stack.getStatus()).isEqualTo("CREATE_COMPLETE");
    assertThat(stack.getTags()).contains("nfvflow", "nfvflow-vnf-" + vm);
    String vmPort = chainPort(vmVnf, "CP1");
    Port vmPortInNeutron = cloud.os(cloud.admin()).networking().port().get(vmPort);
    assertThat(vmPortInNeutron.getNetworkId())
        .as("CP1's network: the NSD's VL1 (input chain_net)")
        .isEqualTo(s.net.id());

    // VNF2: a CNF on Kubernetes, 2 pods with their Kuryr ports
    JsonNode cnfVnf = api.get("/v1.0/vnfs/" + cnf).at("/vnf");
    assertThat(cnfVnf.path("name").asText()).isEqualTo(nsName + "_VNF2");
    assertThat(cnfVnf.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(cnfVnf.path("vim_id").asText()).as("VNF2 placed by name").isEqualTo(s.k8sVimId);
    assertThat(cnfVnf.path("vnfd_id").asText()).isEqualTo(s.cnfVnfdId);
    assertThat(deployment(cnf).getMetadata().getNamespace()).isEqualTo(s.namespace);
    assertThat(readyPods(cnf)).as("Ready pods of the CNF").hasSize(2);
    Map<String, String> pods = awaitPodPorts(cnf, s.namespace, 2);

    // VNFFG1: the chain VM then CNF, one pair per instance
    JsonNode vnffg = api.get("/v1.0/vnffgs/" + vnffgId).at("/vnffg");
    assertThat(vnffg.path("name").asText()).isEqualTo(nsName + "_VNFFG1");
    assertThat(vnffg.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(vnffg.path("vnf_mapping").path(s.vmVnfd).asText()).isEqualTo(vm);
    assertThat(vnffg.path("vnf_mapping").path(s.cnfVnfd).asText()).isEqualTo(cnf);
    JsonNode chain = portChainOf(vnffgId);
    List<List<String>> groups = pairPortsPerGroup(vnffgId, chain);
    assertThat(groups).as("PPGs in path order").hasSize(2);
    assertThat(groups.get(0)).as("the VM's PPG").containsExactly(vmPort);
    assertThat(groups.get(1))
        .as("the CNF's PPG: one pair per pod")
        .containsExactlyInAnyOrderElementsOf(pods.values());
    JsonNode fc = onlyClassifierOf(chain);
    assertThat(fc.path("logical_source_port").asText()).isEqualTo(s.source.getId());
    assertThat(fc.path("protocol").asText()).isEqualTo("tcp");
    assertThat(fc.path("destination_port_range_min").asInt()).isEqualTo(low);
    assertThat(fc.path("destination_port_range_max").asInt()).isEqualTo(low + 9);

    // members belong to the NS: they cannot go on their own; nor can the NSD while the NS lives
    for (String member : List.of(vm, cnf)) {
      TackerApi.Response refused = api.delete("/v1.0/vnfs/" + member);
      assertThat(refused.status()).as("delete member VNF: %s", refused).isEqualTo(409);
      assertThat(api.vnfStatus(member))
          .as("member %s after the refusal", member)
          .isEqualTo("ACTIVE");
    }
    TackerApi.Response refusedVnffg = api.delete("/v1.0/vnffgs/" + vnffgId);
    assertThat(refusedVnffg.status()).as("delete member VNFFG: %s", refusedVnffg).isEqualTo(409);
    assertThat(vnffgStatus(vnffgId)).isEqualTo("ACTIVE");
    TackerApi.Response refusedNsd = api.delete("/v1.0/nsds/" + s.nsdId);
    assertThat(refusedNsd.status()).as("delete the NSD in use: %s", refusedNsd).isEqualTo(409);

    // ns-delete: VNFFGs first, then VNFs, then the NS
    Instant deleteAsked = Instant.now();
    TackerApi.Response deleted = api.delete("/v1.0/nss/" + nsId);
    assertThat(deleted.status()).as("ns-delete: %s", deleted).isEqualTo(204);
    assertThat(nsStatus(nsId)).as("NS right after DELETE").isIn("PENDING_DELETE", "GONE");
    awaitNsGoneInOrder(nsId, List.of(vnffgId), List.of(vm, cnf));
    System.out.printf(
        "FIGURE ns delete-to-gone-ms=%d%n",
        Duration.between(deleteAsked, Instant.now()).toMillis());

    // the NS's events tell the story in Tacker's order: the VNFFG went before any VNF did
    List<String> details = field(eventsOf(nsId), "event_details");
    System.out.printf("NS %s events: %s%n", nsId, details);
    assertThat(field(eventsOf(nsId), "resource_type")).as("NS events").containsOnly("ns");
    assertThat(field(eventsOf(nsId), "resource_state"))
        .as("NS event states")
        .contains("PENDING_CREATE", "ACTIVE", "PENDING_DELETE");
    int vnffgGone = lastIndexOf(details, nsName + "_VNFFG1", "COMPLETED");
    int firstVnfDelete = firstIndexOf(details, nsName + "_VNF", "delete started");
    assertThat(vnffgGone).as("the VNFFG's removal in %s", details).isNotNegative();
    assertThat(firstVnfDelete).as("a VNF's removal in %s", details).isGreaterThan(vnffgGone);

    // nothing of the NS left on either VIM
    assertThat(api.vnfStatus(vm)).isEqualTo("GONE");
    assertThat(api.vnfStatus(cnf)).isEqualTo("GONE");
    assertThat(vnffgStatus(vnffgId)).isEqualTo("GONE");
    assertThat(sfc.anythingOwnedBy(vnffgId)).as("networking-sfc objects of the VNFFG").isEmpty();
    assertThat(sfc.get(s.demo, Kind.PORT_CHAIN, chain.path("id").asText())).isNull();
    assertNothingLeftInCloud(
        s.demo, vm, List.of(vmVnf.path("instances").get(0).path("id").asText()));
    awaitNothingLabelled(cnf);
    awaitNoKuryrPorts(s.net);
    assertOnlyTestPortsOn(s.net);
    assertThat(membersByName(nsName)).as("VNFs named after the NS").isEmpty();
    assertThat(vnffgsByName(nsName)).as("VNFFGs named after the NS").isEmpty();
    assertThat(s.kuryr.alive()).as("the stand-in kept running").isTrue();

    // the NSD is free again
    TackerApi.Response nsdDeleted = api.delete("/v1.0/nsds/" + s.nsdId);
    assertThat(nsdDeleted.status()).as("delete the NSD: %s", nsdDeleted).isEqualTo(204);
  }

  // ------------------------------------------------------------------ 2. a member fails

  @Test
  void anNsWhoseSecondVnfFailsIsErrorNamingItAndLeavesNothingOnEitherVim() {
    // VNF2, the CNF, has pods that never start (ImagePullBackOff); VNF1, the VM, is fine
    Setup s = setUp("it-nsfail", "nfvflow-it/unpullable-nginx");

    int low = 20000 + RANDOM.nextInt(40000);
    String nsName = unique("it-nsfail");
    String nsId =
        createNs(
            nsName,
            s.nsdId,
            s.osVimId,
            s.inputs(low),
            Map.of("VNF1", s.osVimName, "VNF2", s.k8sVimId));
    NsWatch watch = awaitNsSettled(nsId, nsName, NS_CREATE_TIMEOUT);
    JsonNode ns = watch.last;
    assertThat(ns.path("status").asText()).as("NS %s", ns).isEqualTo("ERROR");
    assertThat(ns.path("error_reason").asText())
        .as("error_reason names the failed member")
        .contains("VNF2")
        .contains(nsName + "_VNF2");
    assertThat(ns.path("error_reason").asText())
        .as("error_reason does not blame the member that was fine")
        .doesNotContain(nsName + "_VNF1 failed");
    assertThat(watch.members)
        .as("members seen while the NS was created")
        .containsKeys("VNF1", "VNF2");
    String vm = watch.members.get("VNF1");
    String cnf = watch.members.get("VNF2");
    // ns-create waits for every VNF to end before it judges them: the VM came up, then went
    List<String> vmStates = field(eventsOf(vm), "resource_state");
    System.out.printf(
        "NS %s: VNF1's event states %s, VNF2's %s%n",
        nsId, vmStates, field(eventsOf(cnf), "resource_state"));
    assertThat(vmStates).as("VNF1's event states").contains("ACTIVE", "PENDING_DELETE");

    // every member removed, the VM too, on both VIMs; no chain was made
    assertMembersGone(s, nsName, List.of(vm, cnf));
    assertThat(seenVnffgs).as("VNFFGs of an NS whose VNFs failed").isEmpty();
    assertErrorNsCanBeDeleted(s, nsId);
  }

  @Test
  void anNsWhoseChainNetworkingSfcRefusesIsErrorNamingTheVnffgAndRemovesItsActiveVnfs() {
    // a foreign port chain in the VIM's project classifies the same traffic: networking-sfc
    // refuses the NS's chain, after both VNFs are ACTIVE
    Setup s = setUp("it-nsfc", "nginx");
    int low = 20000 + RANDOM.nextInt(40000);
    JsonNode foreignFc = foreignChain(s, low);

    String nsName = unique("it-nsfc");
    String nsId =
        createNs(
            nsName,
            s.nsdId,
            s.osVimId,
            s.inputs(low),
            Map.of("VNF1", s.osVimId, "VNF2", s.k8sVimName));
    NsWatch watch = awaitNsSettled(nsId, nsName, NS_CREATE_TIMEOUT);
    JsonNode ns = watch.last;
    assertThat(ns.path("status").asText()).as("NS %s", ns).isEqualTo("ERROR");
    assertThat(ns.path("error_reason").asText())
        .as("error_reason names the VNFFG and networking-sfc's reason")
        .contains("VNFFG1")
        .contains(nsName + "_VNFFG1")
        .contains(foreignFc.path("id").asText());
    String vm = watch.members.get("VNF1");
    String cnf = watch.members.get("VNF2");
    // both were ACTIVE before the chain was tried: their events say so (a poll every 0.5 s can miss
    // a VM that is ACTIVE for less than that before the refused chain has it removed)
    assertThat(field(eventsOf(vm), "resource_state")).as("VNF1's event states").contains("ACTIVE");
    assertThat(field(eventsOf(cnf), "resource_state")).as("VNF2's event states").contains("ACTIVE");

    assertMembersGone(s, nsName, List.of(vm, cnf));
    for (String vnffgId : seenVnffgs) {
      assertThat(vnffgStatus(vnffgId)).as("VNFFG %s", vnffgId).isEqualTo("GONE");
    }
    assertErrorNsCanBeDeleted(s, nsId);
  }

  /** Every member gone from the API and from both VIMs; only the test's own ports on the net. */
  void assertMembersGone(Setup s, String nsName, List<String> vnfIds) {
    await("members of the failed NS gone")
        .atMost(NS_DELETE_TIMEOUT)
        .pollInterval(NS_POLL)
        .until(
            () -> vnfIds.stream().map(api::vnfStatus).toList(),
            l -> l.stream().allMatch("GONE"::equals));
    for (String vnfId : vnfIds) {
      awaitNoStack(s.demo, vnfId);
      assertThat(cloud.portsNamedWith(vnfId)).as("ports named after %s", vnfId).isEmpty();
      awaitNothingLabelled(vnfId);
    }
    awaitNoKuryrPorts(s.net);
    assertOnlyTestPortsOn(s.net);
    assertThat(membersByName(nsName)).as("VNFs named after the NS").isEmpty();
    assertThat(vnffgsByName(nsName)).as("VNFFGs named after the NS").isEmpty();
    for (String vnffgId : seenVnffgs) {
      assertThat(sfc.anythingOwnedBy(vnffgId))
          .as("networking-sfc objects of %s", vnffgId)
          .isEmpty();
    }
  }

  /**
   * An NS in ERROR stays so until ns-delete, which then answers 204 and it goes; so can its NSD.
   */
  void assertErrorNsCanBeDeleted(Setup s, String nsId) {
    assertThat(nsStatus(nsId)).isEqualTo("ERROR");
    TackerApi.Response deleted = api.delete("/v1.0/nss/" + nsId);
    assertThat(deleted.status()).as("ns-delete of an ERROR NS: %s", deleted).isEqualTo(204);
    await("NS " + nsId + " deleted")
        .atMost(NS_DELETE_TIMEOUT)
        .pollInterval(NS_POLL)
        .until(() -> nsStatus(nsId), "GONE"::equals);
    TackerApi.Response nsdDeleted = api.delete("/v1.0/nsds/" + s.nsdId);
    assertThat(nsdDeleted.status()).as("delete the NSD: %s", nsdDeleted).isEqualTo(204);
  }

  /**
   * A port chain made directly in Neutron in the VIM's project whose classifier matches what the
   * NS's would (same source port, protocol and destination ports); deleted after the test. Returns
   * its flow classifier.
   */
  JsonNode foreignChain(Setup s, int low) {
    Port foreignSf = sfc.boundPort(s.demo, s.net, unique("it-foreign-sf"));
    testPorts.add(foreignSf.getId());
    JsonNode fc =
        foreign(
            Kind.FLOW_CLASSIFIER,
            "{\"name\": \"%s\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\","
                    .formatted(unique("it-foreign-fc"))
                + " \"logical_source_port\": \"%s\", \"destination_port_range_min\": %d,"
                    .formatted(s.source.getId(), low)
                + " \"destination_port_range_max\": %d}".formatted(low + 9));
    JsonNode pair =
        foreign(
            Kind.PORT_PAIR,
            "{\"name\": \"%s\", \"ingress\": \"%s\", \"egress\": \"%s\"}"
                .formatted(unique("it-foreign-pp"), foreignSf.getId(), foreignSf.getId()));
    JsonNode group =
        foreign(
            Kind.PORT_PAIR_GROUP,
            "{\"name\": \"%s\", \"port_pairs\": [\"%s\"]}"
                .formatted(unique("it-foreign-ppg"), pair.path("id").asText()));
    foreign(
        Kind.PORT_CHAIN,
        "{\"name\": \"%s\", \"port_pair_groups\": [\"%s\"], \"flow_classifiers\": [\"%s\"]}"
            .formatted(unique("it-foreign-pc"), group.path("id").asText(), fc.path("id").asText()));
    return fc;
  }

  /** A networking-sfc object made directly in Neutron as demo; deleted after the test. */
  JsonNode foreign(Kind kind, String fields) {
    ObjectNode body = (ObjectNode) json(fields);
    body.put("description", "nfvflow IT: not nfvflow's");
    JsonNode created = sfc.create(cloud.demo(), kind, body);
    String id = created.path("id").asText();
    afterTest(() -> sfc.delete(cloud.admin(), kind, id));
    return created;
  }

  // ------------------------------------------------------------------ setup

  /** What both tests start from: the network, VIMs, stand-in, VNFDs and NSD. */
  record Setup(
      Credentials demo,
      TestNetwork net,
      Port source,
      String namespace,
      String osVimName,
      String osVimId,
      String k8sVimName,
      String k8sVimId,
      KuryrStandin kuryr,
      String vmVnfd,
      String vmVnfdId,
      String cnfVnfd,
      String cnfVnfdId,
      String nsdId) {

    /** {@code param_values.nsd}: the NSD's inputs. */
    Map<String, String> inputs(int lowPort) {
      return Map.of(
          "chain_net",
          net.name(),
          "net_src_port_id",
          source.getId(),
          "dst_port_range",
          lowPort + "-" + (lowPort + 9));
    }
  }

  Setup setUp(String prefix, String cnfImage) {
    Credentials demo = cloud.demo();
    TestNetwork net = network(prefix + "-net", demo);
    Port source = sfc.sourcePort(demo, net, unique(prefix + "-src"));
    testPorts.add(source.getId());
    String namespace = namespace(prefix);
    String osVimName = unique(prefix + "-os");
    String osVimId = registerCloudVim(osVimName, demo, false).path("id").asText();
    String k8sVimName = unique(prefix + "-k8s");
    String k8sVimId = registerKubernetesVimOnNeutron(k8sVimName, osVimId);

    KuryrStandin kuryr = KuryrStandin.start(sandbox, cloud, namespace, net.id(), demo.project());
    afterTest(kuryr::close);
    afterTest(() -> System.out.println("kuryr-standin log:\n" + kuryr.log()));

    String vmVnfd = unique(prefix + "-vm");
    String vmVnfdId =
        onboardVnfd(
            vmVnfd, descriptor("vnfd-ns-vm.yaml", Map.of("IMAGE", IMAGE, "FLAVOR", FLAVOR)));
    String cnfVnfd = unique(prefix + "-cnf");
    String cnfVnfdId =
        onboardVnfd(
            cnfVnfd,
            descriptor(
                "vnfd-ns-cnf.yaml",
                Map.of("IMAGE", cnfImage, "NAMESPACE", namespace, "CHAIN_NET", net.name())));
    String nsdName = unique(prefix + "-nsd");
    String nsdId =
        onboardNsd(
            nsdName, descriptor("nsd-mixed.yaml", Map.of("VM_VNFD", vmVnfd, "CNF_VNFD", cnfVnfd)));
    return new Setup(
        demo,
        net,
        source,
        namespace,
        osVimName,
        osVimId,
        k8sVimName,
        k8sVimId,
        kuryr,
        vmVnfd,
        vmVnfdId,
        cnfVnfd,
        cnfVnfdId,
        nsdId);
  }

  // ------------------------------------------------------------------ NSD and NS API

  /**
   * POST /v1.0/nsds as {@code tacker nsd-create --nsd-file} sends it (the TOSCA as an object);
   * checks the answer and GET; deleted after the test.
   */
  String onboardNsd(String name, String toscaYaml) {
    ObjectNode nsd = TackerApi.JSON.createObjectNode();
    nsd.put("name", name);
    nsd.put("description", "nfvflow integration test");
    nsd.putObject("attributes").set("nsd", yaml(toscaYaml));
    TackerApi.Response created = api.post("/v1.0/nsds", wrap("nsd", nsd));
    assertThat(created.status()).as("onboard NSD %s: %s", name, created).isEqualTo(201);
    String id = created.text("/nsd/id");
    assertThat(id).as("NSD id in %s", created).isNotBlank();
    afterTest(
        () ->
            assertThat(api.delete("/v1.0/nsds/" + id).status())
                .as("cleanup: delete NSD %s", id)
                .isIn(204, 404));
    assertThat(created.text("/nsd/name")).isEqualTo(name);
    TackerApi.Response shown = api.get("/v1.0/nsds/" + id);
    assertThat(shown.status()).as("%s", shown).isEqualTo(200);
    // nsd-template-show prints attributes.nsd: Tacker stores it as a YAML string
    JsonNode template = shown.at("/nsd/attributes/nsd");
    JsonNode tree = template.isTextual() ? yaml(template.asText()) : template;
    assertThat(field(tree.path("imports"), null))
        .as("imports of the stored NSD")
        .isEqualTo(field(yaml(toscaYaml).path("imports"), null));
    assertThat(shown.at("/nsd/description").isTextual())
        .as("description is a string (the legacy nsd-list takes its len)")
        .isTrue();
    return id;
  }

  /**
   * POST /v1.0/nss as {@code tacker ns-create --nsd-name --vim-name --param-file} sends it, with
   * {@code param_values.vims} placing nodes; asserts 201 PENDING_CREATE. After the test the NS is
   * deleted through the API, then whatever of its members is left is removed directly (and the
   * cleanup fails, naming it).
   */
  String createNs(
      String name,
      String nsdId,
      String vimId,
      Map<String, String> inputs,
      Map<String, String> placement) {
    ObjectNode ns = TackerApi.JSON.createObjectNode();
    ns.put("name", name);
    ns.put("nsd_id", nsdId);
    ns.put("vim_id", vimId);
    ObjectNode values = ns.putObject("attributes").putObject("param_values");
    ObjectNode nsd = values.putObject("nsd");
    inputs.forEach(nsd::put);
    ObjectNode vims = values.putObject("vims");
    placement.forEach(vims::put);
    TackerApi.Response created = api.post("/v1.0/nss", wrap("ns", ns));
    assertThat(created.status()).as("create NS %s: %s", name, created).isEqualTo(201);
    String id = created.text("/ns/id");
    assertThat(id).as("NS id in %s", created).isNotBlank();
    afterTest(() -> removeNs(id, name));
    assertThat(created.text("/ns/status")).as("status in %s", created).isEqualTo("PENDING_CREATE");
    assertThat(created.text("/ns/name")).isEqualTo(name);
    assertThat(created.text("/ns/nsd_id")).isEqualTo(nsdId);
    return id;
  }

  /** The NS's status, or {@code "GONE"} once the API answers 404. */
  String nsStatus(String id) {
    TackerApi.Response r = api.get("/v1.0/nss/" + id);
    if (r.status() == 404) {
      return "GONE";
    }
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.text("/ns/status");
  }

  /** What a wait for an NS saw: its last representation, its members and their statuses. */
  static final class NsWatch {
    JsonNode last;
    Instant at;
    final Map<String, String> members = new LinkedHashMap<>();
    final Map<String, Set<String>> statuses = new LinkedHashMap<>();
  }

  /**
   * Polls the NS every 0.5 s until it leaves PENDING_*, noting on the way the member VNFs (by name
   * {@code <ns name>_<node>}) and every status each showed.
   */
  NsWatch awaitNsSettled(String nsId, String nsName, Duration timeout) {
    NsWatch watch = new NsWatch();
    await("NS " + nsId + " leaves PENDING_*")
        .atMost(timeout)
        .pollInterval(NS_POLL)
        .until(
            () -> {
              for (JsonNode vnf : membersByName(nsName)) {
                String node = vnf.path("name").asText().substring(nsName.length() + 1);
                String id = vnf.path("id").asText();
                watch.members.put(node, id);
                seenVnfs.add(id);
                watch
                    .statuses
                    .computeIfAbsent(node, n -> new LinkedHashSet<>())
                    .add(vnf.path("status").asText());
              }
              vnffgsByName(nsName).forEach(g -> seenVnffgs.add(g.path("id").asText()));
              return nsStatus(nsId);
            },
            s -> !s.startsWith("PENDING_"));
    watch.at = Instant.now();
    watch.last = api.get("/v1.0/nss/" + nsId).at("/ns");
    System.out.printf("NS %s settled: %s; members seen %s%n", nsId, watch.last, watch.statuses);
    return watch;
  }

  /**
   * Polls every 0.5 s until the NS is gone, checking on every round that no VNF had started going
   * (PENDING_DELETE or gone) while a VNFFG of the NS was still there: Tacker's order, VNFFGs first.
   */
  void awaitNsGoneInOrder(String nsId, List<String> vnffgIds, List<String> vnfIds) {
    List<String> violations = new ArrayList<>();
    await("NS " + nsId + " deleted")
        .atMost(NS_DELETE_TIMEOUT)
        .pollInterval(NS_POLL)
        .until(
            () -> {
              // VNFs first, VNFFGs after: a VNFFG seen after a VNF went is a real overlap
              List<String> going =
                  vnfIds.stream()
                      .filter(v -> !"ACTIVE".equals(api.vnfStatus(v)))
                      .map(v -> v + "=" + api.vnfStatus(v))
                      .toList();
              List<String> chains =
                  vnffgIds.stream().filter(g -> !"GONE".equals(vnffgStatus(g))).toList();
              if (!going.isEmpty() && !chains.isEmpty()) {
                violations.add("VNFs " + going + " while VNFFGs " + chains + " were still there");
              }
              return nsStatus(nsId);
            },
            "GONE"::equals);
    assertThat(violations).as("VNFFGs removed before VNFs").isEmpty();
  }

  /** The VNFs named {@code <ns name>_...}, whatever the API's filters do. */
  List<JsonNode> membersByName(String nsName) {
    return elements(api.get("/v1.0/vnfs").at("/vnfs")).stream()
        .filter(v -> v.path("name").asText().startsWith(nsName + "_"))
        .toList();
  }

  /** The VNFFGs named {@code <ns name>_...}. */
  List<JsonNode> vnffgsByName(String nsName) {
    return elements(api.get("/v1.0/vnffgs").at("/vnffgs")).stream()
        .filter(v -> v.path("name").asText().startsWith(nsName + "_"))
        .toList();
  }

  /**
   * Cleanup: the NS deleted through the API and awaited; then any member left behind (VNFs, VNFFGs,
   * Heat stacks, cluster objects, networking-sfc objects) removed directly, failing the cleanup
   * with what was found.
   */
  private void removeNs(String nsId, String nsName) {
    List<String> left = new ArrayList<>();
    try {
      String status =
          await("cleanup: NS " + nsId + " settled")
              .atMost(NS_CREATE_TIMEOUT)
              .pollInterval(OS_POLL)
              .until(() -> nsStatus(nsId), s -> !s.equals("PENDING_CREATE"));
      if (!"GONE".equals(status)) {
        if (!"PENDING_DELETE".equals(status)) {
          assertThat(api.delete("/v1.0/nss/" + nsId).status())
              .as("cleanup: delete NS %s", nsId)
              .isIn(204, 404);
        }
        await("cleanup: NS " + nsId + " deleted")
            .atMost(NS_DELETE_TIMEOUT)
            .pollInterval(OS_POLL)
            .until(() -> nsStatus(nsId), "GONE"::equals);
      }
    } finally {
      membersByName(nsName).forEach(v -> seenVnfs.add(v.path("id").asText()));
      vnffgsByName(nsName).forEach(g -> seenVnffgs.add(g.path("id").asText()));
      for (String vnffgId : seenVnffgs) {
        if (!"GONE".equals(vnffgStatus(vnffgId))) {
          left.add("VNFFG " + vnffgId);
          api.delete("/v1.0/vnffgs/" + vnffgId);
        }
        sfc.deleteAnythingOwnedBy(vnffgId).forEach(o -> left.add(o.toString()));
      }
      for (String vnfId : seenVnfs) {
        if (!"GONE".equals(api.vnfStatus(vnfId))) {
          left.add("VNF " + vnfId);
          api.delete("/v1.0/vnfs/" + vnfId);
        }
        if (cloud.deleteStack(cloud.demo(), stackName(vnfId))) {
          left.add("stack " + stackName(vnfId));
          awaitNoStack(cloud.demo(), vnfId);
        }
        if (!Sandbox.labelledObjects(k8s, vnfId).isEmpty()) {
          left.add("cluster objects of " + vnfId + ": " + Sandbox.labelledObjects(k8s, vnfId));
          Sandbox.forceDeleteLabelled(k8s, vnfId);
        }
      }
    }
    if (!left.isEmpty()) {
      throw new AssertionError("cleanup: NS " + nsId + " left behind (removed now): " + left);
    }
  }

  // ------------------------------------------------------------------ VIMs, VNFs, cluster

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
    JsonNode probed = awaitVimProbed(id);
    assertThat(probed.path("status").asText()).isEqualTo("REACHABLE");
    return id;
  }

  /**
   * Waits until the CNF shows {@code n} instances, each with a port for CP2 (from the Kuryr
   * annotation); checks each against its pod and Neutron. Returns pod name → port id.
   */
  Map<String, String> awaitPodPorts(String vnfId, String namespace, int n) {
    JsonNode vnf =
        await("the " + n + " pods of " + vnfId + " with their Kuryr ports")
            .atMost(SETTLE_TIMEOUT)
            .pollInterval(NS_POLL)
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
      assertThat(pod.getMetadata().getAnnotations().get("openstack.org/kuryr-vif")).contains(port);
      Port inNeutron = cloud.os(cloud.admin()).networking().port().get(port);
      assertThat(inNeutron).as("port %s of pod %s in Neutron", port, name).isNotNull();
      assertThat(inNeutron.getDeviceId()).isEqualTo(pod.getMetadata().getUid());
      ports.put(name, port);
    }
    return ports;
  }

  /** Waits until the stand-in removed every pod port it made on the network. */
  void awaitNoKuryrPorts(TestNetwork net) {
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
  }

  /** No port on the network but the ones the test made itself (no VM's, no pod's). */
  void assertOnlyTestPortsOn(TestNetwork net) {
    await("only the test's own ports on " + net.name())
        .atMost(CLOUD_TIMEOUT)
        .pollInterval(OS_POLL)
        .until(
            () ->
                cloud.portsOn(net).stream()
                    .filter(p -> !testPorts.contains(p.getId()))
                    .filter(p -> !"network:dhcp".equals(p.getDeviceOwner()))
                    .map(OpenStackTestBase::describe)
                    .toList(),
            List::isEmpty);
  }

  // ------------------------------------------------------------------ VNFFG and Neutron

  /** Per PPG of the chain, in its order: the ports of its pairs (ingress = egress checked). */
  List<List<String>> pairPortsPerGroup(String vnffgId, JsonNode chain) {
    List<List<String>> groups = new ArrayList<>();
    for (JsonNode group : chain.path("port_pair_groups")) {
      JsonNode ppg = sfc.get(cloud.demo(), Kind.PORT_PAIR_GROUP, group.asText());
      assertThat(ppg).as("PPG %s of the chain", group).isNotNull();
      assertThat(ppg.path("description").asText())
          .as("description of PPG %s", group)
          .contains(NeutronSfc.marker(vnffgId));
      List<String> ports = new ArrayList<>();
      for (JsonNode pairId : ppg.path("port_pairs")) {
        JsonNode pair = sfc.get(cloud.demo(), Kind.PORT_PAIR, pairId.asText());
        assertThat(pair).as("port pair %s of PPG %s", pairId, group).isNotNull();
        assertThat(pair.path("egress").asText())
            .as("egress of pair %s (one CP: ingress = egress)", pairId)
            .isEqualTo(pair.path("ingress").asText());
        ports.add(pair.path("ingress").asText());
      }
      groups.add(ports);
    }
    return groups;
  }

  // ------------------------------------------------------------------ JSON

  private static final Pattern PY_ENTRY = Pattern.compile("'([^']*)'\\s*:\\s*'([^']*)'");

  /**
   * Tacker's {@code vnf_ids} / {@code vnffg_ids}: a string holding a Python dict repr, {@code
   * "{'VNF1': '<uuid>', ...}"}. Anything else (a JSON object, double quotes) fails here, since the
   * CLIs print the string as it is.
   */
  static Map<String, String> pythonDict(String what, JsonNode field) {
    assertThat(field.isTextual()).as("%s is a string (Python dict repr): %s", what, field).isTrue();
    String text = field.asText().strip();
    assertThat(text).as(what).startsWith("{").endsWith("}");
    Map<String, String> map = new LinkedHashMap<>();
    Matcher m = PY_ENTRY.matcher(text);
    while (m.find()) {
      map.put(m.group(1), m.group(2));
    }
    return map;
  }

  /** The index of the last text holding both parts, or -1. */
  static int lastIndexOf(List<String> texts, String a, String b) {
    for (int i = texts.size() - 1; i >= 0; i--) {
      if (texts.get(i).contains(a) && texts.get(i).contains(b)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first text holding both parts (a VNF's, not the VNFFG's), or -1. */
  static int firstIndexOf(List<String> texts, String a, String b) {
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t.contains(a) && !t.contains("_VNFFG") && t.contains(b)) {
        return i;
      }
    }
    return -1;
  }
}
