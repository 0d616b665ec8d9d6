package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.security.AccessRules;
import io.nfvflow.engine.security.AccessRules.Access;
import io.nfvflow.engine.security.AccessRules.Rule;
import io.nfvflow.engine.security.Endpoints;
import io.nfvflow.engine.security.Endpoints.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Authentication and roles against the running application: every endpoint it has (Spring MVC's
 * handler mappings and Camunda REST's resources) has an access rule, and each kind of caller gets
 * what the rule says — anonymous 401, a role too low 403 naming it, else through the gate.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessControlApiTest extends ApiTestSupport {

  static final String PASSWORD = "role-test-password";

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  /** A caller: a user in these Camunda groups (none: anonymous), with a token. */
  record Caller(String user, String group, Access level, String token) {
    boolean anonymous() {
      return user == null;
    }

    @Override
    public String toString() {
      return anonymous() ? "anonymous" : user + " (" + (group == null ? "no group" : group) + ")";
    }
  }

  private List<Caller> callers;

  @BeforeEach
  void users() throws Exception {
    callers = new ArrayList<>();
    callers.add(new Caller(null, null, null, null));
    callers.add(caller("tnobody", null, null));
    callers.add(caller("tviewer", "viewer", Access.VIEWER));
    callers.add(caller("toperator", "operator", Access.OPERATOR));
    callers.add(caller("tadmin", "admin", Access.ADMIN));
  }

  private Caller caller(String user, String group, Access level) throws Exception {
    ensureUser(user, group);
    return new Caller(user, group, level, token(user, PASSWORD));
  }

  void ensureUser(String id, String group) {
    ensureUser(id, group, PASSWORD);
  }

  String token(String user, String password) throws Exception {
    Answer a = callWith(tokenRequest(user, password));
    assertThat(a.status()).as("token for " + user).isEqualTo(201);
    return mvc.perform(tokenRequest(user, password))
        .andReturn()
        .getResponse()
        .getHeader("X-Subject-Token");
  }

  static MockHttpServletRequestBuilder tokenRequest(String user, String password) {
    return MockMvcRequestBuilders.post("/identity/v3/auth/tokens")
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            """
            {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
              "domain": {"name": "Default"}, "password": "%s"}}},
              "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}
            """
                .formatted(user, password));
  }

  // ------------------------------------------------------------------ the table

  @Test
  void everyEndpointOfTheApplicationHasAnAccessRule() {
    Set<Endpoint> endpoints = new TreeSet<>(Endpoints.springMvc(context));
    endpoints.addAll(Endpoints.camundaRest());
    assertThat(Endpoints.springMvc(context))
        .extracting(Endpoint::template)
        .contains("/v1.0/vnfs/{id}", "/identity/v3/auth/tokens", "/actuator/health");
    Map<String, Set<String>> missing = new TreeMap<>();
    for (Endpoint e : endpoints) {
      if (AccessRules.explicit(e.method(), e.path()).isEmpty()) {
        missing.computeIfAbsent(e.group(), g -> new TreeSet<>()).add(e.toString());
      }
    }
    assertThat(missing)
        .withFailMessage("endpoints without an access rule (add them to AccessRules):%n%s", missing)
        .isEmpty();
  }

  /**
   * Every Spring MVC endpoint, and Camunda REST by group: one endpoint per root resource, method
   * and rule (the gate decides by rule; Camunda REST has some 500 endpoints).
   */
  @Test
  void eachCallerGetsWhatTheRuleSaysOnEveryEndpoint() throws Exception {
    Set<Endpoint> endpoints = new TreeSet<>(Endpoints.springMvc(context));
    Map<String, Endpoint> camundaGroups = new TreeMap<>();
    for (Endpoint e : Endpoints.camundaRest()) {
      Rule rule = AccessRules.find(e.method(), e.path());
      camundaGroups.putIfAbsent(e.group() + " " + e.method() + " " + rule, e);
    }
    endpoints.addAll(camundaGroups.values());
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (Endpoint e : endpoints) {
      Rule rule = AccessRules.find(e.method(), e.path());
      for (Caller caller : callers) {
        Answer a = callWith(request(e, caller));
        calls++;
        String problem = problem(rule, caller, a);
        if (problem != null) {
          wrong.add("%s as %s: %s (%s)".formatted(e, caller, problem, rule));
        }
      }
    }
    assertThat(calls).isGreaterThan(500);
    assertThat(wrong).isEmpty();
  }

  private static MockHttpServletRequestBuilder request(Endpoint e, Caller caller) {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(
            org.springframework.http.HttpMethod.valueOf(e.method()), e.path());
    if (Set.of("POST", "PUT", "PATCH").contains(e.method())) {
      request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    if (!caller.anonymous()) {
      request.header("X-Auth-Token", caller.token());
    }
    return request;
  }

  /** What is wrong with the answer, or null. */
  private static String problem(Rule rule, Caller caller, Answer a) {
    boolean open = rule.access() == Access.PUBLIC || rule.access() == Access.CAMUNDA_LOGIN;
    if (open || (!caller.anonymous() && allowed(caller, rule.access()))) {
      return gateDenied(a) ? "denied: " + a : null;
    }
    if (caller.anonymous()) {
      return notAuthenticated(a) ? null : "not 401: " + a;
    }
    String expected = "requires role " + rule.access().role().group();
    return a.status() == 403 && a.toString().contains(expected)
        ? null
        : "not 403 '" + expected + "': " + a;
  }

  private static boolean allowed(Caller caller, Access needed) {
    return caller.level() != null && caller.level().compareTo(needed) >= 0;
  }

  private static boolean gateDenied(Answer a) {
    return notAuthenticated(a) || (a.status() == 403 && a.toString().contains("requires role"));
  }

  /** The gate's 401: a TackerError or Camunda error of type NotAuthenticated, or Keystone's. */
  private static boolean notAuthenticated(Answer a) {
    return a.status() == 401
        && (a.toString().contains("NotAuthenticated")
            || a.body()
                .path("error")
                .path("message")
                .asText()
                .startsWith("Authentication required"));
  }

  // ------------------------------------------------------------------ credentials

  @Test
  void noCredentialsIsA401WithAChallengeAndATackerError() throws Exception {
    Answer a = callWith(MockMvcRequestBuilders.get("/v1.0/vnfs"));
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.error().path("type").asText()).isEqualTo("NotAuthenticated");
    assertThat(a.error().path("message").asText()).contains("X-Auth-Token");
    String challenge =
        mvc.perform(MockMvcRequestBuilders.get("/v1.0/vnfs"))
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.WWW_AUTHENTICATE);
    assertThat(challenge).contains("Keystone uri=").contains("/identity/v3").contains("Basic");
  }

  @Test
  void aDeniedCallNamesTheOperationTheRoleAndTheUsersRole() throws Exception {
    Caller viewer = callers.get(2);
    Answer a = callWith(request(new Endpoint("POST", "/v1.0/vnfs", "t"), viewer));
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.error().path("type").asText()).isEqualTo("Forbidden");
    assertThat(a.error().path("message").asText())
        .isEqualTo("vnf-create requires role operator; user tviewer has viewer");
    Answer nobody = callWith(request(new Endpoint("GET", "/v1.0/vnfs", "t"), callers.get(1)));
    assertThat(nobody.error().path("message").asText())
        .isEqualTo("vnf-list requires role viewer; user tnobody has no nfvflow role");
  }

  @Test
  void onlyAnAdminMayForceADelete() throws Exception {
    Caller operator = callers.get(3);
    Caller admin = callers.get(4);
    for (String[] api :
        new String[][] {
          {"/v1.0/vnfs/no-such-vnf", "vnf", "vnf-delete with vnf.attributes.force"},
          {"/v1.0/nss/no-such-ns", "ns", "ns-delete with ns.attributes.force"}
        }) {
      String body = "{\"%s\": {\"attributes\": {\"force\": true}}}".formatted(api[1]);
      Answer denied = callWith(forced(api[0], body, operator));
      assertThat(denied.status()).as(api[0]).isEqualTo(403);
      assertThat(denied.error().path("message").asText())
          .isEqualTo(api[2] + " requires role admin; user toperator has operator");
      // the operator's plain delete and the admin's forced one get past the role check
      assertThat(callWith(forced(api[0], "{}", operator)).status()).as(api[0]).isEqualTo(404);
      assertThat(callWith(forced(api[0], body, admin)).status()).as(api[0]).isEqualTo(404);
    }
  }

  private static MockHttpServletRequestBuilder forced(String path, String body, Caller caller) {
    return MockMvcRequestBuilders.delete(path)
        .header("X-Auth-Token", caller.token())
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }

  @Test
  void httpBasicWorksAndAWrongPasswordIsA401() throws Exception {
    ensureUser("tbasic", "operator");
    Answer ok =
        callWith(
            MockMvcRequestBuilders.get("/v1.0/vnfs")
                .header(HttpHeaders.AUTHORIZATION, basic("tbasic", PASSWORD)));
    assertThat(ok.status()).isEqualTo(200);
    ensureUser("twrong", "operator"); // a user of its own: Camunda locks it for a while after this
    Answer wrong =
        callWith(
            MockMvcRequestBuilders.get("/v1.0/vnfs")
                .header(HttpHeaders.AUTHORIZATION, basic("twrong", "not-the-password")));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.error().path("message").asText()).contains("Wrong user name or password");
    Answer garbage =
        callWith(
            MockMvcRequestBuilders.get("/v1.0/vnfs")
                .header(HttpHeaders.AUTHORIZATION, "Basic %%%"));
    assertThat(garbage.status()).isEqualTo(401);
  }

  @Test
  void anUnknownAnExpiredAndARevokedTokenAre401() throws Exception {
    Answer unknown =
        callWith(MockMvcRequestBuilders.get("/v1.0/vnfs").header("X-Auth-Token", "no-such-token"));
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.error().path("message").asText()).isEqualTo("The token is not valid");

    ensureUser("texpiring", "viewer");
    String expiring = token("texpiring", PASSWORD);
    assertThat(withToken("/v1.0/vnfs", expiring).status()).isEqualTo(200);
    jdbc.update(
        "update nfv_api_token set expires_at = ? where user_id = ?",
        java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
        "texpiring");
    Answer expired = withToken("/v1.0/vnfs", expiring);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.error().path("message").asText()).contains("expired");

    String revoked = token("tviewer", PASSWORD);
    Answer revoke =
        callWith(
            MockMvcRequestBuilders.delete("/identity/v3/auth/tokens")
                .header("X-Auth-Token", revoked)
                .header("X-Subject-Token", revoked));
    assertThat(revoke.status()).isEqualTo(204);
    Answer after = withToken("/v1.0/vnfs", revoked);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.error().path("message").asText()).contains("revoked");
    assertThat(withToken("/v1.0/vnfs", callers.get(2).token()).status())
        .as("the user's other tokens still work")
        .isEqualTo(200);
  }

  private Answer withToken(String path, String token) throws Exception {
    return callWith(MockMvcRequestBuilders.get(path).header("X-Auth-Token", token));
  }

  // ------------------------------------------------------------------ the identity API

  @Test
  void aKeystoneTokenHasTheRolesAndACatalogNamingNfvflow() throws Exception {
    var result = mvc.perform(tokenRequest("toperator", PASSWORD)).andReturn().getResponse();
    assertThat(result.getStatus()).isEqualTo(201);
    String token = result.getHeader("X-Subject-Token");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    JsonNode body = JSON.readTree(result.getContentAsString()).path("token");
    assertThat(body.path("user").path("name").asText()).isEqualTo("toperator");
    assertThat(body.path("project").path("name").asText()).isEqualTo("admin");
    assertThat(body.path("roles").findValuesAsText("name")).containsExactly("viewer", "operator");
    assertThat(Instant.parse(body.path("expires_at").asText()))
        .isBetween(Instant.now().plusSeconds(7 * 3600), Instant.now().plusSeconds(8 * 3600 + 60));
    JsonNode nfv = null;
    for (JsonNode service : body.path("catalog")) {
      if (service.path("type").asText().equals("nfv-orchestration")) {
        nfv = service;
      }
    }
    assertThat(nfv).isNotNull();
    assertThat(nfv.path("endpoints").findValuesAsText("interface"))
        .containsExactlyInAnyOrder("public", "internal", "admin");
    assertThat(nfv.path("endpoints").findValuesAsText("url")).containsOnly("http://localhost");
    assertThat(result.getContentAsString()).doesNotContain(token).doesNotContain(PASSWORD);

    Answer validated =
        callWith(
            MockMvcRequestBuilders.get("/identity/v3/auth/tokens")
                .header("X-Auth-Token", token)
                .header("X-Subject-Token", token));
    assertThat(validated.status()).isEqualTo(200);
    Answer othersToken =
        callWith(
            MockMvcRequestBuilders.get("/identity/v3/auth/tokens")
                .header("X-Auth-Token", token)
                .header("X-Subject-Token", callers.get(4).token()));
    assertThat(othersToken.status()).as("another user's token is not found").isEqualTo(404);

    var renewed =
        mvc.perform(
                MockMvcRequestBuilders.post("/identity/v3/auth/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"%s\"}}}}"
                            .formatted(token)))
            .andReturn()
            .getResponse();
    assertThat(renewed.getStatus()).as("the token method").isEqualTo(201);
    assertThat(renewed.getHeader("X-Subject-Token")).isNotEqualTo(token);
    assertThat(JSON.readTree(renewed.getContentAsString()).at("/token/expires_at").asText())
        .as("a token from a token never outlives it")
        .isLessThanOrEqualTo(body.path("expires_at").asText());
  }

  @Test
  void wrongCredentialsAndBadBodiesAtTheTokenApiAreKeystoneErrors() throws Exception {
    ensureUser("twrongtoken", "viewer");
    Answer wrong = callWith(tokenRequest("twrongtoken", "nope"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().path("error").path("code").asInt()).isEqualTo(401);
    Answer bad =
        callWith(
            MockMvcRequestBuilders.post("/identity/v3/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"auth\": {\"identity\": {\"methods\": [\"password\"]}}}"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("error").path("message").asText())
        .contains("auth.identity.password.user.name")
        .contains("auth.identity.password.user.password");
    Answer versions = callWith(MockMvcRequestBuilders.get("/identity/v3"));
    assertThat(versions.body().path("version").path("id").asText()).startsWith("v3");
  }

  @Test
  void neitherPasswordsNorTokensAppearInTheLog(CapturedOutput output) throws Exception {
    ensureUser("tlogged", "operator");
    String token = token("tlogged", PASSWORD);
    withToken("/v1.0/vnfs", token);
    callWith(tokenRequest("tlogged2", "some-wrong-password-123"));
    callWith(
        MockMvcRequestBuilders.get("/v1.0/vnfs")
            .header(HttpHeaders.AUTHORIZATION, basic("tlogged3", "another-wrong-pw-456")));
    assertThat(output.getAll())
        .doesNotContain(token)
        .doesNotContain(PASSWORD)
        .doesNotContain("some-wrong-password-123")
        .doesNotContain("another-wrong-pw-456")
        .contains("token issued for user tlogged");
  }

  // ------------------------------------------------------------------ the console

  @Test
  void theConsoleIsServedWithoutLoginAndSignsInAtTheTokenApi() throws Exception {
    var page = mvc.perform(MockMvcRequestBuilders.get("/console/index.html")).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(page.getResponse().getContentAsString()).contains("login-form");
    var script = mvc.perform(MockMvcRequestBuilders.get("/console/console.js")).andReturn();
    assertThat(script.getResponse().getContentAsString())
        .contains("/identity/v3/auth/tokens")
        .contains("X-Auth-Token");
    var start = mvc.perform(MockMvcRequestBuilders.get("/console")).andReturn();
    assertThat(start.getResponse().getRedirectedUrl()).isEqualTo("/console/index.html");
  }

  // ------------------------------------------------------------------ over real HTTP

  @Test
  void overHttpTheJsonSuffixAndCamundaRestRunAsTheCaller() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Caller viewer = callers.get(2);
    Caller admin = callers.get(4);
    assertThat(send(http, "GET", "/v1.0/vnfs.json", viewer).statusCode()).isEqualTo(200);
    assertThat(send(http, "GET", "/v1.0/vnfs.json", callers.get(0)).statusCode()).isEqualTo(401);
    assertThat(send(http, "POST", "/v1.0/vims.json", viewer).body())
        .contains("vim-register requires role admin; user tviewer has viewer");

    HttpResponse<String> definitions = send(http, "GET", "/engine-rest/process-definition", viewer);
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(definitions.body()).size())
        .as("viewers read definitions")
        .isPositive();
    // Camunda's authorizations apply to the caller: viewers have no read permission on filters
    assertThat(JSON.readTree(send(http, "GET", "/engine-rest/filter", viewer).body()).size())
        .isZero();
    assertThat(JSON.readTree(send(http, "GET", "/engine-rest/filter", admin).body()).size())
        .isPositive();
    HttpResponse<String> deploy = send(http, "POST", "/engine-rest/deployment/create", viewer);
    assertThat(deploy.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(deploy.body()).path("message").asText())
        .isEqualTo(
            "Camunda REST deploy or delete workflows requires role admin; user tviewer has viewer");
    assertThat(send(http, "GET", "/engine-rest/user", callers.get(0)).statusCode()).isEqualTo(401);
    HttpResponse<String> basic =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/engine-rest/user?id=admin"))
                .header(HttpHeaders.AUTHORIZATION, basic(ADMIN_USER, ADMIN_PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(200);
    // (not the users this test made: with several cached test contexts in one JVM, Camunda REST
    // serves whichever engine named "default" registered first; every context has the admin)
    assertThat(basic.body()).contains("\"id\":\"admin\"");
    assertThat(send(http, "GET", "/actuator/health", callers.get(0)).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> send(HttpClient http, String method, String path, Caller caller)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (!caller.anonymous()) {
      request.header("X-Auth-Token", caller.token());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
