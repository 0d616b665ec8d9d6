package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scale API through the real generic workflows (vnf-scale, vnf-wait) on the in-memory fake VIM:
 * operation model, target before the VIM call, rollback, errors.
 */
class ScaleApiTest extends ApiTestSupport {

  static String scalableVnfd(String extraMetadata) {
    return """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        description: scalable CNF
        %s
        topology_template:
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
                mapping_ports: ["80:8080"]
                vnfcs:
                  web:
                    image: nginx
                    num_cpus: 0.1
                    mem_size: 64 MB
          policies:
            - SP1:
                type: tosca.policies.tacker.Scaling
                targets: [VDU1]
                properties:
                  increment: 1
                  cooldown: 60
                  min_instances: 1
                  max_instances: 3
                  default_instances: 2
        """
        .formatted(extraMetadata);
  }

  String activeVnf(String vimProject, String metadata) throws Exception {
    return activeVnfOn(
        registerVim(unique("vim"), "good", false, vimProject), scalableVnfd(metadata));
  }

  Answer scale(String vnf, String body) throws Exception {
    return post("/v1.0/vnfs/" + vnf + "/actions", body);
  }

  Answer scale(String vnf, String type, String policy) throws Exception {
    return scale(
        vnf, "{\"scale\": {\"type\": \"%s\", \"policy\": \"%s\"}}".formatted(type, policy));
  }

  @Test
  void newVnfRunsDefaultInstancesAndShowsItsScaleStatusAndEveryAddress() throws Exception {
    String id = activeVnf("ns1", "");
    JsonNode vnf = vnf(id);
    JsonNode sp1 = vnf.path("scale_status").get(0);
    assertThat(sp1.path("policy").asText()).isEqualTo("SP1");
    assertThat(sp1.path("current").asInt()).isEqualTo(2);
    assertThat(sp1.path("min").asInt()).isEqualTo(1);
    assertThat(sp1.path("max").asInt()).isEqualTo(3);
    assertThat(vnf.path("instances")).hasSize(2);
    assertThat(JSON.readTree(vnf.path("mgmt_ip_address").asText()).path("VDU1"))
        .hasSize(2)
        .extracting(JsonNode::asText)
        .containsExactly("10.0.0.1", "10.0.0.2");
  }

  @Test
  void scalesOutAndInByNameWithScaleEventsAtStartAndEnd() throws Exception {
    String id = activeVnf("ns1", "");
    String name = vnf(id).path("name").asText();
    Answer out = scale(name, "out", "SP1");
    assertThat(out.status()).isEqualTo(202);
    assertThat(out.body().path("scale").path("type").asText()).isEqualTo("out");
    assertThat(out.body().path("lcm_operation").path("operation").asText()).isEqualTo("SCALE");
    assertThat(vnf(id).path("status").asText()).isIn("PENDING_SCALE_OUT", "ACTIVE");
    awaitStatus(id, "ACTIVE");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> vnf(id).path("lcm_operation").path("state").asText(), "COMPLETED"::equals);
    assertThat(vnf(id).path("scale_status").get(0).path("current").asInt()).isEqualTo(3);
    assertThat(vnf(id).path("instances")).hasSize(3);
    assertThat(fakeVim.applied.get(id)).containsEntry("VDU1", 3);

    assertThat(scale(id, "in", "SP1").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> vnf(id).path("scale_status").get(0).path("current").asInt() == 2);
    awaitStatus(id, "ACTIVE");
    assertThat(fakeVim.applied.get(id)).containsEntry("VDU1", 2);

    JsonNode events = get("/v1.0/events?resource_id=" + id + "&event_type=SCALE").body();
    assertThat(events.path("events").findValuesAsText("resource_state"))
        .containsExactly("PENDING_SCALE_OUT", "ACTIVE", "PENDING_SCALE_IN", "ACTIVE");
    assertThat(events.path("events").get(1).path("event_details").asText())
        .contains("SP1 scaled out from 2 to 3");
  }

  @Test
  void nullsFromTheCliNameBothFields() throws Exception {
    String id = activeVnf("ns1", "");
    Answer a = scale(id, "{\"scale\": {\"type\": null, \"policy\": null}}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("message").asText())
        .contains("'scale.type' is required")
        .contains("'scale.policy' is required");
    assertThat(scale(id, "{\"reboot\": {}}").status()).isEqualTo(400);
    assertThat(scale(id, "sideways", "SP1").error().path("message").asText())
        .contains("'out' or 'in'");
  }

  @Test
  void unknownPolicyIs404AndUnknownVnfIs404() throws Exception {
    String id = activeVnf("ns1", "");
    Answer a = scale(id, "out", "SP9");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.error().path("message").asText()).contains("SP9").contains("SP1");
    assertThat(scale("no-such-vnf", "out", "SP1").status()).isEqualTo(404);
  }

  @Test
  void beyondTheBoundsIs409NamingTheBoundAndTheLevel() throws Exception {
    String id = activeVnf("ns1", "");
    assertThat(scale(id, "in", "SP1").status()).isEqualTo(202);
    awaitStatusAfterScale(id, 1);
    Answer below = scale(id, "in", "SP1");
    assertThat(below.status()).isEqualTo(409);
    assertThat(below.error().path("message").asText())
        .contains("min_instances is 1")
        .contains("runs 1 instances");
    assertThat(vnf(id).path("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void aSecondScaleWhileTheFirstRunsIs409AndChangesNothing() throws Exception {
    String id = activeVnf("ns1", "metadata:\n  workflows:\n    scale: stuck-instantiate");
    assertThat(scale(id, "out", "SP1").status()).isEqualTo(202);
    Answer second = scale(id, "out", "SP1");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.error().path("message").asText()).contains("PENDING_SCALE_OUT");
    JsonNode status = vnf(id).path("scale_status").get(0);
    assertThat(status.path("current").asInt()).isEqualTo(2);
    assertThat(status.path("target").asInt()).isEqualTo(3);
    assertThat(vnf(id).path("lcm_operation").path("workflow").asText())
        .as("the VNFD's own scale workflow")
        .isEqualTo("stuck-instantiate");
  }

  @Test
  void aScaleTheVimCannotHoldRollsBackAndLeavesTheVnfActive() throws Exception {
    String id = activeVnf("quota-2", "");
    assertThat(scale(id, "out", "SP1").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> vnf(id).path("lcm_operation").path("state").asText(), "ROLLED_BACK"::equals);
    JsonNode vnf = vnf(id);
    assertThat(vnf.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(vnf.path("lcm_operation").path("error").asText()).contains("exceeded quota");
    assertThat(vnf.path("scale_status").get(0).path("current").asInt()).isEqualTo(2);
    assertThat(fakeVim.applied.get(id)).containsEntry("VDU1", 2);
    List<String> details =
        get("/v1.0/events?resource_id=" + id + "&event_type=SCALE")
            .body()
            .path("events")
            .findValuesAsText("event_details");
    assertThat(details.get(details.size() - 1))
        .contains("rolled back to 2 instances")
        .contains("exceeded quota");
  }

  void awaitStatusAfterScale(String id, int instances) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                vnf(id).path("status").asText().equals("ACTIVE")
                    && vnf(id).path("scale_status").get(0).path("current").asInt() == instances);
  }
}
