package io.nfvflow.vim.openstack;

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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.nfvflow.vim.openstack.FakeOpenStack.STACK;
import static io.nfvflow.vim.openstack.FakeOpenStack.TOKENS;
import static io.nfvflow.vim.openstack.FakeOpenStack.VNF;
import static io.nfvflow.vim.openstack.FakeOpenStack.helloWorld;
import static io.nfvflow.vim.openstack.FakeOpenStack.json;
import static io.nfvflow.vim.openstack.OpenStackFixtures.HEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.PollCadence;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDriverContractTest;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.openstack.FakeHeat.Stack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.core.transport.internal.HttpExecutor;

/** The driver's probe, clients, resources and removal against WireMock answering recorded JSON. */
class OpenStackDriverTest extends VimDriverContractTest {

  private final FakeOpenStack cloud = new FakeOpenStack();
  private final FakeHeat heat = cloud.heat;
  private WireMockServer server;
  private HeatStacks stacks;
  private OpenStackDriver driver;

  @BeforeEach
  void setUp() {
    cloud.start();
    server = cloud.server;
    stacks = cloud.stacks;
    driver = cloud.driver;
  }

  @AfterEach
  void tearDown() {
    cloud.stop();
  }

  @Override
  protected VimDriver driver() {
    return driver;
  }

  @Override
  protected VimConnection reachableVim() {
    return cloud.vim();
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
    driver.apply(new VnfOnVim(reachableVim(), vnfId, helloWorld()), Duration.ofMinutes(5));
  }

  @Override
  protected void deleteResourcesOf(String vnfId) {
    driver.remove(new VnfOnVim(reachableVim(), vnfId, null));
  }

  @Override
  protected VimException failureOf(int httpStatus) {
    server.stubFor(
        get(urlEqualTo(HEAT + "/stacks?name=" + STACK))
            .atPriority(1)
            .willReturn(
                json(
                    httpStatus,
                    OpenStackFixtures.heatError(
                        httpStatus, "Because", "HTTPError", "the cloud says no"))));
    try {
      driver.observe(cloud.vnf(helloWorld(), Map.of()));
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
  void retryProfileAndPollCadenceAreHeatsPace() {
    assertThat(driver.retryCycle()).isEqualTo("R5/PT15S");
    PollCadence cadence = driver.cadence();
    assertThat(cadence.next(null)).isEqualTo(Duration.ofMillis(500));
    assertThat(cadence.next(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(750));
    assertThat(cadence.next(Duration.ofMillis(2532))).isEqualTo(Duration.ofMillis(3798));
    assertThat(cadence.next(Duration.ofMillis(3798))).isEqualTo(Duration.ofSeconds(5));
    assertThat(cadence.next(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
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
    stacks.find(reachableVim(), STACK);
    stacks.flavors(reachableVim());
    stacks.resources(reachableVim(), VNF);
    server.verify(1, postRequestedFor(urlEqualTo(TOKENS)));

    stacks.find(OpenStackFixtures.vim(server.baseUrl(), "demo", "rotated"), STACK);
    server.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
  }

  @Test
  void aTokenAboutToExpireIsRenewed() {
    Clock late = Clock.fixed(Instant.parse("2098-12-31T23:58:00Z"), ZoneOffset.UTC);
    HeatStacks renewing = new HeatStacks(new OpenStackClients(late));

    renewing.find(reachableVim(), STACK);
    renewing.find(reachableVim(), STACK);

    server.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
  }

  @Test
  void aStackOfTheSameNameWithoutTheVnfTagIsRejectedAndKept() {
    heat.put(stack("CREATE_COMPLETE", List.of("someone-else")));

    assertThatThrownBy(() -> driver.apply(cloud.vnf(helloWorld(), Map.of())))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
        .hasMessageContaining(STACK)
        .hasMessageContaining("not owned by VNF " + VNF);
    assertThatThrownBy(() -> driver.remove(cloud.withoutDescriptor()))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
    server.verify(0, postRequestedFor(urlEqualTo(HEAT + "/stacks")));
    server.verify(0, deleteRequestedFor(urlMatching("/heat/.*")));
    assertThat(driver.resources(reachableVim(), VNF)).isEmpty();
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
  void removeNeedsNoDescriptor() {
    createResourcesOf(VNF);

    driver.remove(cloud.withoutDescriptor());

    server.verify(1, deleteRequestedFor(urlMatching(HEAT + "/stacks/" + STACK + "/.*")));
    assertThat(heat.get(STACK)).isNull();
  }

  @Test
  void aStackBeingDeletedIsNotDeletedTwice() {
    heat.put(stack("DELETE_IN_PROGRESS", HeatTemplates.tags(VNF)));

    driver.remove(cloud.withoutDescriptor());

    server.verify(0, deleteRequestedFor(urlMatching("/heat/.*")));
  }

  @Test
  void aStackVanishingBetweenLookUpAndDeleteIsFine() {
    heat.put(stack("CREATE_COMPLETE", HeatTemplates.tags(VNF)));
    server.stubFor(
        any(urlMatching(HEAT + "/stacks/" + STACK + "/.+"))
            .atPriority(1)
            .willReturn(
                json(
                    404, OpenStackFixtures.heatError(404, "Not Found", "EntityNotFound", "gone"))));

    driver.remove(cloud.withoutDescriptor());
  }

  @Test
  void containerVdusAreNotDeployable() {
    VnfDescriptor containers =
        new io.nfvflow.tosca.ToscaParser()
            .parse(
                OpenStackFixtures.resource("/tacker-samples/tosca-vnfd-containerized.yaml"),
                Map.of());

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

  private static Stack stack(String status, List<String> tags) {
    return new Stack(
        STACK, "5e1f3a7c-2b4d-4e6f-8a0c-1d3e5f7a9b2c", status, null, tags, Map.of(), null);
  }
}
