package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.nfvflow.vim.openstack.FakeOpenStack.STACK;
import static io.nfvflow.vim.openstack.FakeOpenStack.STACK_ID;
import static io.nfvflow.vim.openstack.FakeOpenStack.memberStack;
import static io.nfvflow.vim.openstack.FakeOpenStack.scaled;
import static io.nfvflow.vim.openstack.OpenStackFixtures.HEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Heal: {@code markUnhealthy} marks servers (scaling group members in their own stack) and their
 * ports, and whatever is gone; {@code heal} sends the PATCH every time; the wait that follows does
 * not end before Heat has replaced what was marked.
 */
class OpenStackHealTest {

  private static final String WHY = "nfvflow heal operation op-1";

  private final FakeOpenStack cloud = new FakeOpenStack();
  private final FakeHeat heat = cloud.heat;
  private WireMockServer server;
  private OpenStackDriver driver;

  @BeforeEach
  void setUp() {
    cloud.start();
    server = cloud.server;
    driver = cloud.driver;
  }

  @AfterEach
  void tearDown() {
    cloud.stop();
  }

  @Test
  void aScalingGroupMemberIsMarkedInItsOwnStackWithThePortsItUses() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");

    assertThat(driver.markUnhealthy(vnf(), List.of("server-b"), WHY))
        .containsExactly("VDU1 (server-b)", "CP12 (port-b-CP12)", "CP11 (port-b-CP11)");

    for (String resource : List.of("VDU1", "CP12", "CP11")) {
      server.verify(
          1,
          patchRequestedFor(
                  urlEqualTo(HEAT + "/stacks/" + memberStack("b") + "/resources/" + resource))
              .withRequestBody(matchingJsonPath("$.mark_unhealthy", equalTo("true")))
              .withRequestBody(matchingJsonPath("$.resource_status_reason", equalTo(WHY))));
    }
    server.verify(3, patchRequestedFor(urlMatching(".*")));
    assertThat(statuses())
        .containsEntry(memberStack("b") + " VDU1", "CHECK_FAILED")
        .containsEntry(memberStack("a") + " VDU1", "CREATE_COMPLETE")
        .containsEntry(STACK + "/" + STACK_ID + " VDU2", "CREATE_COMPLETE");
  }

  @Test
  void aTopLevelServerIsMarkedInTheStackWithItsPort() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");

    assertThat(driver.markUnhealthy(vnf(), List.of("server-2"), WHY))
        .containsExactly("VDU2 (server-2)", "CP21 (port-CP21)");
    server.verify(
        1,
        patchRequestedFor(
            urlEqualTo(HEAT + "/stacks/" + STACK + "/" + STACK_ID + "/resources/CP21")));
  }

  @Test
  void aPortBoundToTheServerInNeutronIsMarkedEvenWhenHeatDoesNotSaySo() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");
    List<FakeHeat.Resource> resources = new ArrayList<>(heat.get(STACK).resources());
    resources.replaceAll(r -> r.name().equals("CP21") ? r.referencedBy() : r);
    heat.put(heat.get(STACK).withResources(resources));

    assertThat(driver.markUnhealthy(vnf(), List.of("server-2"), WHY))
        .containsExactly("VDU2 (server-2)", "CP21 (port-CP21)");
  }

  @Test
  void aServerNoLongerInTheStackIsSkipped() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");

    assertThat(driver.markUnhealthy(vnf(), List.of("server-replaced-already"), WHY)).isEmpty();
    server.verify(0, patchRequestedFor(urlMatching(".*")));
  }

  @Test
  void markingAgainAfterACrashMarksNothingTwice() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    driver.markUnhealthy(vnf(), List.of("server-b"), WHY);

    assertThat(driver.markUnhealthy(vnf(), List.of("server-b"), WHY)).isEmpty();
    server.verify(3, patchRequestedFor(urlMatching(".*")));
  }

  @Test
  void aServerNovaNoLongerKnowsIsMarkedWithItsPortsEvenIfNotChosen() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    // Nova deleted it and unbound its ports: Heat's references still say which they are
    cloud.compute.remove("server-a");

    assertThat(driver.markUnhealthy(vnf(), List.of(), WHY))
        .containsExactly("VDU1 (server-a)", "CP12 (port-a-CP12)", "CP11 (port-a-CP11)");
    server.verify(
        1, patchRequestedFor(urlEqualTo(HEAT + "/stacks/" + memberStack("a") + "/resources/VDU1")));
  }

  @Test
  void aPortNeutronNoLongerKnowsIsMarkedAlone() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");
    cloud.compute.remove("port-CP21");

    assertThat(driver.markUnhealthy(vnf(), List.of(), WHY)).containsExactly("CP21 (port-CP21)");
  }

  @Test
  void noStackHasNothingToMark() {
    assertThat(driver.markUnhealthy(vnf(), List.of("server-b"), WHY)).isEmpty();
    server.verify(0, patchRequestedFor(urlMatching(".*")));
  }

  @Test
  void aResourceHeatHasLockedIsRetriedLater() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");
    server.stubFor(
        patch(urlMatching(HEAT + "/stacks/.*/resources/VDU2"))
            .atPriority(1)
            .willReturn(
                FakeOpenStack.json(
                    409,
                    OpenStackFixtures.heatError(
                        409,
                        "Conflict",
                        "ActionInProgress",
                        "Stack " + STACK + " already has an action (UPDATE) in progress."))));

    assertThatThrownBy(() -> driver.markUnhealthy(vnf(), List.of("server-2"), WHY))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT))
        .hasMessageContaining("VDU2");
  }

  @Test
  void healSendsTheDesiredParametersEvenWhenNothingDiffersAndNoConverge() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");

    driver.heal(vnf(), Duration.ofMinutes(10));
    driver.heal(vnf(), Duration.ofMinutes(10));

    server.verify(
        2,
        patchRequestedFor(urlEqualTo(HEAT + "/stacks/" + STACK + "/" + STACK_ID))
            // converge makes Heat of Zed unbind the ports of untouched servers
            .withRequestBody(matchingJsonPath("$.converge", absent()))
            .withRequestBody(matchingJsonPath("$.parameters.SP1_desired_capacity", equalTo("2")))
            .withRequestBody(matchingJsonPath("$.timeout_mins", equalTo("10")))
            .withRequestBody(matchingJsonPath("$.template", absent())));
  }

  @Test
  void healOfAVnfWhoseStackIsMissingCreatesIt() {
    driver.heal(vnf(), Duration.ofMinutes(5));

    server.verify(
        1,
        postRequestedFor(urlEqualTo(HEAT + "/stacks"))
            .withRequestBody(matchingJsonPath("$.stack_name", equalTo(STACK)))
            .withRequestBody(matchingJsonPath("$.parameters.SP1_desired_capacity", equalTo("2"))));
    assertThat(heat.get(STACK).status()).isEqualTo("CREATE_COMPLETE");
  }

  @Test
  void aStackBeingDeletedIsNotHealed() {
    cloud.putScaledVnf("DELETE_FAILED", "a");

    assertThatThrownBy(() -> driver.heal(vnf(), Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
    assertThat(driver.markUnhealthy(vnf(), List.of("server-a"), WHY)).isEmpty();
  }

  @Test
  void theWaitAfterTheHealIsPendingWhileHeatUpdates() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    heat.afterPatch("UPDATE_IN_PROGRESS");
    driver.markUnhealthy(vnf(), List.of("server-b"), WHY);

    driver.heal(vnf(), Duration.ofMinutes(5));

    assertThat(driver.progress(vnf(), WaitGoal.READY))
        .isEqualTo(Progress.pending("stack UPDATE_IN_PROGRESS"));
  }

  @Test
  void theWaitIsPendingWhileAMarkedResourceIsNotReplacedWhateverTheStackSays() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    driver.markUnhealthy(vnf(), List.of("server-b"), WHY);
    // an engine that answers before it starts: still UPDATE_COMPLETE from before, server ERROR
    cloud.compute.put(new FakeCompute.Server("server-b", "vdu1-b", "ERROR", "VDU1", null));

    Progress progress = driver.progress(vnf(), WaitGoal.READY);

    assertThat(progress.done()).isFalse();
    assertThat(progress.failed()).isFalse();
    assertThat(progress.detail())
        .isEqualTo(
            "stack UPDATE_COMPLETE, not replaced yet: CP12 (port-b-CP12), CP11 (port-b-CP11),"
                + " VDU1 (server-b) marked unhealthy");
  }

  private VnfOnVim vnf() {
    return cloud.vnf(scaled(), Map.of("SP1", 2));
  }

  /** Each resource's status by {@code <stack> <name>}. */
  private Map<String, String> statuses() {
    Map<String, String> statuses = new java.util.HashMap<>();
    heat.get(STACK).resources().forEach(r -> statuses.put(r.stack() + " " + r.name(), r.status()));
    return statuses;
  }
}
