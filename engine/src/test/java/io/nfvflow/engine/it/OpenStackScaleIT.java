package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.it.OpenStackCloud.Credentials;
import io.nfvflow.engine.it.OpenStackCloud.TestNetwork;
import io.nfvflow.lcm.LcmVariables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.Facing;
import org.openstack4j.model.heat.Stack;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Scaling a VM VNF on the real OpenStack sandbox: a scaling group goes 1 → 2 servers ACTIVE and
 * back through stack updates of its desired capacity, every member's address shown; the level
 * survives a later stack update that is not ours; the apply step re-run changes nothing.
 */
class OpenStackScaleIT extends OpenStackTestBase {

  static final String VDU = "VDU1";

  @Autowired
  @Qualifier("applyStackDelegate")
  JavaDelegate applyStack;

  @Test
  void scalingGroupGoesOutAndInWithEveryMemberActiveAndShown() throws Exception {
    Credentials demo = cloud.demo();
    TestNetwork mgmt = network("it-scale-mgmt", demo);
    TestNetwork data = network("it-scale-data", demo);
    String vimId = registerCloudVim(unique("it-os-vim"), demo, false).path("id").asText();
    String vnfdId =
        onboardVnfd(
            unique("it-os-vnfd-scale"),
            scaledVnfd(mgmt, data).replace("default_instances: 2", "default_instances: 1"));
    JsonNode vnf = createActiveVnf(vnfdId, vimId, demo);
    String vnfId = vnf.path("id").asText();
    assertThat(activeServers(demo, vnfId)).hasSize(1);

    // out: 1 -> 2 servers, both addresses in mgmt_ip_address, both instances with their ports
    assertThat(api.scale(vnfId, "out", "SP1").status()).isEqualTo(202);
    vnf = awaitScaled(vnfId, 2, OS_SETTLE_TIMEOUT);
    List<String> servers = activeServers(demo, vnfId);
    assertThat(servers).hasSize(2);
    assertThat(mgmtAddresses(vnf, VDU)).hasSize(2);
    assertThat(field(vnf.path("instances"), "id")).containsExactlyInAnyOrderElementsOf(servers);
    for (JsonNode instance : vnf.path("instances")) {
      assertThat(instance.path("ports").size()).as("ports of %s", instance).isEqualTo(2);
    }

    // the apply step re-run (a retry after a crash): no second stack update
    Stack before = stack(demo, vnfId);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(LcmVariables.VNF_ID)).thenReturn(vnfId);
    when(execution.getVariable(LcmVariables.READY_TIMEOUT)).thenReturn("PT5M");
    applyStack.execute(execution);
    applyStack.execute(execution);
    Stack after = stack(demo, vnfId);
    assertThat(after.getStatus()).isEqualTo("UPDATE_COMPLETE");
    assertThat(after.getUpdatedTime()).as("no new update").isEqualTo(before.getUpdatedTime());
    assertThat(activeServers(demo, vnfId)).containsExactlyInAnyOrderElementsOf(servers);

    // a stack update that is not ours (existing template and parameters) keeps the level
    patchStackUnchanged(demo, after);
    await("unrelated update of " + after.getName() + " done")
        .atMost(CLOUD_TIMEOUT)
        .pollInterval(OS_POLL)
        .until(
            () -> stack(demo, vnfId),
            s ->
                "UPDATE_COMPLETE".equals(s.getStatus())
                    && !s.getUpdatedTime().equals(before.getUpdatedTime()));
    assertThat(activeServers(demo, vnfId)).containsExactlyInAnyOrderElementsOf(servers);

    // in: back to 1
    assertThat(api.scale(vnfId, "in", "SP1").status()).isEqualTo(202);
    vnf = awaitScaled(vnfId, 1, OS_SETTLE_TIMEOUT);
    assertThat(activeServers(demo, vnfId)).hasSize(1);
    assertThat(mgmtAddresses(vnf, VDU)).hasSize(1);
    assertThat(field(eventsOf(vnfId), "event_type")).contains("SCALE");

    List<String> last = activeServers(demo, vnfId);
    deleteOpenStackVnfAndAwaitGone(vnfId);
    assertNothingLeftInCloud(demo, vnfId, last, mgmt, data);
  }

  private Stack stack(Credentials project, String vnfId) {
    return cloud.stack(project, stackName(vnfId)).orElseThrow();
  }

  private List<String> activeServers(Credentials project, String vnfId) {
    return cloud.resourceIds(project, stack(project, vnfId), SERVER).stream()
        .filter(
            id -> cloud.server(id) != null && "ACTIVE".equals(cloud.server(id).getStatus().name()))
        .toList();
  }

  /** PATCH the stack with nothing changed, as an operator's `openstack stack update --existing`. */
  private void patchStackUnchanged(Credentials project, Stack stack) throws Exception {
    OSClientV3 os = cloud.os(project);
    String heat =
        os.getToken().getCatalog().stream()
            .filter(service -> "orchestration".equals(service.getType()))
            .flatMap(service -> service.getEndpoints().stream())
            .filter(e -> e.getIface() == Facing.PUBLIC)
            .map(e -> e.getUrl().toString())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Heat endpoint in the token's catalog"));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(heat + "/stacks/" + stack.getName() + "/" + stack.getId()))
                    .header("X-Auth-Token", os.getToken().getId())
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"parameters\": {}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("PATCH stack: %s", answer.body()).isEqualTo(202);
  }
}
