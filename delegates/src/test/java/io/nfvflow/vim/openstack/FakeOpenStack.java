package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.nfvflow.tosca.ToscaParser;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfOnVim;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A cloud on WireMock for driver tests: Keystone (the recorded token, {@code wrong} passwords get
 * 401), Nova flavors, a {@link FakeHeat}, a {@link FakeCompute} (servers and ports) and a {@link
 * FakeSfc} (networking-sfc).
 */
final class FakeOpenStack {

  static final String VNF = HotSamples.VNF_ID;
  static final String STACK = HeatTemplates.stackName(VNF);
  static final String TOKENS = "/v3/auth/tokens";

  final FakeHeat heat = new FakeHeat();
  final FakeCompute compute = new FakeCompute();
  final FakeSfc sfc = new FakeSfc();
  final WireMockServer server =
      new WireMockServer(options().dynamicPort().extensions(heat, compute, sfc));

  /** The code under test, wired as the application wires it. */
  final OpenStackClients clients = new OpenStackClients();

  final HeatStacks stacks = new HeatStacks(clients);
  final OpenStackDriver driver = new OpenStackDriver(clients, stacks);
  final NetworkingSfc networkingSfc = new NetworkingSfc(clients);

  void start() {
    server.start();
    heat.base(server.baseUrl());
    compute.base(server.baseUrl());
    server.stubFor(
        post(TOKENS)
            .atPriority(5)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Subject-Token", "gAAAAABfake-token")
                    .withBody(
                        OpenStackFixtures.recorded(
                            "keystone-token.json", Map.of("base", server.baseUrl())))));
    server.stubFor(
        post(TOKENS)
            .atPriority(1)
            .withRequestBody(
                matchingJsonPath("$.auth.identity.password.user.password", equalTo("wrong")))
            .willReturn(json(401, OpenStackFixtures.recorded("keystone-401.json", Map.of()))));
    server.stubFor(
        get(urlPathEqualTo("/compute/v2.1/flavors/detail"))
            .willReturn(
                json(
                    200,
                    OpenStackFixtures.recorded(
                        "nova-flavors.json", Map.of("base", server.baseUrl())))));
    server.stubFor(
        any(urlMatching("/heat/.*"))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(FakeHeat.NAME)));
    server.stubFor(
        any(urlMatching("/(compute/v2.1/servers|network/v2.0/ports).*"))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(FakeCompute.NAME)));
    server.stubFor(
        any(urlMatching(FakeSfc.PATH + ".*"))
            .atPriority(10)
            .willReturn(aResponse().withTransformers(FakeSfc.NAME)));
  }

  void stop() {
    server.stop();
  }

  /**
   * The requests the cloud served since the last {@link #forgetRequests}, oldest first, as {@code
   * <method> <url>} with the ids of {@link #putScaledVnf} and the Heat, Nova and Neutron prefixes
   * shortened ({@code GET heat:/stacks?name=nfvflow-<vnf>}); Keystone's token requests left out.
   */
  List<String> requests() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events); // WireMock lists the newest first
    return events.stream()
        .map(ServeEvent::getRequest)
        .filter(r -> !r.getUrl().startsWith(TOKENS))
        .map(
            r ->
                r.getMethod().getName()
                    + " "
                    + r.getUrl()
                        .replace(OpenStackFixtures.HEAT, "heat:")
                        .replace("/compute/v2.1", "nova:")
                        .replace("/network/v2.0", "neutron:"))
        .toList();
  }

  /** Starts {@link #requests} afresh. */
  void forgetRequests() {
    server.resetRequests();
  }

  /** Demo's VIM on this cloud. */
  VimConnection vim() {
    return OpenStackFixtures.vim(server.baseUrl());
  }

  /** The test VNF at the desired scale. */
  VnfOnVim vnf(VnfDescriptor descriptor, Map<String, Integer> scale) {
    return new VnfOnVim(vim(), VNF, descriptor, scale);
  }

  /** The test VNF without its descriptor, as a removal may see it. */
  VnfOnVim withoutDescriptor() {
    return new VnfOnVim(vim(), VNF, null, Map.of());
  }

  /** The id of the stack {@link #putScaledVnf} puts. */
  static final String STACK_ID = "5e1f3a7c-2b4d-4e6f-8a0c-1d3e5f7a9b2c";

  /**
   * The VNF of {@link #scaled()} as Heat, Nova and Neutron hold it after a create or update: VDU2
   * and its port in the top-level stack, and one member stack of {@code SP1_group} per member
   * ({@code a}, {@code b}, ...), each with VDU1 and its two ports. Every server is ACTIVE. Member
   * {@code x}'s stack is {@link #memberStack memberStack(x)}. Member {@code x}'s server is {@code
   * vdu1-x} (id {@code server-x}), its ports {@code port-x-CP11} and {@code port-x-CP12} with
   * addresses 10.0.1.n and 10.0.0.n; VDU2's server is {@code vdu2} with port {@code port-CP21} at
   * 10.0.0.21.
   */
  void putScaledVnf(String status, String... members) {
    String top = STACK + "/" + STACK_ID;
    List<FakeHeat.Resource> resources = new ArrayList<>();
    resources.add(
        new FakeHeat.Resource("CP21", StackServers.PORT, "port-CP21", top, null)
            .referencedBy("VDU2"));
    resources.add(new FakeHeat.Resource("VDU2", StackServers.SERVER, "server-2", top, null));
    resources.add(
        new FakeHeat.Resource(
            "SP1_group",
            "OS::Heat::AutoScalingGroup",
            "2b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e",
            top,
            null));
    compute.put(new FakeCompute.Server("server-2", "vdu2", "ACTIVE", "VDU2", null));
    compute.put(
        new FakeCompute.Port(
            "port-CP21", "cp21", "server-2", "fa:16:3e:00:00:21", List.of("10.0.0.21")));
    int n = 10;
    for (String m : members) {
      n++;
      String member = m + "fcnbfvtqzub";
      String nested = memberStack(m);
      resources.add(
          new FakeHeat.Resource(member, "SP1_res.yaml", "member-" + m, GROUP, "SP1_group"));
      resources.add(
          new FakeHeat.Resource("CP12", StackServers.PORT, "port-" + m + "-CP12", nested, member)
              .referencedBy("VDU1"));
      resources.add(
          new FakeHeat.Resource("CP11", StackServers.PORT, "port-" + m + "-CP11", nested, member)
              .referencedBy("VDU1"));
      resources.add(
          new FakeHeat.Resource("VDU1", StackServers.SERVER, "server-" + m, nested, member));
      compute.put(new FakeCompute.Server("server-" + m, "vdu1-" + m, "ACTIVE", "VDU1", null));
      compute.put(
          new FakeCompute.Port(
              "port-" + m + "-CP11",
              "cp11",
              "server-" + m,
              "fa:16:3e:01:00:" + n,
              List.of("10.0.1." + n)));
      compute.put(
          new FakeCompute.Port(
              "port-" + m + "-CP12",
              "cp12",
              "server-" + m,
              "fa:16:3e:00:00:" + n,
              List.of("10.0.0." + n)));
    }
    heat.put(
        new FakeHeat.Stack(
            STACK,
            STACK_ID,
            status,
            status.endsWith("COMPLETE")
                ? "Stack " + status.replace("_COMPLETE", "") + " completed successfully"
                : null,
            HeatTemplates.tags(VNF),
            Map.of(HeatTemplates.capacityParameter("SP1"), Integer.toString(members.length)),
            resources));
  }

  /** The scaling group's nested stack, as {@code <name>/<id>}. */
  static final String GROUP =
      STACK + "-SP1_group-twpogje7pvxl/2b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";

  /** The nested stack of member {@code m} of {@link #putScaledVnf}, as {@code <name>/<id>}. */
  static String memberStack(String m) {
    return GROUP.replaceFirst("/.*", "") + "-" + m + "fcnbfvtqzub-osd3nijn6stn/member-" + m;
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** One VM sized by {@code nfv_compute}, so that creating it lists the flavors. */
  static VnfDescriptor helloWorld() {
    return new ToscaParser()
        .parse(
            """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        topology_template:
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              capabilities:
                nfv_compute:
                  properties:
                    num_cpus: 1
                    mem_size: 512 MB
                    disk_size: 1 GB
              properties:
                image: cirros-0.5.2-x86_64-disk
            CP1:
              type: tosca.nodes.nfv.CP.Tacker
              properties:
                management: true
              requirements:
                - virtualLink:
                    node: VL1
                - virtualBinding:
                    node: VDU1
            VL1:
              type: tosca.nodes.nfv.VL
              properties:
                network_name: net_mgmt
                vendor: Tacker
        """,
            Map.of());
  }

  /**
   * VDU1 in scaling policy SP1 (1 to 3, 1 at first) with two ports, the management one second by
   * name but first by order; VDU2 alone with its management port.
   */
  static VnfDescriptor scaled() {
    return new ToscaParser()
        .parse(
            """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        topology_template:
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties: {image: fake-img, flavor: m1.tiny}
            CP11:
              type: tosca.nodes.nfv.CP.Tacker
              properties: {order: 1}
              requirements:
                - virtualLink: {node: VL1}
                - virtualBinding: {node: VDU1}
            CP12:
              type: tosca.nodes.nfv.CP.Tacker
              properties: {management: true, order: 0}
              requirements:
                - virtualLink: {node: VL1}
                - virtualBinding: {node: VDU1}
            VDU2:
              type: tosca.nodes.nfv.VDU.Tacker
              properties: {image: fake-img, flavor: m1.tiny}
            CP21:
              type: tosca.nodes.nfv.CP.Tacker
              properties: {management: true}
              requirements:
                - virtualLink: {node: VL1}
                - virtualBinding: {node: VDU2}
            VL1:
              type: tosca.nodes.nfv.VL
              properties: {network_name: net_mgmt}
          policies:
            - SP1:
                type: tosca.policies.tacker.Scaling
                properties:
                  targets: [VDU1]
                  increment: 1
                  min_instances: 1
                  max_instances: 3
                  default_instances: 1
        """,
            Map.of());
  }
}
