package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.nfvflow.vim.openstack.FakeOpenStack.STACK;
import static io.nfvflow.vim.openstack.FakeOpenStack.VNF;
import static io.nfvflow.vim.openstack.FakeOpenStack.json;
import static io.nfvflow.vim.openstack.FakeOpenStack.scaled;
import static io.nfvflow.vim.openstack.OpenStackFixtures.HEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.openstack.FakeHeat.Stack;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code apply}: create with the desired sizes, then update by PATCH only what differs; a retried
 * apply sends nothing new.
 */
class OpenStackApplyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  @Test
  void noStackCreatesItWithEachPolicysSizeTagsTimeoutAndNoRollback() {
    assertThat(stacks.apply(vnf(Map.of("SP1", 2)), Duration.ofSeconds(150)))
        .isEqualTo(HeatStacks.Applied.CREATED);

    server.verify(
        1,
        creates()
            .withRequestBody(matchingJsonPath("$.stack_name", equalTo(STACK)))
            .withRequestBody(matchingJsonPath("$.parameters.SP1_desired_capacity", equalTo("2")))
            .withRequestBody(matchingJsonPath("$.tags", equalTo("nfvflow,nfvflow-vnf-" + VNF)))
            .withRequestBody(matchingJsonPath("$.disable_rollback", equalTo("true")))
            .withRequestBody(matchingJsonPath("$.timeout_mins", equalTo("3")))
            .withRequestBody(matchingJsonPath("$.files['SP1_res.yaml']"))
            .withRequestBody(matchingJsonPath("$.template")));
    assertThat(heat.get(STACK).parameters()).containsEntry("SP1_desired_capacity", "2");
  }

  @Test
  void aNewVnfStartsAtItsInitialSize() {
    driver.apply(vnf(Map.of()));

    server.verify(
        creates()
            .withRequestBody(matchingJsonPath("$.parameters.SP1_desired_capacity", equalTo("1"))));
  }

  @Test
  void applyingTwiceSendsNothingTheSecondTime() {
    driver.apply(vnf(Map.of()));
    int requests = cloud.requests().size();

    assertThat(stacks.apply(vnf(Map.of()), Duration.ofMinutes(5)))
        .isEqualTo(HeatStacks.Applied.UNCHANGED);

    server.verify(1, creates());
    server.verify(0, patches());
    // one look at the stack with its parameters, nothing else
    String id = heat.get(STACK).id();
    assertThat(cloud.requests().subList(requests, cloud.requests().size()))
        .containsExactly("GET heat:/stacks?name=" + STACK, "GET heat:/stacks/" + STACK + "/" + id);
  }

  @Test
  void aNewSizeIsOnePatchWithOnlyTheParametersAndTheTimeout() throws IOException {
    driver.apply(vnf(Map.of()));

    assertThat(stacks.apply(vnf(Map.of("SP1", 3)), Duration.ofMinutes(10)))
        .isEqualTo(HeatStacks.Applied.UPDATED);

    server.verify(1, patches());
    JsonNode body = JSON.readTree(server.findAll(patches()).get(0).getBodyAsString());
    assertThat(body.fieldNames()).toIterable().containsExactly("parameters", "timeout_mins");
    assertThat(body.path("parameters").fieldNames())
        .toIterable()
        .containsExactly("SP1_desired_capacity");
    assertThat(body.path("parameters").path("SP1_desired_capacity").asInt()).isEqualTo(3);
    assertThat(body.path("timeout_mins").asInt()).isEqualTo(10);
    assertThat(server.findAll(patches()).get(0).getHeader("Content-Type"))
        .startsWith("application/json");
    // Heat keeps the tags of an "existing" update: nothing else was sent
    assertThat(heat.get(STACK).tags()).contains("nfvflow-vnf-" + VNF);
  }

  @Test
  void anApplyRetriedAfterThePatchFindsTheUpdateRunningAndSendsNoSecondPatch() {
    driver.apply(vnf(Map.of()));
    heat.afterPatch("UPDATE_IN_PROGRESS");
    driver.apply(vnf(Map.of("SP1", 2)));

    // the job crashed before its commit and runs again: the size is absolute and already asked for
    assertThat(stacks.apply(vnf(Map.of("SP1", 2)), Duration.ofMinutes(5)))
        .isEqualTo(HeatStacks.Applied.UNCHANGED);
    heat.put(heat.get(STACK).withStatus("UPDATE_COMPLETE", "Stack UPDATE completed successfully"));
    assertThat(stacks.apply(vnf(Map.of("SP1", 2)), Duration.ofMinutes(5)))
        .isEqualTo(HeatStacks.Applied.UNCHANGED);

    server.verify(1, patches());
    assertThat(heat.get(STACK).parameters()).containsEntry("SP1_desired_capacity", "2");
  }

  @Test
  void aRollbackRacingTheUpdateItUndoesSupersedesIt() {
    driver.apply(vnf(Map.of()));
    heat.afterPatch("UPDATE_IN_PROGRESS");
    driver.apply(vnf(Map.of("SP1", 2)));

    // the scale timed out while Heat still works on 2: the rollback asks for 1 again
    driver.apply(vnf(Map.of("SP1", 1)));

    server.verify(2, patches());
    assertThat(heat.get(STACK).parameters()).containsEntry("SP1_desired_capacity", "1");
  }

  @Test
  void aFailedStackIsUpdatedAgainWithTheSameParametersSoHeatRetriesWhatFailed() {
    driver.apply(vnf(Map.of()));
    heat.put(
        heat.get(STACK)
            .withStatus("UPDATE_FAILED", "Resource UPDATE failed: ResourceInError: VDU1 ERROR"));

    assertThat(stacks.apply(vnf(Map.of()), Duration.ofMinutes(5)))
        .isEqualTo(HeatStacks.Applied.UPDATED);

    server.verify(
        1,
        patches()
            .withRequestBody(matchingJsonPath("$.parameters.SP1_desired_capacity", equalTo("1"))));
    assertThat(heat.get(STACK).status()).isEqualTo("UPDATE_COMPLETE");
  }

  @Test
  void aStackMadeBeforeSizesWereParametersGetsTodaysTemplateInThePatch() {
    heat.put(
        new Stack(
            STACK,
            "5e1f3a7c-2b4d-4e6f-8a0c-1d3e5f7a9b2c",
            "CREATE_COMPLETE",
            null,
            HeatTemplates.tags(VNF),
            Map.of(),
            null));

    driver.apply(vnf(Map.of("SP1", 2)));

    server.verify(
        1,
        patches()
            .withRequestBody(matchingJsonPath("$.parameters.SP1_desired_capacity", equalTo("2")))
            .withRequestBody(matchingJsonPath("$.template"))
            .withRequestBody(matchingJsonPath("$.files['SP1_res.yaml']")));
    server.verify(0, creates());
  }

  @Test
  void aSizeHeatRefusesIsRejectedWithHeatsMessage() {
    driver.apply(vnf(Map.of()));
    server.stubFor(
        patch(urlMatching(HEAT + "/stacks/" + STACK + "/[^/]+"))
            .atPriority(1)
            .willReturn(
                json(
                    400,
                    OpenStackFixtures.heatError(
                        400,
                        "Bad Request",
                        "StackValidationFailed",
                        "Parameter 'SP1_desired_capacity' is invalid: 7 is out of range"
                            + " (min: 1, max: 3)"))));

    assertThatThrownBy(() -> driver.apply(vnf(Map.of("SP1", 2))))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
        .hasMessageContaining("update Heat stack " + STACK + " (SP1_desired_capacity 1 (wanted 2))")
        .hasMessageContaining("out of range");
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

    assertThatThrownBy(() -> driver.apply(cloud.vnf(FakeOpenStack.helloWorld(), Map.of())))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
        .hasMessageContaining("The Flavor ID (m1.nope) could not be found.");
  }

  @Test
  void aStackBeingDeletedIsRetriedLaterAndOneThatFailedToDeleteIsRejected() {
    heat.put(stack("DELETE_IN_PROGRESS", "Stack DELETE started"));
    assertThatThrownBy(() -> driver.apply(vnf(Map.of())))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT))
        .hasMessageContaining("DELETE_IN_PROGRESS");

    heat.put(stack("DELETE_FAILED", "Resource DELETE failed: Conflict: port in use"));
    assertThatThrownBy(() -> driver.apply(vnf(Map.of())))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
        .hasMessageContaining("DELETE_FAILED: Resource DELETE failed: Conflict: port in use");
    server.verify(0, patches());
    server.verify(0, creates());
  }

  @Test
  void aVnfWithoutScalingPolicyIsCreatedWithoutParametersAndNeverPatched() {
    VnfOnVim plain = cloud.vnf(FakeOpenStack.helloWorld(), Map.of());
    driver.apply(plain);
    driver.apply(plain);

    server.verify(1, creates());
    server.verify(0, patches());
    assertThat(heat.get(STACK).parameters()).isEmpty();
  }

  /** A new builder each time: WireMock's builders collect every condition added to them. */
  private static RequestPatternBuilder patches() {
    return patchRequestedFor(urlMatching(HEAT + "/stacks/" + STACK + "/[^/]+"));
  }

  private static RequestPatternBuilder creates() {
    return postRequestedFor(urlEqualTo(HEAT + "/stacks"));
  }

  private VnfOnVim vnf(Map<String, Integer> scale) {
    return cloud.vnf(scaled(), scale);
  }

  private static Stack stack(String status, String reason) {
    return new Stack(
        STACK,
        "5e1f3a7c-2b4d-4e6f-8a0c-1d3e5f7a9b2c",
        status,
        reason,
        HeatTemplates.tags(VNF),
        Map.of("SP1_desired_capacity", "1"),
        List.of());
  }
}
