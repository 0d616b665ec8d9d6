package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.nfvflow.vim.openstack.FakeOpenStack.STACK;
import static io.nfvflow.vim.openstack.FakeOpenStack.scaled;
import static org.assertj.core.api.Assertions.assertThat;

import io.nfvflow.vim.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code diagnose}: one read-only look at the stack, its servers and its ports. */
class OpenStackDiagnoseTest {

  private static final Instant UPDATED = Instant.parse("2026-12-01T16:02:11Z");

  private final FakeOpenStack cloud = new FakeOpenStack();
  private OpenStackDriver driver;

  @BeforeEach
  void setUp() {
    cloud.start();
    driver = cloud.driver;
  }

  @AfterEach
  void tearDown() {
    cloud.stop();
  }

  @Test
  void aHealthyVnfHasNoFindingsAndNothingWasChanged() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");

    assertThat(diagnose()).isEmpty();
    // one Neutron request for every port, no project-wide server listing, no writes
    cloud.server.verify(1, getRequestedFor(urlPathEqualTo("/network/v2.0/ports")));
    cloud.server.verify(0, getRequestedFor(urlPathEqualTo("/compute/v2.1/servers/detail")));
    assertThat(cloud.server.getAllServeEvents())
        .allMatch(
            e ->
                e.getRequest().getMethod().getName().equals("GET")
                    || e.getRequest().getUrl().endsWith("/auth/tokens"));
  }

  @Test
  void aMissingStackIsOneVnfFinding() {
    assertThat(diagnose())
        .containsExactly(Finding.drift(null, "Heat stack " + STACK + " is missing", null));
  }

  @Test
  void aStackOfSomeoneElseIsOneVnfFinding() {
    cloud.putScaledVnf("CREATE_COMPLETE", "a");
    cloud.heat.put(
        new FakeHeat.Stack(
            STACK,
            FakeOpenStack.STACK_ID,
            "CREATE_COMPLETE",
            null,
            List.of("other"),
            Map.of(),
            null));

    assertThat(diagnose())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.scope()).isEqualTo(Finding.Scope.VNF);
              assertThat(f.reason()).contains(STACK, "not owned");
            });
  }

  @Test
  void aFailedStackIsAVnfFindingWithHeatsReason() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");
    String reason = "Resource UPDATE failed: StackValidationFailed: resources.VDU2: Property error";
    cloud.heat.put(cloud.heat.get(STACK).withStatus("UPDATE_FAILED", reason));

    assertThat(diagnose())
        .containsExactly(
            Finding.drift(
                null,
                "Heat stack " + STACK + " is UPDATE_FAILED: " + reason,
                // the recorded stack was never updated: its creation time
                Instant.parse("2026-11-23T22:15:04Z")));
  }

  @Test
  void aServerInErrorInsideTheScalingGroupIsAnInstanceFindingWithNovasFaultAndTime() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    cloud.compute.put(
        new FakeCompute.Server(
            "server-b",
            "vdu1-b",
            "ERROR",
            "VDU1",
            "No valid host was found.",
            FakeOpenStack.VNF,
            UPDATED.toString()));

    assertThat(diagnose())
        .containsExactly(
            Finding.instance(
                "VDU1",
                "server-b",
                "server vdu1-b of VDU1 is ERROR: No valid host was found.",
                UPDATED));
  }

  @Test
  void aServerInErrorWithoutFaultAndOneShutOffAreBothFound() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");
    cloud.compute.put(
        new FakeCompute.Server(
            "server-a", "vdu1-a", "ERROR", "VDU1", null, FakeOpenStack.VNF, UPDATED.toString()));
    cloud.compute.put(
        new FakeCompute.Server(
            "server-2", "vdu2", "SHUTOFF", "VDU2", null, FakeOpenStack.VNF, UPDATED.toString()));

    assertThat(diagnose())
        .containsExactlyInAnyOrder(
            Finding.instance(
                "VDU1", "server-a", "server vdu1-a of VDU1 is ERROR: Nova gave no fault", UPDATED),
            Finding.instance("VDU2", "server-2", "server vdu2 of VDU2 is SHUTOFF", UPDATED));
  }

  @Test
  void aServerNovaNoLongerKnowsIsGone() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    cloud.compute.remove("server-a");

    assertThat(diagnose())
        .containsExactly(
            Finding.instance(
                "VDU1",
                "server-a",
                "server server-a of VDU1 is gone (Nova does not know it)",
                null));
  }

  @Test
  void aPortNeutronNoLongerKnowsIsDriftOfItsVdu() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    cloud.compute.remove("port-b-CP12");
    cloud.compute.remove("port-CP21");

    assertThat(diagnose())
        .containsExactlyInAnyOrder(
            Finding.drift("VDU1", "port CP12 (port-b-CP12) is missing", null),
            Finding.drift("VDU2", "port CP21 (port-CP21) is missing", null));
  }

  @Test
  void aStackHeatIsWorkingOnHasNoFindingsYet() {
    cloud.putScaledVnf("UPDATE_IN_PROGRESS", "a");
    cloud.compute.remove("server-a");

    assertThat(diagnose()).isEmpty();
    cloud.server.verify(0, getRequestedFor(urlMatching("/compute/.*")));
  }

  private List<Finding> diagnose() {
    return driver.diagnose(cloud.vnf(scaled(), Map.of("SP1", 2)));
  }
}
