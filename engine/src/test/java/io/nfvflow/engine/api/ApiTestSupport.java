package io.nfvflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A whole engine on a fresh H2 database, driven through MockMvc (and listening on a random port for
 * the few tests that need the real HTTP stack), with the test VIM type fake. Security is on: every
 * call is made as the administrator (HTTP basic, {@link #ADMIN_PASSWORD}) unless a test says
 * otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(ApiTestSupport.FakeVim.class)
abstract class ApiTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The administrator every test calls as (nfvflow.admin.user, nfvflow.admin.password). */
  static final String ADMIN_USER = "admin";

  static final String ADMIN_PASSWORD = "test-admin-password";

  @Autowired MockMvc mvc;

  @Autowired FakeVimDriver fakeVim;

  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @TestConfiguration
  static class FakeVim {
    @Bean
    FakeVimDriver fakeVimDriver() {
      return new FakeVimDriver();
    }

    @Bean
    FakeSteps fakeApplyDelegate(
        VnfInventory inventory, VimDirectory directory, VimDrivers drivers) {
      return new FakeSteps(inventory, directory, drivers, VimDriver::apply);
    }

    @Bean
    org.camunda.bpm.engine.delegate.JavaDelegate fakeReplaceDelegate(
        VnfInventory inventory, FakeVimDriver fake) {
      return execution ->
          fake.replace(
              io.nfvflow.lcm.LcmVariables.vnfId(execution),
              inventory.healTarget(io.nfvflow.lcm.LcmVariables.operationId(execution)).selected());
    }

    @Bean
    TestVnffgdUsers testVnffgdUsers() {
      return new TestVnffgdUsers();
    }

    @Bean
    FakeSteps fakeRemoveDelegate(
        VnfInventory inventory, VimDirectory directory, VimDrivers drivers) {
      return new FakeSteps(inventory, directory, drivers, VimDriver::remove);
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("nfvflow-api-test");
    registry.add("nfvflow.data-dir", dir::toString);
    registry.add("nfvflow.admin.password", () -> ADMIN_PASSWORD);
    registry.add("nfvflow.heal.debounce", () -> "PT0.1S");
    registry.add("nfvflow.heal.unavailable-after", () -> "PT2S");
    registry.add("nfvflow.heal.max-attempts", () -> "3");
  }

  /** A call's status and JSON body. */
  record Answer(int status, JsonNode body) {
    JsonNode error() {
      return body.path("TackerError");
    }
  }

  /** The call as the administrator. */
  Answer call(MockHttpServletRequestBuilder request) throws Exception {
    return callWith(request.header(HttpHeaders.AUTHORIZATION, basic(ADMIN_USER, ADMIN_PASSWORD)));
  }

  /** The call with the credentials the request carries (none: anonymous). */
  Answer callWith(MockHttpServletRequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    String text = result.getResponse().getContentAsString();
    return new Answer(
        result.getResponse().getStatus(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
  }

  Answer post(String path, String body) throws Exception {
    return call(
        MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  Answer put(String path, String body) throws Exception {
    return call(
        MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  Answer get(String path) throws Exception {
    return call(MockMvcRequestBuilders.get(path));
  }

  Answer delete(String path) throws Exception {
    return call(MockMvcRequestBuilders.delete(path));
  }

  /** A Camunda user in the group (none when null), created unless it exists. */
  void ensureUser(String id, String group, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identity.newUser(id);
      user.setPassword(password);
      identity.saveUser(user);
      if (group != null) {
        identity.createMembership(id, group);
      }
    }
  }

  /** An {@code Authorization} header value for HTTP basic. */
  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  String registerVim(String name, String token, boolean isDefault) throws Exception {
    return registerVim(name, token, isDefault, "ns1");
  }

  String registerVim(String name, String token, boolean isDefault, String project)
      throws Exception {
    Answer a =
        post(
            "/v1.0/vims",
            """
            {"vim": {"type": "fake", "name": "%s", "auth_url": "https://127.0.0.1:1",
              "vim_project": {"name": "%s"},
              "auth_cred": {"bearer_token": "%s", "ssl_ca_cert": "None"}, "is_default": %s}}
            """
                .formatted(name, project, token, isDefault));
    if (a.status() != 201) {
      throw new AssertionError("VIM registration failed: " + a);
    }
    return a.body().path("vim").path("id").asText();
  }

  String onboard(String name, String yaml) throws Exception {
    Answer a =
        post(
            "/v1.0/vnfds",
            JSON.writeValueAsString(
                JSON.createObjectNode()
                    .set(
                        "vnfd",
                        JSON.createObjectNode()
                            .put("name", name)
                            .set("attributes", JSON.createObjectNode().put("vnfd", yaml)))));
    if (a.status() != 201) {
      throw new AssertionError("onboarding failed: " + a);
    }
    return a.body().path("vnfd").path("id").asText();
  }

  Answer createVnf(String name, String vnfdId, String vimId) throws Exception {
    return post(
        "/v1.0/vnfs",
        "{\"vnf\": {\"name\": \"%s\", \"vnfd_id\": \"%s\", \"vim_id\": \"%s\"}}"
            .formatted(name, vnfdId, vimId));
  }

  /** The test container VNFD naming its own instantiate workflow. */
  static String vnfdWithWorkflow(String processId) {
    return containerVnfd("nginx")
        .replace(
            "description: test CNF",
            "description: custom\nmetadata:\n  workflows:\n    instantiate: " + processId);
  }

  static String containerVnfd(String image) {
    return """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        description: test CNF
        topology_template:
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
                mapping_ports: ["80:8080"]
                vnfcs:
                  web:
                    image: %s
                    num_cpus: 0.1
                    mem_size: 64 MB
        """
        .formatted(image);
  }

  /** GET /v1.0/vnfs/{id}: the VNF. */
  JsonNode vnf(String id) throws Exception {
    return get("/v1.0/vnfs/" + id).body().path("vnf");
  }

  void awaitStatus(String id, String status) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> vnf(id).path("status").asText(), status::equals);
  }

  /** Onboards the descriptor, creates a VNF of it on the VIM and waits until it is ACTIVE. */
  String activeVnfOn(String vimId, String vnfdYaml) throws Exception {
    String vnfd = onboard(unique("vnfd"), vnfdYaml);
    String id = createVnf(unique("vnf"), vnfd, vimId).body().path("vnf").path("id").asText();
    awaitStatus(id, "ACTIVE");
    return id;
  }
}
