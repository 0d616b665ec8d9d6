package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.nfvflow.vim.openstack.FakeOpenStack.scaled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfvflow.vim.Observation;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.VnfInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code observe}: every server with its addresses and ports, from Heat, Nova and Neutron. */
class OpenStackObserveTest {

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
  void everyMemberOfTheScalingGroupWithItsServerAndPorts() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");

    Observation observation = driver.observe(cloud.vnf(scaled(), Map.of("SP1", 2)));

    assertThat(observation.instances())
        .containsExactly(
            new VnfInstance(
                "VDU1",
                "server-a",
                "vdu1-a",
                "ACTIVE",
                List.of("10.0.0.11", "10.0.1.11"),
                Map.of("CP12", "port-a-CP12", "CP11", "port-a-CP11")),
            new VnfInstance(
                "VDU1",
                "server-b",
                "vdu1-b",
                "ACTIVE",
                List.of("10.0.0.12", "10.0.1.12"),
                Map.of("CP12", "port-b-CP12", "CP11", "port-b-CP11")),
            new VnfInstance(
                "VDU2",
                "server-2",
                "vdu2",
                "ACTIVE",
                List.of("10.0.0.21"),
                Map.of("CP21", "port-CP21")));
    // a scaled VDU lists every member's management address, as Tacker did; others a single one
    assertThat(observation.mgmtAddresses())
        .containsOnly(
            Map.entry("VDU1", List.of("10.0.0.11", "10.0.0.12")), Map.entry("VDU2", "10.0.0.21"));
    // all ports in one Neutron request, by id
    cloud.server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/network/v2.0/ports"))
            .withQueryParam(
                "id",
                com.github.tomakehurst.wiremock.client.WireMock.havingExactly(
                    "port-CP21", "port-a-CP12", "port-a-CP11", "port-b-CP12", "port-b-CP11")));
  }

  @Test
  void oneRequestForTheStackOneForItsResourcesOnePerServerAndOneForThePorts() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a");
    cloud.forgetRequests();

    driver.observe(cloud.vnf(scaled(), Map.of("SP1", 1)));

    String stack = FakeOpenStack.STACK + "/" + FakeOpenStack.STACK_ID;
    assertThat(cloud.requests())
        .containsExactly(
            "GET heat:/stacks?name=" + FakeOpenStack.STACK,
            "GET heat:/stacks/" + stack + "/resources?nested_depth=2",
            "GET nova:/servers/server-2",
            "GET nova:/servers/server-a",
            "GET neutron:/ports?id=port-CP21&id=port-a-CP12&id=port-a-CP11");
  }

  @Test
  void aScaledVduWithOneMemberStillListsItsAddress() {
    cloud.putScaledVnf("CREATE_COMPLETE", "a");

    Observation observation = driver.observe(cloud.vnf(scaled(), Map.of()));

    assertThat(observation.instances())
        .extracting(VnfInstance::name)
        .containsExactly("vdu1-a", "vdu2");
    assertThat(observation.mgmtAddresses()).containsEntry("VDU1", List.of("10.0.0.11"));
  }

  @Test
  void noStackIsNotFound() {
    assertThatThrownBy(() -> driver.observe(cloud.vnf(scaled(), Map.of())))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }
}
