package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Alarm URLs: shown in the VNF's attributes, their key checked, cooldown and bounds honoured. */
class AlarmApiTest extends ApiTestSupport {

  static final String TRIGGER = "vdu_hcpu_usage_scaling_out";
  static final String AODH_ALARM = "{\"alarm_id\": \"a-1\", \"current\": \"alarm\"}";

  static String alarmedVnfd(int cooldown) {
    return ScaleApiTest.scalableVnfd("").replace("cooldown: 60", "cooldown: " + cooldown)
        + """
            - vdu_cpu_usage_monitoring_policy:
                type: tosca.policies.tacker.Alarming
                triggers:
                  vdu_hcpu_usage_scaling_out:
                    event_type:
                      type: tosca.events.resource.utilization
                      implementation: ceilometer
                    metric: cpu_util
                    condition:
                      threshold: 80
                      constraint: utilization greater_than 80%
                      granularity: 60
                      evaluations: 1
                      aggregation_method: mean
                      resource_type: instance
                      comparison_operator: gt
                    action: [SP1]
        """;
  }

  String activeVnf(int cooldown) throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    String vnfd = onboard(unique("vnfd"), alarmedVnfd(cooldown));
    String id = createVnf(unique("vnf"), vnfd, vim).body().path("vnf").path("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> vnf(id).path("status").asText(), "ACTIVE"::equals);
    return id;
  }

  JsonNode vnf(String id) throws Exception {
    return get("/v1.0/vnfs/" + id).body().path("vnf");
  }

  String alarmPath(String id) throws Exception {
    String url = vnf(id).path("attributes").path(TRIGGER).asText();
    assertThat(url)
        .matches(
            "http://127\\.0\\.0\\.1:\\d+/v1\\.0/vnfs/"
                + id
                + "/"
                + TRIGGER
                + "/SP1-out/[a-z0-9]{24}");
    return URI.create(url).getPath();
  }

  @Test
  void theAlarmUrlIsInTheAttributesAndAnAodhAlarmScalesOut() throws Exception {
    String id = activeVnf(0);
    assertThat(vnf(id).path("attributes").path("alarming_policy").asText()).isEqualTo(id);
    // as Aodh posts it: no login, the URL's key is the credential
    Answer a =
        callWith(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(alarmPath(id))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(AODH_ALARM));
    assertThat(a.status()).isEqualTo(202);
    assertThat(a.body().path("trigger").path("result").asText()).startsWith("scale started");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                vnf(id).path("status").asText().equals("ACTIVE")
                    && vnf(id).path("scale_status").get(0).path("current").asInt() == 3);
    JsonNode events = get("/v1.0/events?resource_id=" + id + "&event_type=SCALE").body();
    assertThat(events.path("events").get(0).path("event_details").asText())
        .contains("alarm trigger " + TRIGGER)
        .contains("a-1");
  }

  @Test
  void viewersSeeTheAlarmUrlWithoutItsKey() throws Exception {
    String id = activeVnf(0);
    ensureUser("alarmviewer", "viewer", "alarm-viewer-password");
    Answer shown =
        callWith(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/v1.0/vnfs/" + id)
                .header(
                    org.springframework.http.HttpHeaders.AUTHORIZATION,
                    basic("alarmviewer", "alarm-viewer-password")));
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.body().path("vnf").path("attributes").path(TRIGGER).asText())
        .endsWith("/" + TRIGGER + "/SP1-out/***");
    assertThat(shown.body().toString()).doesNotContain(URI.create(alarmPath(id)).getPath());
  }

  @Test
  void aWrongKeyIs404AndNothingHappens() throws Exception {
    String id = activeVnf(0);
    String path = alarmPath(id);
    String wrong = path.substring(0, path.length() - 8) + "zzzzzzzz";
    assertThat(post(path.substring(0, path.length() - 1), AODH_ALARM).status())
        .as("a key one character short")
        .isEqualTo(404);
    Answer a = post(wrong, AODH_ALARM);
    assertThat(a.status()).isEqualTo(404);
    assertThat(post(path.replace("SP1-out", "SP1-in"), AODH_ALARM).status()).isEqualTo(404);
    assertThat(vnf(id).path("lcm_operation").path("operation").asText()).isEqualTo("INSTANTIATE");
    assertThat(vnf(id).path("scale_status").get(0).path("current").asInt()).isEqualTo(2);
  }

  @Test
  void withinTheCooldownAnAlarmIsAnEventNotAScale() throws Exception {
    String id = activeVnf(3600);
    String path = alarmPath(id);
    assertThat(post(path, AODH_ALARM).body().path("trigger").path("result").asText())
        .startsWith("scale started");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> vnf(id).path("lcm_operation").path("state").asText(), "COMPLETED"::equals);
    Answer again = post(path, AODH_ALARM);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().path("trigger").path("result").asText()).contains("cooldown of 3600 s");
    assertThat(vnf(id).path("scale_status").get(0).path("current").asInt()).isEqualTo(3);
    JsonNode monitor = get("/v1.0/events?resource_id=" + id + "&event_type=MONITOR").body();
    assertThat(monitor.path("events").get(0).path("event_details").asText())
        .contains("not scaled")
        .contains("cooldown");
  }

  @Test
  void atTheBoundAnAlarmIsAnEventNotAnError() throws Exception {
    String id = activeVnf(0);
    String path = alarmPath(id);
    post(path, AODH_ALARM);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> vnf(id).path("lcm_operation").path("state").asText(), "COMPLETED"::equals);
    Answer atMax = post(path, AODH_ALARM);
    assertThat(atMax.status()).isEqualTo(202);
    assertThat(atMax.body().path("trigger").path("result").asText())
        .startsWith("skipped")
        .contains("max_instances is 3");
    assertThat(vnf(id).path("lcm_operation").path("operation").asText()).isEqualTo("SCALE");
    assertThat(vnf(id).path("scale_status").get(0).path("current").asInt()).isEqualTo(3);
  }

  @Test
  void aResolvedAlertIsIgnoredAndAnUnknownBodyIs400() throws Exception {
    String id = activeVnf(0);
    String path = alarmPath(id);
    Answer resolved = post(path, "{\"status\": \"resolved\", \"alerts\": []}");
    assertThat(resolved.status()).isEqualTo(202);
    assertThat(resolved.body().path("trigger").path("result").asText()).startsWith("ignored");
    assertThat(post(path, "{\"hello\": 1}").status()).isEqualTo(400);
    Answer firing = post(path, "{\"status\": \"firing\", \"groupKey\": \"g1\", \"alerts\": []}");
    assertThat(firing.body().path("trigger").path("result").asText()).startsWith("scale started");
  }
}
