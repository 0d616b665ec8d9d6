package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.vnf.HealMonitor;
import io.nfvflow.vim.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Heal on request and automatic healing through the real generic workflows (vnf-heal, vnf-wait) on
 * the in-memory fake VIM, whose diagnosis the tests set: levels, events, errors, the attempts
 * limit, the unavailability threshold, detections held back by a running operation, and the VIM's
 * switch.
 */
class HealApiTest extends ApiTestSupport {

  @Autowired HealMonitor monitor;

  String activeVnf(String vimProject, String metadata) throws Exception {
    return activeVnfOn(
        registerVim(unique("vim"), "good", false, vimProject), ScaleApiTest.scalableVnfd(metadata));
  }

  void awaitOperation(String id, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                vnf(id).path("lcm_operation").path("operation").asText().equals("HEAL")
                    && vnf(id).path("lcm_operation").path("state").asText().equals(state));
  }

  Answer heal(String vnf, String body) throws Exception {
    return post("/v1.0/vnfs/" + vnf + "/actions", body);
  }

  List<String> healEvents(String id) throws Exception {
    return get("/v1.0/events?resource_id=" + id + "&event_type=HEAL")
        .body()
        .path("events")
        .findValuesAsText("event_details");
  }

  List<String> instanceNames(String id) throws Exception {
    return vnf(id).path("instances").findValuesAsText("name");
  }

  @Test
  void healsTheWholeVnfOnRequestWithHealEventsAtStartAndEnd() throws Exception {
    String id = activeVnf("ns1", "");
    int appliesBefore = fakeVim.applies.get(id).get();
    Answer a = heal(id, "{\"heal\": {\"cause\": \"operator check\"}}");
    assertThat(a.status()).isEqualTo(202);
    assertThat(a.body().path("lcm_operation").path("operation").asText()).isEqualTo("HEAL");
    assertThat(a.body().path("heal").path("cause").asText()).isEqualTo("operator check");
    awaitOperation(id, "COMPLETED");
    awaitStatus(id, "ACTIVE");
    assertThat(fakeVim.applies.get(id).get()).as("converged again").isGreaterThan(appliesBefore);
    JsonNode events = get("/v1.0/events?resource_id=" + id + "&event_type=HEAL").body();
    assertThat(events.path("events").findValuesAsText("resource_state"))
        .containsExactly("PENDING_HEAL", "ACTIVE");
    List<String> details = healEvents(id);
    assertThat(details.get(0)).contains("heal of the whole VNF").contains("operator check");
    assertThat(details.get(1)).contains("healed the whole VNF").contains("operator check");
  }

  @Test
  void healsOneInstanceByNameAndTheInstancesFollow() throws Exception {
    String id = activeVnf("ns1", "");
    assertThat(instanceNames(id)).containsExactly("VDU1-1", "VDU1-2");
    assertThat(heal(id, "{\"heal\": {\"instances\": [\"VDU1-2\"]}}").status()).isEqualTo(202);
    awaitOperation(id, "COMPLETED");
    assertThat(fakeVim.replaced.get(id)).containsExactly(List.of("VDU1-2"));
    assertThat(instanceNames(id)).as("recorded again after the heal").doesNotContain("VDU1-2");
    assertThat(healEvents(id).get(1)).contains("replaced VDU1-2 (VDU1)");
    assertThat(vnf(id).path("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void healsEveryInstanceOfAVdu() throws Exception {
    String id = activeVnf("ns1", "");
    assertThat(heal(id, "{\"heal\": {\"vdu\": [\"VDU1\"], \"cause\": \"c\"}}").status())
        .isEqualTo(202);
    awaitOperation(id, "COMPLETED");
    assertThat(fakeVim.replaced.get(id)).containsExactly(List.of("VDU1-1", "VDU1-2"));
    assertThat(healEvents(id).get(1)).contains("VDU VDU1").contains("replaced VDU1-1");
  }

  @Test
  void unknownVduAndInstanceAre404NamingBoth() throws Exception {
    String id = activeVnf("ns1", "");
    Answer a = heal(id, "{\"heal\": {\"vdu\": [\"VDU9\"], \"instances\": [\"pod-x\"]}}");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.error().path("message").asText())
        .contains("VDU VDU9 does not exist")
        .contains("its VDUs: VDU1")
        .contains("instance pod-x is not an instance")
        .contains("VDU1-1");
    assertThat(heal("no-such-vnf", "{\"heal\": {}}").status()).isEqualTo(404);
    assertThat(vnf(id).path("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void badHealBodiesAre400NamingEveryField() throws Exception {
    String id = activeVnf("ns1", "");
    Answer a = heal(id, "{\"heal\": {\"vdu\": 5, \"instances\": [\"\"], \"reboot\": true}}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("message").asText())
        .contains("'heal.vdu' must be a list")
        .contains("'heal.instances[0]'")
        .contains("'heal.reboot'");
    assertThat(heal(id, "{\"heal\": \"now\"}").status()).isEqualTo(400);
  }

  @Test
  void aHealWhileAnotherOperationRunsIs409() throws Exception {
    String id = activeVnf("ns1", "metadata:\n  workflows:\n    heal: stuck-instantiate");
    assertThat(heal(id, "{\"heal\": {}}").status()).isEqualTo(202);
    Answer second = heal(id, "{\"heal\": {}}");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.error().path("message").asText()).contains("PENDING_HEAL");
    assertThat(vnf(id).path("lcm_operation").path("workflow").asText())
        .as("the VNFD's own heal workflow")
        .isEqualTo("stuck-instantiate");
  }

  @Test
  void aHealThatFailsLeavesTheVnfInErrorAndAHealOnRequestRepairsIt() throws Exception {
    String id = activeVnf("ns1", "");
    fakeVim.broken.add(id);
    assertThat(heal(id, "{\"heal\": {}}").status()).isEqualTo(202);
    awaitStatus(id, "ERROR");
    assertThat(vnf(id).path("error_reason").asText()).contains("crash-loop");
    assertThat(vnf(id).path("lcm_operation").path("state").asText()).isEqualTo("FAILED");

    fakeVim.broken.remove(id);
    assertThat(heal(id, "{\"heal\": {\"cause\": \"fixed the image\"}}").status()).isEqualTo(202);
    awaitOperation(id, "COMPLETED");
    awaitStatus(id, "ACTIVE");
  }

  @Test
  void aFailedInstanceFoundByTheVimIsHealedAutomaticallyWithTheDetectionTime() throws Exception {
    String id = activeVnf("ns1", "");
    fakeVim.findings.put(
        id,
        List.of(
            Finding.instance(
                "VDU1", "VDU1-uid-1", "pod VDU1-1 is CrashLoopBackOff", Instant.now())));
    monitor.changed(id, "pod VDU1-1 changed");
    awaitOperation(id, "COMPLETED");
    assertThat(fakeVim.replaced.get(id)).containsExactly(List.of("VDU1-1"));
    List<String> details = healEvents(id);
    assertThat(details.get(0))
        .contains("heal of instance VDU1-uid-1")
        .contains("automatic")
        .contains("detected")
        .contains("after the VIM's change")
        .contains("CrashLoopBackOff");
    assertThat(get("/actuator/metrics/nfvflow.heal.detection").status()).isIn(200, 404);
  }

  @Test
  void driftHealsTheWholeVnf() throws Exception {
    String id = activeVnf("ns1", "");
    fakeVim.findings.put(
        id, List.of(Finding.drift("VDU1", "Service default/vdu1 is missing", null)));
    monitor.changed(id, "Service default/vdu1 deleted");
    awaitOperation(id, "COMPLETED");
    assertThat(healEvents(id).get(0))
        .contains("heal of the whole VNF")
        .contains("Service default/vdu1 is missing")
        .as("a deleted object has no date: the watch's report is the change's time")
        .contains("detected");
  }

  @Test
  void anUnavailableVduWaitsForTheThresholdThenIsHealed() throws Exception {
    String id = activeVnf("ns1", "");
    fakeVim.findings.put(
        id, List.of(Finding.vdu("VDU1", "VDU1 unavailable: ImagePullBackOff", Instant.now())));
    monitor.changed(id, "Deployment vdu1 status");
    Thread.sleep(800);
    assertThat(healEvents(id)).as("not before the 2 s threshold").isEmpty();
    awaitOperation(id, "COMPLETED");
    assertThat(fakeVim.replaced.get(id)).containsExactly(List.of("VDU1-1", "VDU1-2"));
  }

  @Test
  void healsThatNeverLastEndInErrorAfterTheAttempts() throws Exception {
    String id = activeVnf("ns1", "");
    fakeVim.stubborn.add(id);
    fakeVim.findings.put(
        id, List.of(Finding.drift("VDU1", "Deployment vdu1: image crashloop", null)));
    monitor.changed(id, "Deployment vdu1 changed");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> vnf(id).path("status").asText().equals("ERROR"));
    assertThat(vnf(id).path("error_reason").asText())
        .contains("automatic healing gave up")
        .contains("3 heals")
        .contains("image crashloop");
    assertThat(fakeVim.replaced.get(id)).hasSize(3);
    // it stays alone: no fourth heal
    monitor.changed(id, "Deployment vdu1 changed");
    Thread.sleep(1000);
    assertThat(fakeVim.replaced.get(id)).hasSize(3);
    assertThat(vnf(id).path("status").asText()).isEqualTo("ERROR");
  }

  @Test
  void aDetectionDuringAnOperationIsLookedAtWhenItEnds() throws Exception {
    String id = activeVnf("ns1", "");
    assertThat(scaleApi(id)).isEqualTo(202);
    fakeVim.findings.put(id, List.of(Finding.drift(null, "ConfigMap cm edited", null)));
    monitor.changed(id, "ConfigMap cm edited");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> healEvents(id).size() >= 2 && vnf(id).path("status").asText().equals("ACTIVE"));
    assertThat(healEvents(id).get(0)).contains("ConfigMap cm edited");
  }

  private int scaleApi(String id) throws Exception {
    return post(
            "/v1.0/vnfs/" + id + "/actions",
            "{\"scale\": {\"type\": \"out\", \"policy\": \"SP1\"}}")
        .status();
  }

  @Test
  void aVimWithAutoHealOffOnlyLogsOneMonitorEventPerChange() throws Exception {
    String vim = registerVim(unique("vim"), "good", false, "ns1");
    Answer off = put("/v1.0/vims/" + vim, "{\"vim\": {\"auto_heal\": false}}");
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.body().path("vim").path("auto_heal").asBoolean()).isFalse();
    String id = activeVnfOn(vim, ScaleApiTest.scalableVnfd(""));
    fakeVim.findings.put(id, List.of(Finding.drift("VDU1", "Service vdu1 is missing", null)));
    monitor.changed(id, "x");
    await().atMost(Duration.ofSeconds(10)).until(() -> monitorEvents(id).size() == 1);
    monitor.changed(id, "x");
    Thread.sleep(600);
    assertThat(monitorEvents(id)).hasSize(1);
    assertThat(monitorEvents(id).get(0))
        .contains("Service vdu1 is missing")
        .contains("automatic healing off");
    assertThat(healEvents(id)).isEmpty();
    fakeVim.findings.remove(id);
    monitor.changed(id, "x");
    await().atMost(Duration.ofSeconds(10)).until(() -> monitorEvents(id).size() == 2);
    assertThat(monitorEvents(id).get(1)).contains("recovered");
  }

  List<String> monitorEvents(String id) throws Exception {
    return get("/v1.0/events?resource_id=" + id + "&event_type=MONITOR")
        .body()
        .path("events")
        .findValuesAsText("event_details");
  }
}
