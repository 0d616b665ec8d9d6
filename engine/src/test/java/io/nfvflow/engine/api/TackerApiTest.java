package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Tacker v1.0 API end to end through the engine, on the test VIM type. */
class TackerApiTest extends ApiTestSupport {

  @Test
  void registersAVimWithSecretsMaskedAndRegionsProbed() throws Exception {
    String name = unique("vim");
    String id = registerVim(name, "good", false);
    Answer shown = get("/v1.0/vims/" + id);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.body().path("vim").path("auth_cred").path("bearer_token").asText())
        .isEqualTo("***");
    assertThat(shown.body().path("vim").path("auth_cred").path("ssl_ca_cert").asText())
        .isEqualTo("***");
    assertThat(shown.body().path("vim").path("status").asText()).isEqualTo("REACHABLE");
    assertThat(shown.body().path("vim").path("placement_attr").path("regions").toString())
        .isEqualTo("[\"ns1\",\"ns2\"]");
    assertThat(shown.body().toString()).doesNotContain("good");
  }

  @Test
  void clientsResolveNamesWithFilterAndFields() throws Exception {
    String name = unique("vim");
    String id = registerVim(name, "good", false);
    Answer found = get("/v1.0/vims?name=" + name + "&fields=id");
    assertThat(found.body().path("vims").toString()).isEqualTo("[{\"id\":\"" + id + "\"}]");
    assertThat(get("/v1.0/vims?name=nope").body().path("vims").size()).isZero();
  }

  @Test
  void rejectedCredentialsAre400AndLeaveNothing() throws Exception {
    String name = unique("vim");
    Answer a =
        post(
            "/v1.0/vims",
            """
            {"vim": {"type": "fake", "name": "%s", "auth_url": "https://127.0.0.1:1",
              "vim_project": {"name": "ns1"}, "auth_cred": {"bearer_token": "bad"}}}
            """
                .formatted(name));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("type").asText()).isEqualTo("VimUnauthorizedException");
    assertThat(a.error().path("message").asText()).contains("not registered").contains("401");
    assertThat(get("/v1.0/vims?name=" + name).body().path("vims").size()).isZero();
  }

  @Test
  void unreachableVimIsRecordedWithAnEvent() throws Exception {
    String id = registerVim(unique("vim"), "down", false);
    assertThat(get("/v1.0/vims/" + id).body().path("vim").path("status").asText())
        .isEqualTo("UNREACHABLE");
    Answer events = get("/v1.0/events?resource_id=" + id);
    assertThat(events.body().path("events").get(0).path("resource_state").asText())
        .isEqualTo("UNREACHABLE");
  }

  @Test
  void unknownVimTypeNamesTheField() throws Exception {
    Answer a =
        post(
            "/v1.0/vims",
            """
            {"vim": {"type": "vmware", "name": "x", "auth_url": "https://h",
              "vim_project": {"name": "d"}, "auth_cred": {"bearer_token": "t"}}}
            """);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("message").asText()).contains("vim.type").contains("vmware");
  }

  @Test
  void duplicateNamesAndASecondDefaultAreConflicts() throws Exception {
    String name = unique("vim");
    String first = registerVim(name, "good", true);
    try {
      Answer dup =
          post(
              "/v1.0/vims",
              """
              {"vim": {"type": "fake", "name": "%s", "auth_url": "https://h",
                "vim_project": {"name": "d"}, "auth_cred": {"bearer_token": "good"}}}
              """
                  .formatted(name));
      assertThat(dup.status()).isEqualTo(409);
      Answer secondDefault =
          post(
              "/v1.0/vims",
              """
              {"vim": {"type": "fake", "name": "%s", "auth_url": "https://h",
                "vim_project": {"name": "d"}, "auth_cred": {"bearer_token": "good"},
                "is_default": true}}
              """
                  .formatted(unique("vim")));
      assertThat(secondDefault.status()).isEqualTo(409);
      assertThat(secondDefault.error().path("message").asText())
          .contains("Default VIM already exists");
    } finally {
      assertThat(delete("/v1.0/vims/" + first).status()).isEqualTo(204);
    }
  }

  @Test
  void malformedBodiesAre400NotStackTraces() throws Exception {
    Answer a = post("/v1.0/vims", "{not json");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("type").asText()).isEqualTo("MalformedRequestBody");
    assertThat(a.body().toString()).doesNotContain("Exception:").doesNotContain("at io.");
  }

  @Test
  void unknownPathsAndMethodsAnswerTackerErrorsToo() throws Exception {
    Answer path = get("/v1.0/nope");
    assertThat(path.status()).isEqualTo(404);
    assertThat(path.error().path("type").asText()).isEqualTo("NotFound");
    Answer method =
        call(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                "/v1.0/vims"));
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.error().path("message").asText()).contains("PATCH");
  }

  @Test
  void unknownIdsAre404TackerErrors() throws Exception {
    for (String path :
        new String[] {"/v1.0/vims/x", "/v1.0/vnfds/x", "/v1.0/vnfs/x", "/v1.0/events/9999"}) {
      Answer a = get(path);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.error().path("message").asText()).as(path).contains("could not be found");
    }
  }

  @Test
  void malformedVnfdIsRefusedNamingTheProblem() throws Exception {
    Answer a =
        post(
            "/v1.0/vnfds",
            """
            {"vnfd": {"name": "broken", "attributes": {"vnfd": "topology_template: [unclosed"}}}
            """);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("message").asText()).startsWith("Invalid VNF descriptor");
    assertThat(get("/v1.0/vnfds?name=broken").body().path("vnfds").size()).isZero();
  }

  @Test
  void vnfdWithoutImageIsRefused() throws Exception {
    String yaml = containerVnfd("x").replaceAll("(?m)^ *image: x\n", "");
    Answer a =
        post(
            "/v1.0/vnfds",
            JSON.writeValueAsString(
                JSON.createObjectNode()
                    .set(
                        "vnfd",
                        JSON.createObjectNode()
                            .put("name", "noimage")
                            .set("attributes", JSON.createObjectNode().put("vnfd", yaml)))));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("message").asText()).contains("VDU1").contains("image");
  }

  @Autowired HistoryService history;

  @Test
  void vnfGoesActiveThenIsDeletedThroughTheWorkflows() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    String vnfd = onboard(unique("vnfd"), containerVnfd("nginx"));
    String name = unique("vnf");
    Answer created =
        post(
            "/v1.0/vnfs",
            """
            {"vnf": {"name": "%s", "vnfd_id": "%s", "vim_id": "%s", "attributes": {}}}
            """
                .formatted(name, vnfd, vim));
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().path("vnf").path("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> get("/v1.0/vnfs/" + id).body().path("vnf").path("status").asText(),
            "ACTIVE"::equals);
    assertThat(
            get("/v1.0/vnfs/" + id).body().path("vnf").path("lcm_operation").path("state").asText())
        .isEqualTo("COMPLETED");
    // a list asking only for the VNF's own columns is answered from them: the same values
    String columns = "fields=id&fields=status&fields=name&fields=mgmt_ip_address&fields=updated_at";
    Answer light = get("/v1.0/vnfs?name=" + name + "&" + columns);
    Answer full = get("/v1.0/vnfs?name=" + name + "&" + columns + "&fields=instances");
    assertThat(light.body().path("vnfs").size()).isEqualTo(1);
    assertThat(light.body().path("vnfs").get(0).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(full.body().path("vnfs").get(0).path("instances").size()).isEqualTo(1);
    ((com.fasterxml.jackson.databind.node.ObjectNode) full.body().path("vnfs").get(0))
        .remove("instances");
    assertThat(light.body()).isEqualTo(full.body());
    assertThat(get("/v1.0/vnfs?fields=id&nosuch=1").status()).isEqualTo(400);
    assertThat(get("/v1.0/vnfs/" + id + "/resources").body().path("resources").size()).isEqualTo(1);
    String instance =
        get("/v1.0/vnfs/" + id)
            .body()
            .path("vnf")
            .path("lcm_operation")
            .path("process_instance_id")
            .asText();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName("vnfName")
                .singleResult()
                .getValue())
        .as("cockpit shows the VNF's name")
        .isEqualTo(name);
    assertThat(
            get("/v1.0/vnfs/" + id)
                .body()
                .path("vnf")
                .path("lcm_operation")
                .path("operation")
                .asText())
        .isEqualTo("INSTANTIATE");
    assertThat(delete("/v1.0/vnfds/" + vnfd).status()).isEqualTo(409);
    assertThat(delete("/v1.0/vims/" + vim).status()).isEqualTo(409);

    assertThat(delete("/v1.0/vnfs/" + id).status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1.0/vnfs/" + id).status() == 404);
    Answer events = get("/v1.0/events?resource_id=" + id);
    assertThat(events.body().path("events").findValuesAsText("resource_state"))
        .containsExactly("PENDING_CREATE", "ACTIVE", "PENDING_DELETE", "DEAD");
    assertThat(delete("/v1.0/vnfds/" + vnfd).status()).isEqualTo(204);
    assertThat(delete("/v1.0/vims/" + vim).status()).isEqualTo(204);
  }

  @Test
  void unknownVimOrVnfdIs400NamingTheField() throws Exception {
    String vnfd = onboard(unique("vnfd"), containerVnfd("nginx"));
    Answer unknown =
        post(
            "/v1.0/vnfs",
            """
            {"vnf": {"name": "v", "vnfd_id": "%s", "vim_id": "no-such-vim"}}
            """
                .formatted(vnfd));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error().path("message").asText()).contains("vnf.vim_id");
    Answer unknownVnfd =
        post("/v1.0/vnfs", "{\"vnf\": {\"name\": \"v\", \"vnfd_id\": \"no-such-vnfd\"}}");
    assertThat(unknownVnfd.status()).isEqualTo(400);
    assertThat(unknownVnfd.error().path("message").asText()).contains("vnf.vnfd_id");
  }

  @Test
  void aVnfdMayNameItsOwnInstantiateWorkflow() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    String yaml = vnfdWithWorkflow("custom-instantiate");
    String vnfd = onboard(unique("vnfd"), yaml);
    Answer created = createVnf(unique("vnf"), vnfd, vim);
    String id = created.body().path("vnf").path("id").asText();
    assertThat(created.body().path("vnf").path("lcm_operation").path("workflow").asText())
        .isEqualTo("custom-instantiate");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> get("/v1.0/vnfs/" + id).body().path("vnf").path("status").asText(),
            "ACTIVE"::equals);
  }

  @Test
  void aVnfdNamingAnUndeployedWorkflowIsRefusedAtCreate() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    String yaml = vnfdWithWorkflow("not-deployed");
    String vnfd = onboard(unique("vnfd"), yaml);
    String name = unique("vnf");
    Answer a = createVnf(name, vnfd, vim);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("message").asText()).contains("not-deployed");
    assertThat(get("/v1.0/vnfs?name=" + name).body().path("vnfs").size()).isZero();
  }

  @Test
  void deleteWhileAnOperationRunsIsAConflictUnlessForced() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    String yaml = vnfdWithWorkflow("stuck-instantiate");
    String vnfd = onboard(unique("vnfd"), yaml);
    String id = createVnf(unique("vnf"), vnfd, vim).body().path("vnf").path("id").asText();
    Answer refused = delete("/v1.0/vnfs/" + id);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.error().path("message").asText())
        .contains("PENDING_CREATE")
        .contains("force");

    Answer forced =
        call(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/v1.0/vnfs/" + id)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"vnf\": {\"attributes\": {\"force\": true}}}"));
    assertThat(forced.status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1.0/vnfs/" + id).status() == 404);
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aVnfWhoseDescriptorCannotBeReadAnyMoreIsStillRemovedCompletely() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    String vnfd = onboard(unique("vnfd"), containerVnfd("nginx"));
    String id = createVnf(unique("vnf"), vnfd, vim).body().path("vnf").path("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> get("/v1.0/vnfs/" + id).body().path("vnf").path("status").asText(),
            "ACTIVE"::equals);
    assertThat(fakeVim.applied).containsKey(id);
    // a stored descriptor a later nfvflow no longer reads (stricter rules, a damaged row)
    jdbc.update("update nfv_vnfd set template = ? where id = ?", "not: [a, descriptor", vnfd);

    assertThat(delete("/v1.0/vnfs/" + id).status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1.0/vnfs/" + id).status() == 404);
    assertThat(fakeVim.applied).as("removed from the VIM").doesNotContainKey(id);
  }

  @Test
  void anInlineVnfdGoesWithItsVnf() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    Answer created =
        post(
            "/v1.0/vnfs",
            JSON.writeValueAsString(
                JSON.createObjectNode()
                    .set(
                        "vnf",
                        JSON.createObjectNode()
                            .put("name", unique("vnf"))
                            .put("vim_id", vim)
                            .put("vnfd_template", containerVnfd("nginx")))));
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().path("vnf").path("id").asText();
    String vnfd = created.body().path("vnf").path("vnfd_id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> get("/v1.0/vnfs/" + id).body().path("vnf").path("status").asText(),
            "ACTIVE"::equals);
    assertThat(get("/v1.0/vnfds/" + vnfd).status()).isEqualTo(200);

    assertThat(delete("/v1.0/vnfs/" + id).status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1.0/vnfs/" + id).status() == 404);
    assertThat(get("/v1.0/vnfds/" + vnfd).status()).as("the inline VNFD is removed").isEqualTo(404);
  }

  @Test
  void renamesVimsAndVnfds() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    String newName = unique("renamed");
    Answer a = put("/v1.0/vims/" + vim, "{\"vim\": {\"name\": \"" + newName + "\"}}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().path("vim").path("name").asText()).isEqualTo(newName);
    String vnfd = onboard(unique("vnfd"), containerVnfd("nginx"));
    Answer b = put("/v1.0/vnfds/" + vnfd, "{\"vnfd\": {\"description\": \"new words\"}}");
    assertThat(b.body().path("vnfd").path("description").asText()).isEqualTo("new words");
  }
}
