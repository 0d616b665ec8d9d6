package io.nfvflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfvflow.engine.security.AccessRules.Access;
import io.nfvflow.engine.security.AccessRules.Rule;
import io.nfvflow.engine.security.Endpoints.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The access rule table on its own: every Camunda REST endpoint has a rule, and the rules say what
 * the roles mean. (Every Spring MVC endpoint, and what each role really gets, is checked against a
 * running application by {@code AccessControlApiTest}.)
 */
class AccessRulesTest {

  private static final Set<String> IDENTITY_ROOTS =
      Set.of("user", "group", "tenant", "authorization", "identity");

  @Test
  void everyCamundaRestEndpointHasARule() {
    Set<Endpoint> endpoints = Endpoints.camundaRest();
    assertThat(endpoints).hasSizeGreaterThan(400); // the walk found Camunda REST
    Map<String, Set<String>> missing = new TreeMap<>();
    for (Endpoint e : endpoints) {
      if (AccessRules.explicit(e.method(), e.path()).isEmpty()) {
        missing.computeIfAbsent(e.group(), g -> new TreeSet<>()).add(e.toString());
      }
    }
    assertThat(missing)
        .withFailMessage(
            "Camunda REST endpoints without an access rule (add one to AccessRules), by root"
                + " resource:%n%s",
            missing)
        .isEmpty();
  }

  @Test
  void camundaRestRolesMeanWhatTheDocsSay() {
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : Endpoints.camundaRest()) {
      Access access = AccessRules.find(e.method(), e.path()).access();
      boolean read = Set.of("GET", "HEAD", "OPTIONS").contains(e.method());
      String root = e.group().substring("Camunda REST /".length());
      Access expected = null;
      if (IDENTITY_ROOTS.contains(root)) {
        expected = Access.ADMIN; // users, groups, tenants, authorizations: admins only
      } else if (root.equals("deployment") && !read) {
        expected = Access.ADMIN; // deploying and deleting workflows
      } else if (read
          && !Set.of("schema", "telemetry", "optimize").contains(root)
          && !e.template().contains("/history/cleanup")) {
        expected = Access.VIEWER; // viewers read everything
      } else if (!read) {
        // every change needs at least an operator
        if (access == Access.VIEWER && !isQuery(e)) {
          wrong.add(e + " is open to viewers but changes something");
        }
        if (access == Access.PUBLIC || access == Access.CAMUNDA_LOGIN) {
          wrong.add(e + " is " + access);
        }
      }
      if (expected != null && access != expected) {
        wrong.add(e + " is " + access + ", expected " + expected);
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** Camunda REST's POST queries: a collection root or its count, or a filter's results. */
  private static boolean isQuery(Endpoint e) {
    String path = e.template().replaceFirst("^/engine-rest(/engine/\\{[^}]*\\})?", "");
    return path.matches("(/history)?/[a-z-]+(/count)?")
        || path.matches("/filter/\\{id\\}/[a-zA-Z]+");
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "GET, /v1.0/vims, VIEWER",
    "GET, /v1.0/vims.json, VIEWER",
    "POST, /v1.0/vims, ADMIN",
    "PUT, /v1.0/vims/x, ADMIN",
    "DELETE, /v1.0/vims/x.json, ADMIN",
    "POST, /v1.0/vnfds, OPERATOR",
    "POST, /v1.0/vnfs, OPERATOR",
    "POST, /v1.0/vnfs/x/actions, OPERATOR",
    "POST, /v1.0/vnfs/x/vdu_hcpu_usage_scaling_out/SP1-out/abc, PUBLIC",
    "DELETE, /v1.0/vnfs/x, OPERATOR",
    "HEAD, /v1.0/vnfs/x, VIEWER",
    "POST, /v1.0/vnffgs, OPERATOR",
    "PUT, /v1.0/vnffgs/x, OPERATOR",
    "POST, /v1.0/nss, OPERATOR",
    "GET, /v1.0/events, VIEWER",
    "GET, /actuator/health, PUBLIC",
    "GET, /actuator/health/liveness, PUBLIC",
    "GET, /actuator/info, VIEWER",
    "GET, /actuator/env, ADMIN",
    "POST, /identity/v3/auth/tokens, PUBLIC",
    "GET, /identity/v3/auth/tokens, VIEWER",
    "GET, /identity/v3, PUBLIC",
    "GET, /camunda/app/cockpit/default/, CAMUNDA_LOGIN",
    "POST, /camunda/api/admin/auth/user/default/login/cockpit, CAMUNDA_LOGIN",
    "GET, /console/index.html, PUBLIC",
    "GET, /console, PUBLIC",
    "GET, /console/, PUBLIC",
    "GET, /engine-rest/user, ADMIN",
    "GET, /engine-rest/engine/default/user, ADMIN",
    "POST, /engine-rest/deployment/create, ADMIN",
    "POST, /engine-rest/engine/default/deployment/create, ADMIN",
    "DELETE, /engine-rest/deployment/x, ADMIN",
    "GET, /engine-rest/deployment, VIEWER",
    "GET, /engine-rest/engine, VIEWER",
    "POST, /engine-rest/process-instance, VIEWER",
    "POST, /engine-rest/process-instance/count, VIEWER",
    "POST, /engine-rest/process-instance/delete, OPERATOR",
    "PUT, /engine-rest/job/x/retries, OPERATOR",
    "POST, /engine-rest/process-definition/key/x/start, OPERATOR",
    "DELETE, /engine-rest/process-definition/x, ADMIN",
    "POST, /engine-rest/history/cleanup, ADMIN",
    "POST, /engine-rest/history/process-instance, VIEWER",
    "POST, /engine-rest/history/process-instance/delete, ADMIN",
    "POST, /engine-rest/unknown-new-thing, ADMIN",
    "GET, /something/else, ADMIN",
  })
  void rules(String method, String path, Access expected) {
    Rule rule = AccessRules.find(method, path);
    assertThat(rule.access()).as(rule.toString()).isEqualTo(expected);
  }

  @Test
  void aPathNoRuleMatchesNeedsAnAdmin() {
    assertThat(AccessRules.explicit("PATCH", "/v1.0/vnfs")).isEmpty();
    assertThat(AccessRules.find("PATCH", "/v1.0/vnfs").access()).isEqualTo(Access.ADMIN);
  }

  @Test
  void rolesIncludeTheLowerOnesAndCamundaAdminIsAdmin() {
    assertThat(Role.ofGroups(List.of("operator")))
        .containsExactlyInAnyOrder(Role.VIEWER, Role.OPERATOR);
    assertThat(Role.ofGroups(List.of("camunda-admin"))).containsExactlyInAnyOrder(Role.values());
    assertThat(Role.ofGroups(List.of("viewer", "sales"))).containsExactly(Role.VIEWER);
    assertThat(Role.ofGroups(List.of("sales"))).isEmpty();
  }
}
