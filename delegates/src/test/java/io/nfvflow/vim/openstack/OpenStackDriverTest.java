package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.nfvflow.vim.openstack.OpenStackFixtures.HEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDriverContractTest;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.openstack.FakeHeat.Stack;
import io.nfvflow.vim.openstack.StackStatus.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.core.transport.internal.HttpExecutor;

/** The driver and the Heat stack operations against WireMock answering recorded OpenStack JSON. */
class OpenStackDriverTest extends VimDriverContractTest {

  private static final String VNF = HotSamples.VNF_ID;
  private static final String STACK = HeatTemplates.stackName(VNF);
  private static final String TOKENS = "/v3/auth/tokens";

  private final FakeHeat heat = new FakeHeat();
  private WireMockServer server;
  private OpenStackClients clients;
  private HeatStacks stacks;
  private OpenStackDriver driver;

  @BeforeEach
  void setUp() {
    server = new WireMockServer(options().dynamicPort().extensions(heat));
    server.start();
    heat.base(server.baseUrl());
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
    clients = new OpenStackClients();
    stacks = new HeatStacks(clients);
    driver = new OpenStackDriver(clients, stacks);
  }

  @AfterEach
  void tearDown() {
    server.stop();
  }

  @Override
  protected VimDriver driver() {
    return driver;
  }

  @Override
  protected VimConnection reachableVim() {
    return OpenStackFixtures.vim(server.baseUrl());
  }

  @Override
  protected VimConnection vimWithRejectedCredentials() {
    return OpenStackFixtures.vim(server.baseUrl(), "demo", "wrong");
  }

  @Override
  protected VimConnection vimAt(String url) {
    return OpenStackFixtures.vim(url);
  }

  @Override
  protected void createResourcesOf(String vnfId) {
    stacks.create(reachableVim(), vnfId, helloWorld(), Map.of(), Duration.ofMinutes(5));
  }

  @Override
  protected void deleteResourcesOf(String vnfId) {
    stacks.delete(reachableVim(), vnfId);
  }

  @Override
  protected VimException failureOf(int httpStatus) {
    server.stubFor(
        get(urlEqualTo(HEAT + "/stacks/" + STACK))
            .atPriority(1)
            .willReturn(
                json(
                    httpStatus,
                    OpenStackFixtures.heatError(
                        httpStatus, "Because", "HTTPError", "the cloud says no"))));
    try {
      stacks.outputs(reachableVim(), VNF);
    } catch (VimException e) {
      return e;
    }
    throw new AssertionError("no VimException for HTTP " + httpStatus);
  }

  @Test
  void openstack4jUsesTheOkHttpConnector() {
    assertThat(HttpExecutor.create().getExecutorName()).isEqualTo("OKHttp Connector");
  }

  @Test
  void probeGivesTheDistinctRegionsOfTheCatalog() {
    assertThat(driver.probe(reachableVim()).regions()).containsExactly("RegionOne", "RegionTwo");
  }

  @Test
  void probeScopesToTheProjectByNameWithTheConfiguredDomains() {
    VimConnection vim =
        new VimConnection(
            "vim-os",
            "openstack",
            server.baseUrl() + "/v3",
            "nfv",
            Map.of("user_domain_name", "users", "project.project_domain_name", "projects"),
            new VimCredentials("tenant-admin", "s3cret", null, null));

    driver.probe(vim);

    server.verify(
        postRequestedFor(urlEqualTo(TOKENS))
            .withRequestBody(
                matchingJsonPath("$.auth.identity.password.user.name", equalTo("tenant-admin")))
            .withRequestBody(
                matchingJsonPath("$.auth.identity.password.user.domain.name", equalTo("users")))
            .withRequestBody(matchingJsonPath("$.auth.scope.project.name", equalTo("nfv")))
            .withRequestBody(
                matchingJsonPath("$.auth.scope.project.domain.name", equalTo("projects"))));
  }

  @Test
  void probeOfAKeystoneAnswering503IsUnreachableWithTheReason() {
    server.stubFor(
        post(TOKENS)
            .atPriority(1)
            .willReturn(
                json(503, "{\"error\": {\"code\": 503, \"message\": \"database is down\"}}")));

    var probe = driver.probe(reachableVim());

    assertThat(probe.reachable()).isFalse();
    assertThat(probe.detail()).contains("503");
  }

  @Test
  void aTokenServesManyCallsAndIsRenewedWhenTheCredentialsChange() {
    stacks.status(reachableVim(), VNF);
    stacks.flavors(reachableVim());
    stacks.resources(reachableVim(), VNF);
    server.verify(1, postRequestedFor(urlEqualTo(TOKENS)));

    stacks.status(OpenStackFixtures.vim(server.baseUrl(), "demo", "rotated"), VNF);
    server.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
  }

  @Test
  void aTokenAboutToExpireIsRenewed() {
    Clock late = Clock.fixed(Instant.parse("2098-12-31T23:58:00Z"), ZoneOffset.UTC);
    HeatStacks renewing = new HeatStacks(new OpenStackClients(late));

    renewing.status(reachableVim(), VNF);
    renewing.status(reachableVim(), VNF);

    server.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
  }

  @Test
  void createSendsTheTranslatedStackWithTagsTimeoutAndNoRollback() {
    stacks.create(reachableVim(), VNF, helloWorld(), Map.of(), Duration.ofSeconds(150));

    server.verify(
        1,
        postRequestedFor(urlEqualTo(HEAT + "/stacks"))
            .withRequestBody(matchingJsonPath("$.stack_name", equalTo(STACK)))
            .withRequestBody(matchingJsonPath("$.tags", equalTo("nfvflow,nfvflow-vnf-" + VNF)))
            .withRequestBody(matchingJsonPath("$.disable_rollback", equalTo("true")))
            .withRequestBody(matchingJsonPath("$.timeout_mins", equalTo("3")))
            .withRequestBody(matchingJsonPath("$.template")));
  }

  @Test
  void createFindsTheStackARunBeforeACrashMadeAndPostsNothing() {
    stacks.create(reachableVim(), VNF, helloWorld(), Map.of(), Duration.ofMinutes(5));
    heat.put(withStatus(heat.get(STACK), "CREATE_IN_PROGRESS", "Stack CREATE started"));

    stacks.create(reachableVim(), VNF, helloWorld(), Map.of(), Duration.ofMinutes(5));

    server.verify(1, postRequestedFor(urlEqualTo(HEAT + "/stacks")));
  }

  @Test
  void aStackOfTheSameNameWithoutTheVnfTagIsRejectedAndKept() {
    heat.put(stack("CREATE_COMPLETE", null, List.of("someone-else"), List.of()));

    assertThatThrownBy(() -> stacks.create(reachableVim(), VNF, helloWorld()))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
        .hasMessageContaining(STACK)
        .hasMessageContaining("not owned by VNF " + VNF);
    assertThatThrownBy(() -> stacks.delete(reachableVim(), VNF))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
    server.verify(0, postRequestedFor(urlEqualTo(HEAT + "/stacks")));
    server.verify(0, deleteRequestedFor(urlMatching("/heat/.*")));
    assertThat(driver.resources(reachableVim(), VNF)).isEmpty();
  }

  @Test
  void heatRefusingTheTemplateIsRejectedWithHeatsMessage() {
    server.stubFor(
        post(urlEqualTo(HEAT + "/stacks"))
            .atPriority(1)
            .willReturn(
                json(
                    400,
                    OpenStackFixtures.heatError(
                        400,
                        "Bad Request",
                        "StackValidationFailed",
                        "The Flavor ID (m1.nope) could not be found."))));

    assertThatThrownBy(() -> stacks.create(reachableVim(), VNF, helloWorld()))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
        .hasMessageContaining("The Flavor ID (m1.nope) could not be found.");
  }

  @Test
  void statusMapsHeatsStackStatus() {
    assertThat(stacks.status(reachableVim(), VNF).phase()).isEqualTo(Phase.GONE);

    heat.put(stack("CREATE_IN_PROGRESS", "Stack CREATE started", owner(), List.of()));
    assertThat(stacks.status(reachableVim(), VNF).phase()).isEqualTo(Phase.IN_PROGRESS);

    heat.put(stack("CREATE_COMPLETE", "Stack CREATE completed successfully", owner(), List.of()));
    assertThat(stacks.status(reachableVim(), VNF).phase()).isEqualTo(Phase.COMPLETE);

    String reason = "Resource CREATE failed: ResourceInError: resources.VDU1: Went to status ERROR";
    heat.put(stack("CREATE_FAILED", reason, owner(), List.of()));
    assertThat(stacks.status(reachableVim(), VNF))
        .isEqualTo(new StackStatus(STACK, Phase.FAILED, "CREATE_FAILED", reason));
  }

  @Test
  void outputsGiveEachVduItsAddressAndAScaledVduItsListAsJson() {
    heat.put(
        stack(
            "CREATE_COMPLETE",
            null,
            owner(),
            List.of(
                output("mgmt_ip-VDU1", "10.0.0.5"),
                output("mgmt_ip-VDU2", List.of("10.0.0.6", "10.0.0.7")),
                output("mgmt_ip-VDU3", null),
                output("server_id", "not-an-address"))));

    assertThat(stacks.outputs(reachableVim(), VNF))
        .containsExactly(
            Map.entry("VDU1", "10.0.0.5"), Map.entry("VDU2", "[\"10.0.0.6\",\"10.0.0.7\"]"));
  }

  @Test
  void resourcesAreTheStacksResourcesWithTheirPhysicalIds() {
    createResourcesOf(VNF);

    assertThat(driver.resources(reachableVim(), VNF))
        .extracting(r -> r.type() + " " + r.name())
        .containsExactly("OS::Nova::Server VDU1", "OS::Neutron::Port CP1");
    assertThat(driver.resources(reachableVim(), VNF))
        .allSatisfy(r -> assertThat(r.id()).isNotBlank());
    // a scaling group's servers and ports are in nested stacks: Heat must be asked for them
    server.verify(
        getRequestedFor(urlPathMatching(HEAT + "/stacks/" + STACK + "/.*/resources"))
            .withQueryParam("nested_depth", equalTo("2")));
  }

  @Test
  void deleteFailedGivesHeatsReasonAndDeleteIssuesTheDeleteAgain() {
    String reason = "Resource DELETE failed: Conflict: resources.CP1: Port is in use";
    heat.put(stack("DELETE_FAILED", reason, owner(), List.of()));

    assertThat(stacks.deleteStatus(reachableVim(), VNF))
        .isEqualTo(new StackStatus(STACK, Phase.FAILED, "DELETE_FAILED", reason));
    stacks.delete(reachableVim(), VNF);

    server.verify(1, deleteRequestedFor(urlMatching(HEAT + "/stacks/" + STACK + "/.*")));
    assertThat(stacks.deleteStatus(reachableVim(), VNF).phase()).isEqualTo(Phase.GONE);
  }

  @Test
  void aStackBeingDeletedIsNotDeletedTwice() {
    heat.put(stack("DELETE_IN_PROGRESS", "Stack DELETE started", owner(), List.of()));

    stacks.delete(reachableVim(), VNF);

    server.verify(0, deleteRequestedFor(urlMatching("/heat/.*")));
    assertThat(stacks.deleteStatus(reachableVim(), VNF).phase()).isEqualTo(Phase.IN_PROGRESS);
  }

  @Test
  void aStackVanishingBetweenLookUpAndDeleteIsFine() {
    heat.put(stack("CREATE_COMPLETE", null, owner(), List.of()));
    server.stubFor(
        any(urlMatching(HEAT + "/stacks/" + STACK + "/.+"))
            .atPriority(1)
            .willReturn(
                json(
                    404, OpenStackFixtures.heatError(404, "Not Found", "EntityNotFound", "gone"))));

    stacks.delete(reachableVim(), VNF);
  }

  @Test
  void containerVdusAreNotDeployable() {
    VnfDescriptor containers =
        new io.nfvflow.tosca.ToscaParser()
            .parse(
                OpenStackFixtures.resource("/tacker-samples/tosca-vnfd-containerized.yaml"),
                java.util.Map.of());

    assertThatThrownBy(() -> driver.checkDeployable(containers))
        .isInstanceOfSatisfying(ToscaException.class, e -> assertThat(e.isUnsupported()).isTrue())
        .hasMessageContaining("container VDUs need a Kubernetes VIM");
  }

  @Test
  void vmVdusAreDeployable() {
    driver.checkDeployable(helloWorld());
  }

  @Test
  void typeIsOpenstack() {
    assertThat(driver.type()).isEqualTo("openstack");
  }

  /** One VM sized by {@code nfv_compute}, so that creating it lists the flavors. */
  private static VnfDescriptor helloWorld() {
    return new io.nfvflow.tosca.ToscaParser()
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
            java.util.Map.of());
  }

  private static List<String> owner() {
    return HeatTemplates.tags(VNF);
  }

  private static Stack stack(
      String status, String reason, List<String> tags, List<Map<String, Object>> outputs) {
    return new Stack(STACK, "5e1f3a7c-2b4d-4e6f-8a0c-1d3e5f7a9b2c", status, reason, tags, outputs);
  }

  private static Stack withStatus(Stack s, String status, String reason) {
    return new Stack(s.name(), s.id(), status, reason, s.tags(), s.outputs());
  }

  private static Map<String, Object> output(String key, Object value) {
    Map<String, Object> output = new HashMap<>();
    output.put("output_key", key);
    output.put("output_value", value);
    output.put("description", "test output");
    return output;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
