package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.nfvflow.vim.openstack.SfcFixtures.A1;
import static io.nfvflow.vim.openstack.SfcFixtures.A2;
import static io.nfvflow.vim.openstack.SfcFixtures.A3;
import static io.nfvflow.vim.openstack.SfcFixtures.B1;
import static io.nfvflow.vim.openstack.SfcFixtures.HTTP;
import static io.nfvflow.vim.openstack.SfcFixtures.NFP;
import static io.nfvflow.vim.openstack.SfcFixtures.NFP2;
import static io.nfvflow.vim.openstack.SfcFixtures.VNFFG;
import static io.nfvflow.vim.openstack.SfcFixtures.group;
import static io.nfvflow.vim.openstack.SfcFixtures.path;
import static io.nfvflow.vim.openstack.SfcFixtures.plan;
import static io.nfvflow.vim.openstack.SfcFixtures.secondPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.nfvflow.chain.ChainNames;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.ChainPlan.Pair;
import io.nfvflow.chain.ChainVariables;
import io.nfvflow.chain.Realised;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.tosca.vnffg.FlowMatch;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The networking-sfc steps of {@code vnffg-apply} and {@code vnffg-remove} against a stateful
 * networking-sfc ({@link FakeSfc}), run as the workflows run them: in order, any of them again.
 */
class SfcStepsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeOpenStack cloud = new FakeOpenStack();
  private final FakeSfc sfc = cloud.sfc;
  private final SfcFixtures.Inventory inventory = new SfcFixtures.Inventory();
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private WireMockServer server;
  private List<JavaDelegate> applySteps;
  private List<JavaDelegate> removeSteps;
  private JavaDelegate applyPortPairGroups;
  private JavaDelegate applyPortChains;

  @BeforeEach
  void setUp() {
    cloud.start();
    server = cloud.server;
    when(execution.getVariable(ChainVariables.VNFFG_ID)).thenReturn(VNFFG);
    VimDirectory directory = id -> cloud.vim();
    NetworkingSfc networkingSfc = cloud.networkingSfc;
    SfcPortPairs pairs = new SfcPortPairs(networkingSfc);
    applyPortPairGroups =
        new ApplyPortPairGroupsDelegate(inventory, directory, networkingSfc, pairs);
    applyPortChains =
        new ApplyPortChainsDelegate(
            inventory, directory, networkingSfc, new SfcPortChains(networkingSfc));
    applySteps =
        List.of(
            new ApplyFlowClassifiersDelegate(inventory, directory, networkingSfc),
            new ApplyPortPairsDelegate(inventory, directory, networkingSfc, pairs),
            applyPortPairGroups,
            applyPortChains,
            new PruneChainDelegate(inventory, directory, networkingSfc));
    removeSteps =
        List.of(
            new DeletePortChainsDelegate(inventory, directory, networkingSfc),
            new DeletePortPairGroupsDelegate(inventory, directory, networkingSfc),
            new DeletePortPairsDelegate(inventory, directory, networkingSfc),
            new DeleteFlowClassifiersDelegate(inventory, directory, networkingSfc));
  }

  @AfterEach
  void tearDown() {
    cloud.stop();
  }

  @Test
  void fromNothingEveryObjectIsMadeAndWiredInHopOrder() throws Exception {
    apply(plan(path()));

    ObjectNode fc = sfc.named(SfcKind.FLOW_CLASSIFIER, classifierName(HTTP)).orElseThrow();
    assertThat(fc.get("protocol").asText()).isEqualTo("tcp");
    assertThat(fc.get("destination_port_range_min").asInt()).isEqualTo(80);
    assertThat(fc.get("destination_port_range_max").asInt()).isEqualTo(80);
    assertThat(fc.get("destination_ip_prefix").asText()).isEqualTo("10.0.0.0/24");
    assertThat(fc.get("logical_source_port").asText()).isEqualTo(SfcFixtures.SOURCE);
    assertThat(fc.get("description").asText())
        .isEqualTo("VNFFG vnffg1 classifier block_c1 " + ChainNames.owner(VNFFG));

    ObjectNode a1 = pairOf(0, A1);
    assertThat(a1.get("egress").asText()).isEqualTo("port-a-out");
    assertThat(a1.at("/service_function_parameters/correlation").asText()).isEqualTo("mpls");
    assertThat(pairOf(1, B1).at("/service_function_parameters/correlation").isNull()).isTrue();
    assertThat(ids(ppg(0).get("port_pairs")))
        .containsExactly(a1.get("id").asText(), pairOf(0, A2).get("id").asText());
    assertThat(ids(ppg(1).get("port_pairs"))).containsExactly(pairOf(1, B1).get("id").asText());

    ObjectNode chain = chain(NFP);
    assertThat(ids(chain.get("port_pair_groups")))
        .containsExactly(ppg(0).get("id").asText(), ppg(1).get("id").asText());
    assertThat(ids(chain.get("flow_classifiers"))).containsExactly(fc.get("id").asText());
    assertThat(chain.get("chain_id").asInt()).isEqualTo(51);
    assertThat(chain.get("description").asText()).endsWith(" " + ChainNames.owner(VNFFG));

    // networking-sfc's own types, not openstack4j's strings: symmetric is a JSON boolean
    JsonNode sent = sentBody("port_chains").get("port_chain");
    assertThat(sent.at("/chain_parameters/symmetric").isBoolean()).isTrue();
    assertThat(sent.at("/chain_parameters/symmetric").asBoolean()).isTrue();
    assertThat(sent.at("/chain_parameters/correlation").asText()).isEqualTo("mpls");
    assertThat(sent.get("chain_id").isInt()).isTrue();

    assertThat(inventory.realised.values())
        .containsExactlyInAnyOrder(
            new Realised(Realised.Kind.FLOW_CLASSIFIER, "c1", fc.get("id").asText(), null),
            new Realised(Realised.Kind.PORT_CHAIN, NFP, chain.get("id").asText(), 51));
  }

  @Test
  void aSecondRunSendsNothing() throws Exception {
    apply(plan(path(), secondPath()));
    server.resetRequests();
    sfc.forgetChanges();

    apply(plan(path(), secondPath()));

    assertThat(sfc.changes()).isEmpty();
    server.verify(0, postRequestedFor(urlMatching(FakeSfc.PATH + ".*")));
    server.verify(0, putRequestedFor(urlMatching(FakeSfc.PATH + ".*")));
    server.verify(0, deleteRequestedFor(urlMatching(FakeSfc.PATH + ".*")));
    // one listing per kind a step reads: 1 + 1 + 2 + 3 + 4
    server.verify(11, getRequestedFor(urlMatching(FakeSfc.PATH + ".*")));
    // the NFP without a path id got one from networking-sfc, and it is recorded
    assertThat(inventory.realised.get("PORT_CHAIN " + NFP2).chainId())
        .isEqualTo(chain(NFP2).get("chain_id").asInt())
        .isNotNull();
  }

  @Test
  void anInstanceThatComesOrGoesChangesOnlyItsGroup() throws Exception {
    apply(plan(path()));
    String chainBefore = chain(NFP).toString();
    sfc.forgetChanges();

    apply(plan(path(List.of(group(0, "vnf1", A1, A2, A3), group(1, "vnf2", B1)), HTTP)));

    assertThat(sfc.changes())
        .containsExactly(
            "POST port_pair " + pairName(0, A3), "PUT port_pair_group " + groupName(0));
    assertThat(ids(ppg(0).get("port_pairs")))
        .containsExactlyInAnyOrder(
            pairOf(0, A1).get("id").asText(),
            pairOf(0, A2).get("id").asText(),
            pairOf(0, A3).get("id").asText());
    sfc.forgetChanges();

    apply(plan(path(List.of(group(0, "vnf1", A1), group(1, "vnf2", B1)), HTTP)));

    assertThat(sfc.changes())
        .containsExactly(
            "PUT port_pair_group " + groupName(0),
            "DELETE port_pair " + pairName(0, A2),
            "DELETE port_pair " + pairName(0, A3));
    assertThat(ids(ppg(0).get("port_pairs"))).containsExactly(pairOf(0, A1).get("id").asText());
    assertThat(chain(NFP).toString()).isEqualTo(chainBefore);
  }

  @Test
  void leavingInstancesLetGoOfTheirPortsBeforeTheVimRemovesThem() throws Exception {
    apply(plan(path()));
    String chainBefore = chain(NFP).toString();
    io.nfvflow.lcm.VnfInventory vnfs = mock(io.nfvflow.lcm.VnfInventory.class);
    when(execution.getVariable(io.nfvflow.lcm.LcmVariables.OPERATION_ID)).thenReturn("op-1");
    when(execution.getVariable(io.nfvflow.lcm.LcmVariables.VNF_ID)).thenReturn("id-vnf1");
    when(vnfs.leavingInstances("op-1"))
        .thenReturn(
            List.of(
                new io.nfvflow.vim.VnfInstance(
                    "VDU1", A2.instanceId(), A2.instanceName(), "ACTIVE", List.of(), Map.of())));
    VimDirectory directory = id -> cloud.vim();
    ReleaseChainedPortsDelegate release =
        new ReleaseChainedPortsDelegate(
            vnfs,
            inventory,
            directory,
            (ApplyPortPairGroupsDelegate) applyPortPairGroups,
            new PruneChainDelegate(inventory, directory, cloud.networkingSfc));
    sfc.forgetChanges();

    release.execute(execution);
    release.execute(execution);

    assertThat(sfc.changes())
        .containsExactly(
            "PUT port_pair_group " + groupName(0), "DELETE port_pair " + pairName(0, A2));
    assertThat(ids(ppg(0).get("port_pairs"))).containsExactly(pairOf(0, A1).get("id").asText());
    assertThat(chain(NFP).toString()).isEqualTo(chainBefore);
    ChainPlan recorded = inventory.groups.get(inventory.groups.size() - 1);
    assertThat(recorded.paths().get(0).groups().get(0).pairs())
        .as("recorded: the groups without the leaving instance")
        .containsExactly(A1);
  }

  @Test
  void anInstanceThatCameBetweenTheStepsIsGroupedAllTheSame() throws Exception {
    apply(plan(path()));
    inventory.plan = plan(path(List.of(group(0, "vnf1", A1, A2, A3), group(1, "vnf2", B1)), HTTP));

    applyPortPairGroups.execute(execution);

    assertThat(ids(ppg(0).get("port_pairs"))).contains(pairOf(0, A3).get("id").asText());
  }

  @Test
  void theGroupStepRecordsThePlanItRealisedNotALaterOne() throws Exception {
    ChainPlan before = plan(path());
    apply(before);
    assertThat(inventory.groups).as("recorded by the group step").containsExactly(before);
    ChainPlan grown = plan(path(List.of(group(0, "vnf1", A1, A2, A3), group(1, "vnf2", B1)), HTTP));
    inventory.plan = grown;

    // only the port chain step runs after the instances changed: the groups still hold A1, A2
    applyPortChains.execute(execution);

    assertThat(inventory.groups).as("a later step records no groups").containsExactly(before);
    assertThat(sfc.named(SfcKind.PORT_PAIR, pairName(0, A3))).isEmpty();
  }

  @Test
  void aChangedMatchIsANewClassifierAndTheOldOneIsPruned() throws Exception {
    apply(plan(path()));
    FlowMatch https = new FlowMatch("IPv4", "tcp", null, null, 443, 443, null, null, null, null);
    sfc.forgetChanges();

    apply(plan(path(path().groups(), https)));

    assertThat(sfc.changes())
        .containsExactly(
            "POST flow_classifier " + classifierName(https),
            "PUT port_chain " + ChainNames.portChain(NFP),
            "DELETE flow_classifier " + classifierName(HTTP));
    String created =
        sfc.named(SfcKind.FLOW_CLASSIFIER, classifierName(https)).orElseThrow().get("id").asText();
    assertThat(ids(chain(NFP).get("flow_classifiers"))).containsExactly(created);
    assertThat(inventory.realised.get("FLOW_CLASSIFIER c1").neutronId()).isEqualTo(created);
  }

  @Test
  void aNewMatchThatOverlapsTheOldOneReplacesItAtOnce() throws Exception {
    // networking-sfc refuses a classifier overlapping an existing one, in a chain or not
    apply(plan(path()));
    FlowMatch web =
        new FlowMatch("IPv4", "tcp", null, null, 80, 8080, null, null, SfcFixtures.SOURCE, null);
    sfc.forgetChanges();

    apply(plan(path(path().groups(), web)));

    assertThat(sfc.changes())
        .containsExactly(
            "PUT port_chain " + ChainNames.portChain(NFP),
            "DELETE flow_classifier " + classifierName(HTTP),
            "POST flow_classifier " + classifierName(web),
            "PUT port_chain " + ChainNames.portChain(NFP));
    assertThat(ids(chain(NFP).get("flow_classifiers")))
        .containsExactly(
            sfc.named(SfcKind.FLOW_CLASSIFIER, classifierName(web))
                .orElseThrow()
                .get("id")
                .asText());
  }

  @Test
  void aPairWhosePortsOrCorrelationChangedIsMadeAnew() throws Exception {
    apply(plan(path()));
    Pair encapsulated = SfcFixtures.pair("pod-b", "port-pod", "port-pod", "mpls");
    sfc.forgetChanges();

    apply(plan(path(List.of(group(0, "vnf1", A1, A2), group(1, "vnf2", encapsulated)), HTTP)));

    assertThat(sfc.changes())
        .containsExactly(
            "PUT port_pair_group " + groupName(1),
            "DELETE port_pair " + pairName(1, B1),
            "POST port_pair " + pairName(1, B1),
            "PUT port_pair_group " + groupName(1));
    assertThat(pairOf(1, B1).at("/service_function_parameters/correlation").asText())
        .isEqualTo("mpls");
    assertThat(ids(ppg(1).get("port_pairs"))).containsExactly(pairOf(1, B1).get("id").asText());
  }

  @Test
  void hopsThatSwappedPlacesTakeTheirPortsAlong() throws Exception {
    // networking-sfc refuses a second pair over the same ports: the stale one is released first
    apply(plan(path()));

    apply(plan(path(List.of(group(0, "vnf2", B1), group(1, "vnf1", A1, A2)), HTTP)));

    assertThat(ids(ppg(0).get("port_pairs"))).containsExactly(pairOf(0, B1).get("id").asText());
    assertThat(ids(ppg(1).get("port_pairs")))
        .containsExactlyInAnyOrder(
            pairOf(1, A1).get("id").asText(), pairOf(1, A2).get("id").asText());
    assertThat(sfc.all(SfcKind.PORT_PAIR)).hasSize(3);
    assertThat(ppg(0).get("description").asText()).contains("hop 0 VNF vnf2");
  }

  @Test
  void pruneDeletesHoldersBeforeWhatTheyHold() throws Exception {
    apply(plan(path(), secondPath()));
    sfc.forgetChanges();

    apply(plan(path()));

    assertThat(sfc.changes())
        .containsExactly(
            "DELETE port_chain " + ChainNames.portChain(NFP2),
            "DELETE flow_classifier "
                + ChainNames.flowClassifier("c2", secondPath().classifiers().get(0).match()),
            "DELETE port_pair_group " + ChainNames.portPairGroup(NFP2, 0),
            "DELETE port_pair " + ChainNames.portPair(NFP2, 0, "port-d-in"));
  }

  @Test
  void removalDeletesOnlyTheVnffgsObjectsWithoutItsPlanAndAgainIsFine() throws Exception {
    String lookalike = VNFFG.substring(0, VNFFG.length() - 1) + "0";
    sfc.put(SfcKind.PORT_PAIR, fields("other", "VNFFG x " + ChainNames.owner(lookalike)));
    sfc.put(SfcKind.PORT_PAIR, fields("quoted", ChainNames.owner(VNFFG) + " was copied here"));
    apply(plan(path(), secondPath()));
    inventory.plan = null; // its VNFs are gone: no plan can be computed any more
    sfc.forgetChanges();

    remove();

    assertThat(sfc.changes())
        .extracting(c -> c.split(" ")[1])
        .containsExactly(
            "port_chain",
            "port_chain",
            "port_pair_group",
            "port_pair_group",
            "port_pair_group",
            "port_pair",
            "port_pair",
            "port_pair",
            "port_pair",
            "flow_classifier",
            "flow_classifier");
    assertThat(sfc.all(SfcKind.PORT_CHAIN)).isEmpty();
    assertThat(sfc.all(SfcKind.PORT_PAIR_GROUP)).isEmpty();
    assertThat(sfc.all(SfcKind.FLOW_CLASSIFIER)).isEmpty();
    assertThat(sfc.all(SfcKind.PORT_PAIR))
        .extracting(p -> p.get("name").asText())
        .containsExactly("other", "quoted");
    sfc.forgetChanges();

    remove();

    assertThat(sfc.changes()).isEmpty();
  }

  @Test
  void anObjectGoneBetweenListingAndDeletingIsFine() throws Exception {
    apply(plan(path()));
    inventory.plan = null;
    server.stubFor(
        delete(urlMatching(FakeSfc.PATH + "port_chains/.*"))
            .atPriority(1)
            .willReturn(
                FakeOpenStack.json(
                    404,
                    neutronError(
                        "PortChainNotFound",
                        "Port Chain 77f38a1b-7698-41ea-90bd-9158dba7eac8 not found."))));

    removeSteps.get(0).execute(execution);
  }

  @Test
  void aRefusalIsVimRejectedWithNetworkingSfcsWords() throws Exception {
    apply(plan(path()));
    server.stubFor(
        post(urlEqualTo(FakeSfc.PATH + "port_chains"))
            .atPriority(1)
            .willReturn(
                FakeOpenStack.json(
                    409,
                    neutronError(
                        "FlowClassifierInUse",
                        "Flow Classifier c1583998-e76e-4bca-80c3-0eb5bb14f0b8 in use."))));
    inventory.plan = plan(path(), secondPath());

    assertThatThrownBy(() -> apply(inventory.plan))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining("create port chain " + ChainNames.portChain(NFP2))
        .hasMessageContaining("Flow Classifier c1583998-e76e-4bca-80c3-0eb5bb14f0b8 in use.")
        .hasMessageContaining("HTTP 409");
  }

  @Test
  void aClassifierOverlappingAnotherVnffgsIsRejectedNotReplaced() {
    ObjectNode theirs = fields("theirs", "VNFFG other " + ChainNames.owner("other"));
    theirs.put("protocol", "tcp").put("logical_source_port", SfcFixtures.SOURCE);
    String id = sfc.put(SfcKind.FLOW_CLASSIFIER, theirs);

    assertThatThrownBy(() -> apply(plan(path())))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining("Flow Classifier conflicts with another Flow Classifier " + id);
    assertThat(sfc.all(SfcKind.FLOW_CLASSIFIER)).hasSize(1);
  }

  @Test
  void aPortThatDoesNotExistIsRejectedNotRetried() {
    server.stubFor(
        post(urlEqualTo(FakeSfc.PATH + "port_pairs"))
            .atPriority(1)
            .willReturn(
                FakeOpenStack.json(
                    404,
                    neutronError("PortPairPortNotFound", "Port Pair port port-a-in not found."))));

    assertThatThrownBy(() -> apply(plan(path())))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining("Port Pair port port-a-in not found.");
  }

  @Test
  void aNeutronWithoutNetworkingSfcIsRejected() {
    server.stubFor(
        get(urlPathEqualTo(FakeSfc.PATH + "flow_classifiers"))
            .atPriority(1)
            .willReturn(
                FakeOpenStack.json(
                    404, neutronError("HTTPNotFound", "The resource could not be found."))));

    assertThatThrownBy(() -> apply(plan(path())))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining("networking-sfc is not enabled on the Neutron of VIM vim-os");
  }

  @Test
  void unavailableNeutronIsRetriedByTheEngine() {
    server.stubFor(
        get(urlPathEqualTo(FakeSfc.PATH + "flow_classifiers"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

    assertThatThrownBy(() -> apply(plan(path())))
        .isNotInstanceOf(BpmnError.class)
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT))
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void aRejectedTokenIsVimUnauthorized() {
    server.stubFor(
        get(urlPathEqualTo(FakeSfc.PATH + "port_pairs"))
            .atPriority(1)
            .willReturn(
                FakeOpenStack.json(
                    401,
                    "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The"
                        + " request you have made requires authentication.\"}}")));
    inventory.plan = plan(path());

    assertThatThrownBy(() -> removeSteps.get(2).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_UNAUTHORIZED));
  }

  @Test
  void aGroupDeletedBehindNfvflowsBackIsNamed() throws Exception {
    apply(plan(path()));
    sfc.remove(SfcKind.PORT_CHAIN, chain(NFP).get("id").asText());
    sfc.remove(SfcKind.PORT_PAIR_GROUP, ppg(1).get("id").asText());

    assertThatThrownBy(() -> applyPortChains.execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo(LcmErrors.VIM_REJECTED))
        .hasMessageContaining(groupName(1));
  }

  @Test
  void descriptionsKeepTheMarkerWithinNeutronsLimit() {
    ChainPlan longName = new ChainPlan(VNFFG, "x".repeat(400), "vim-os", List.of());

    String description = SfcBodies.description(longName, "NFP y");

    assertThat(description)
        .hasSize(SfcBodies.DESCRIPTION_MAX)
        .endsWith(" " + ChainNames.owner(VNFFG));
    assertThat(
            SfcObject.of(SfcKind.PORT_PAIR, JSON.createObjectNode().put("description", description))
                .ownedBy(VNFFG))
        .isTrue();
  }

  private void apply(ChainPlan plan) throws Exception {
    inventory.plan = plan;
    for (JavaDelegate step : applySteps) {
      step.execute(execution);
    }
  }

  private void remove() throws Exception {
    for (JavaDelegate step : removeSteps) {
      step.execute(execution);
    }
  }

  private ObjectNode pairOf(int hop, Pair pair) {
    return sfc.named(SfcKind.PORT_PAIR, pairName(hop, pair)).orElseThrow();
  }

  private ObjectNode ppg(int hop) {
    return sfc.named(SfcKind.PORT_PAIR_GROUP, groupName(hop)).orElseThrow();
  }

  private ObjectNode chain(String nfp) {
    return sfc.named(SfcKind.PORT_CHAIN, ChainNames.portChain(nfp)).orElseThrow();
  }

  private static String pairName(int hop, Pair pair) {
    return ChainNames.portPair(NFP, hop, pair.ingressPort());
  }

  private static String groupName(int hop) {
    return ChainNames.portPairGroup(NFP, hop);
  }

  private static String classifierName(FlowMatch match) {
    return ChainNames.flowClassifier("c1", match);
  }

  private static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static ObjectNode fields(String name, String description) {
    return JSON.createObjectNode()
        .put("name", name)
        .put("description", description)
        .put("ingress", "port-" + name)
        .put("egress", "port-" + name);
  }

  private JsonNode sentBody(String collection) throws IOException {
    return JSON.readTree(
        server
            .findAll(postRequestedFor(urlEqualTo(FakeSfc.PATH + collection)))
            .get(0)
            .getBodyAsString());
  }

  private static String neutronError(String type, String message) {
    return OpenStackFixtures.recorded(
        "neutron-error.json", Map.of("type", type, "message", message));
  }
}
