package io.nfvflow.vim.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.vim.VnfInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code survey}: nfvflow's servers of a project by VNF, from one paged Nova listing. */
class OpenStackSurveyTest {

  private static final String DETAIL = "/compute/v2.1/servers/detail";
  private static final String OTHER_VNF = "0b6c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4";

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
  void everyPageIsReadAndEveryServerOfNfvflowGroupedByVnf() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    cloud.compute.put(server("server-x", "x-1", "ERROR", "VDU1", OTHER_VNF));
    cloud.compute.put(server("server-y", "x-2", "ACTIVE", "VDU1", OTHER_VNF));
    // not nfvflow's: no vnf-id in its metadata, so left out
    cloud.compute.put(server("server-z", "jumphost", "ACTIVE", null, null));
    cloud.compute.maxLimit(2);

    Map<String, List<VnfInstance>> survey = driver.survey(cloud.vim()).orElseThrow();

    assertThat(survey).containsOnlyKeys(FakeOpenStack.VNF, OTHER_VNF);
    // sorted by VDU, then name; Nova's addresses; no ports
    assertThat(survey.get(FakeOpenStack.VNF))
        .extracting(VnfInstance::vdu, VnfInstance::id, VnfInstance::name, VnfInstance::status)
        .containsExactly(
            tuple("VDU1", "server-a", "vdu1-a", "ACTIVE"),
            tuple("VDU1", "server-b", "vdu1-b", "ACTIVE"),
            tuple("VDU2", "server-2", "vdu2", "ACTIVE"));
    assertThat(survey.get(FakeOpenStack.VNF).get(0).addresses())
        .containsExactlyInAnyOrder("10.0.1.11", "10.0.0.11");
    assertThat(survey.get(FakeOpenStack.VNF)).allMatch(i -> i.ports().isEmpty());
    assertThat(survey.get(OTHER_VNF))
        .extracting(VnfInstance::id, VnfInstance::status)
        .containsExactly(tuple("server-x", "ERROR"), tuple("server-y", "ACTIVE"));
    // six servers, two a page: three full pages and the empty one after the last full page;
    // never one request per server or per VNF
    cloud.server.verify(4, getRequestedFor(urlPathEqualTo(DETAIL)));
    cloud.server.verify(
        1,
        getRequestedFor(urlPathEqualTo(DETAIL))
            .withQueryParam("limit", equalTo(Integer.toString(ServerSurvey.PAGE)))
            .withQueryParam("marker", absent()));
    cloud.server.verify(
        1, getRequestedFor(urlPathEqualTo(DETAIL)).withQueryParam("marker", equalTo("server-a")));
    cloud.server.verify(0, getRequestedFor(urlMatching("/compute/v2.1/servers/server-.*")));
    cloud.server.verify(0, getRequestedFor(urlMatching("/(heat|network)/.*")));
  }

  @Test
  void aPageThatIsNotFullIsTheLast() {
    cloud.putScaledVnf("UPDATE_COMPLETE", "a", "b");
    cloud.compute.maxLimit(5);

    assertThat(driver.survey(cloud.vim()).orElseThrow().get(FakeOpenStack.VNF))
        .extracting(VnfInstance::id)
        .containsExactly("server-a", "server-b", "server-2");
    cloud.server.verify(1, getRequestedFor(urlPathEqualTo(DETAIL)));
  }

  @Test
  void aProjectWithoutServersOfNfvflowIsAnEmptyMap() {
    cloud.compute.put(server("server-z", "jumphost", "ACTIVE", null, null));

    assertThat(driver.survey(cloud.vim())).contains(Map.of());
  }

  private static FakeCompute.Server server(
      String id, String name, String status, String vdu, String vnf) {
    return new FakeCompute.Server(id, name, status, vdu, null, vnf, "2026-12-01T15:14:32Z");
  }
}
