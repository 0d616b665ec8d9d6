package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.nfvflow.vim.openstack.FakeOpenStack.STACK;
import static io.nfvflow.vim.openstack.FakeOpenStack.scaled;
import static io.nfvflow.vim.openstack.OpenStackFixtures.HEAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code progress}: READY and GONE, one look at Heat (and Nova once Heat is done with an update).
 * The tests that compare {@code cloud.requests()} pin every request a look makes: the wait repeats
 * the look every few seconds per VNF, so one more request per look is one more per VNF and poll.
 */
class OpenStackProgressTest {

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
  void readyWhenTheStackIsCompleteWithTheDesiredSizeAndEveryServerActive() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");

    assertThat(ready(2)).isEqualTo(Progress.reached());
    // every member's server was asked for, and no project-wide listing
    server.verify(3, getRequestedFor(urlPathMatching("/compute/v2.1/servers/server-.*")));
    server.verify(0, getRequestedFor(urlPathMatching("/compute/v2.1/servers(/detail)?")));
  }

  @Test
  void anUpdateInProgressIsPendingWithoutAskingNova() {
    cloud.putScaledVnf("UPDATE_IN_PROGRESS", "a", "b");

    assertThat(ready(2)).isEqualTo(Progress.pending("stack UPDATE_IN_PROGRESS"));
    server.verify(0, getRequestedFor(urlMatching("/compute/.*")));
  }

  @Test
  void whileHeatWorksALookIsOneRequestOfHeatsStackList() {
    for (String status : List.of("CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "CREATE_FAILED")) {
      cloud.putScaledVnf(status, "a", "b");
      cloud.forgetRequests();

      Progress progress = ready(2);

      assertThat(progress.done()).as(status).isFalse();
      assertThat(cloud.requests()).as(status).containsExactly(LIST);
    }
  }

  @Test
  void aCreatedStackIsReadyAfterThreeRequestsWithoutAskingNova() {
    // Heat completes a server resource only once Nova shows it ACTIVE
    cloud.putScaledVnf("CREATE_COMPLETE", "a", "b");
    cloud.forgetRequests();

    assertThat(ready(2)).isEqualTo(Progress.reached());

    assertThat(cloud.requests()).containsExactly(LIST, SHOW, RESOURCES);
  }

  @Test
  void anUpdatedStackIsReadyAfterItsResourcesAndEachServerOnce() {
    // an update leaves the servers it did not touch as they are: Nova is asked for each
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    cloud.forgetRequests();

    assertThat(ready(2)).isEqualTo(Progress.reached());

    assertThat(cloud.requests())
        .containsExactly(
            LIST,
            SHOW,
            RESOURCES,
            "GET nova:/servers/server-2",
            "GET nova:/servers/server-a",
            "GET nova:/servers/server-b");
  }

  @Test
  void aLookForGoneIsOneRequest() {
    cloud.putScaledVnf("DELETE_IN_PROGRESS", "a");
    cloud.forgetRequests();

    assertThat(driver.progress(cloud.withoutDescriptor(), WaitGoal.GONE).done()).isFalse();
    heat.remove(STACK);
    assertThat(driver.progress(cloud.withoutDescriptor(), WaitGoal.GONE).done()).isTrue();

    assertThat(cloud.requests()).containsExactly(LIST, LIST);
  }

  @Test
  void aCompleteStackWithOtherParametersIsPendingUntilTheUpdateStarts() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");

    Progress progress = ready(2);

    assertThat(progress.done()).isFalse();
    assertThat(progress.failed()).isFalse();
    assertThat(progress.detail())
        .isEqualTo(
            "stack UPDATE_COMPLETE, update not started yet: SP1_desired_capacity 1 (wanted 2)");
  }

  @Test
  void aServerNotActiveYetIsPendingByName() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    cloud.compute.put(new FakeCompute.Server("server-b", "vdu1-b", "BUILD", "VDU1", null));

    assertThat(ready(2)).isEqualTo(Progress.pending("server vdu1-b BUILD"));
  }

  @Test
  void aFailedUpdateFailsWithHeatsReason() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    String reason =
        "Resource UPDATE failed: ResourceInError: resources.SP1_group.resources.o3qze5zwg6go"
            + ".resources.VDU1: Went to status ERROR due to \"Message: No valid host was found\"";
    heat.put(heat.get(STACK).withStatus("UPDATE_FAILED", reason));

    assertThat(ready(2))
        .isEqualTo(
            Progress.failed(
                LcmErrors.STACK_FAILED, "Heat stack " + STACK + " UPDATE_FAILED: " + reason));
  }

  @Test
  void aServerInErrorFailsWithNovasFault() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    cloud.compute.put(
        new FakeCompute.Server(
            "server-b",
            "vdu1-b",
            "ERROR",
            "VDU1",
            "No valid host was found. There are not" + " enough hosts available."));

    assertThat(ready(2))
        .isEqualTo(
            Progress.failed(
                LcmErrors.WORKLOAD_FAILED,
                "server vdu1-b of VDU1 is ERROR: No valid host was found. There are not enough"
                    + " hosts available."));
  }

  @Test
  void aServerDeletedOutsideNfvflowFails() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");
    heat.put(
        heat.get(STACK)
            .withResources(
                List.of(
                    new FakeHeat.Resource(
                        "VDU2", StackServers.SERVER, "server-gone", STACK + "/x", null))));

    Progress progress = ready(1);

    assertThat(progress.failureCode()).isEqualTo(LcmErrors.WORKLOAD_FAILED);
    assertThat(progress.detail()).contains("server-gone", "does not exist in Nova");
  }

  @Test
  void noStackFailsForGood() {
    assertThat(ready(1))
        .isEqualTo(
            Progress.failed(
                LcmErrors.STACK_FAILED,
                "Heat stack " + STACK + " does not exist (deleted outside nfvflow?)"));
  }

  @Test
  void goneWhenThereIsNoStackEvenWithoutADescriptor() {
    assertThat(driver.progress(cloud.withoutDescriptor(), WaitGoal.GONE))
        .isEqualTo(Progress.reached());
  }

  @Test
  void aStackBeingDeletedIsPending() {
    cloud.putScaledVnf("DELETE_IN_PROGRESS", "a");

    assertThat(driver.progress(cloud.withoutDescriptor(), WaitGoal.GONE))
        .isEqualTo(Progress.pending("stack DELETE_IN_PROGRESS"));
    server.verify(0, deleteRequestedFor(urlMatching("/heat/.*")));
  }

  @Test
  void aFailedDeleteIsRequestedAgainAndPendingWithHeatsReason() {
    cloud.putScaledVnf("DELETE_FAILED", "a");
    String reason = "Resource DELETE failed: Conflict: resources.CP21: Port is in use";
    heat.put(heat.get(STACK).withStatus("DELETE_FAILED", reason));

    Progress progress = driver.progress(cloud.withoutDescriptor(), WaitGoal.GONE);

    assertThat(progress)
        .isEqualTo(
            Progress.pending("stack DELETE_FAILED: " + reason + " (delete requested again)"));
    server.verify(1, deleteRequestedFor(urlMatching(HEAT + "/stacks/" + STACK + "/.*")));
    assertThat(driver.progress(cloud.withoutDescriptor(), WaitGoal.GONE))
        .isEqualTo(Progress.reached());
  }

  @Test
  void aStackOfSomeoneElseIsNotOursToWaitFor() {
    cloud.putScaledVnf("CREATE_COMPLETE", "a");
    heat.put(
        new FakeHeat.Stack(
            STACK,
            FakeOpenStack.STACK_ID,
            "CREATE_COMPLETE",
            null,
            List.of("other"),
            Map.of(),
            null));

    assertThat(driver.progress(cloud.withoutDescriptor(), WaitGoal.GONE))
        .isEqualTo(Progress.reached());
    assertThat(ready(1).failureCode()).isEqualTo(LcmErrors.STACK_FAILED);
  }

  private static final String LIST = "GET heat:/stacks?name=" + STACK;
  private static final String SHOW = "GET heat:/stacks/" + STACK + "/" + FakeOpenStack.STACK_ID;
  private static final String RESOURCES =
      "GET heat:/stacks/" + STACK + "/" + FakeOpenStack.STACK_ID + "/resources?nested_depth=2";

  private Progress ready(int instances) {
    VnfOnVim vnf = cloud.vnf(scaled(), Map.of("SP1", instances));
    return driver.progress(vnf, WaitGoal.READY);
  }
}
