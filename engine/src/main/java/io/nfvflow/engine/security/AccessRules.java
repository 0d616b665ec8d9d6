package io.nfvflow.engine.security;

import static io.nfvflow.engine.security.AccessRules.Access.ADMIN;
import static io.nfvflow.engine.security.AccessRules.Access.CAMUNDA_LOGIN;
import static io.nfvflow.engine.security.AccessRules.Access.OPERATOR;
import static io.nfvflow.engine.security.AccessRules.Access.PUBLIC;
import static io.nfvflow.engine.security.AccessRules.Access.VIEWER;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.util.UrlPathHelper;

/**
 * Who may call what: the one table of nfvflow's access rules, method + path pattern → access. The
 * first rule that matches decides; a request that no rule matches needs the admin role. A test
 * enumerates every endpoint of the application and fails when one has no rule.
 *
 * <p>Paths are matched as the application sees them: decoded, without the {@code .json} suffix the
 * Tacker clients append, and with Camunda REST's {@code /engine/{name}} prefix removed. HEAD and
 * OPTIONS count as GET.
 */
public final class AccessRules {

  /** What a rule asks for. */
  public enum Access {
    /** Anyone: the endpoint checks its own secret (a password, an alarm URL's key) or has none. */
    PUBLIC,
    /** Camunda's webapps: their own login page and session, with the same Camunda users. */
    CAMUNDA_LOGIN,
    VIEWER,
    OPERATOR,
    ADMIN;

    /** The role this access needs, or null for PUBLIC and CAMUNDA_LOGIN. */
    public Role role() {
      return switch (this) {
        case VIEWER -> Role.VIEWER;
        case OPERATOR -> Role.OPERATOR;
        case ADMIN -> Role.ADMIN;
        case PUBLIC, CAMUNDA_LOGIN -> null;
      };
    }
  }

  /**
   * One rule.
   *
   * @param name what the operation is called in messages ({@code vnf-create})
   * @param methods the HTTP methods (GET includes HEAD and OPTIONS); empty: any method
   * @param pattern an Ant-style path pattern ({@code {id}} one segment, {@code **} any)
   * @param access what the caller needs
   */
  public record Rule(String name, Set<String> methods, String pattern, Access access) {

    boolean matches(String method, String path) {
      return (methods.isEmpty() || methods.contains(method)) && MATCHER.match(pattern, path);
    }

    @Override
    public String toString() {
      return (methods.isEmpty() ? "ANY" : String.join(",", methods))
          + " "
          + pattern
          + " → "
          + access.name().toLowerCase(Locale.ROOT)
          + " ("
          + name
          + ")";
    }
  }

  private static final AntPathMatcher MATCHER = new AntPathMatcher();
  private static final UrlPathHelper PATHS = new UrlPathHelper();
  private static final String REST = "/engine-rest";
  private static final Set<String> GET = Set.of("GET");
  private static final Set<String> POST = Set.of("POST");
  private static final Set<String> PUT = Set.of("PUT");
  private static final Set<String> DELETE = Set.of("DELETE");
  private static final Set<String> ANY = Set.of();

  /** Camunda REST resources whose {@code POST /<root>} and {@code POST /<root>/count} query. */
  private static final List<String> QUERY_ROOTS =
      List.of(
          "process-instance",
          "execution",
          "task",
          "job",
          "job-definition",
          "external-task",
          "variable-instance",
          "case-instance",
          "case-execution",
          "history/activity-instance",
          "history/case-instance",
          "history/detail",
          "history/external-task-log",
          "history/job-log",
          "history/process-instance",
          "history/task",
          "history/variable-instance");

  private static final List<String> DEFINITION_ROOTS =
      List.of(
          "process-definition",
          "decision-definition",
          "decision-requirements-definition",
          "case-definition");

  private static final List<String> RUNTIME_ROOTS =
      List.of(
          "process-instance",
          "execution",
          "task",
          "job",
          "job-definition",
          "incident",
          "external-task",
          "variable-instance",
          "message",
          "signal",
          "condition",
          "migration",
          "modification",
          "batch",
          "case-instance",
          "case-execution",
          "filter",
          "event-subscription");

  /** The table. Order matters: the first match decides. */
  public static final List<Rule> RULES = rules();

  private AccessRules() {}

  private static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    publicAndWebapps(rules);
    identity(rules);
    tacker(rules);
    camundaRest(rules);
    return List.copyOf(rules);
  }

  private static void publicAndWebapps(List<Rule> r) {
    r.add(new Rule("start page", GET, "/", PUBLIC));
    r.add(new Rule("favicon", GET, "/favicon.ico", PUBLIC));
    r.add(new Rule("error page", ANY, "/error", PUBLIC));
    r.add(new Rule("web console (static files)", GET, "/console/**", PUBLIC));
    r.add(new Rule("Camunda webapps (own login)", ANY, "/camunda/**", CAMUNDA_LOGIN));
    r.add(new Rule("health", GET, "/actuator/health/**", PUBLIC));
    r.add(new Rule("info", GET, "/actuator/info", VIEWER));
    r.add(new Rule("actuator", ANY, "/actuator/**", ADMIN));
  }

  private static void identity(List<Rule> r) {
    for (String path : List.of("/identity", "/identity/", "/identity/v3", "/identity/v3/")) {
      r.add(new Rule("identity version discovery", GET, path, PUBLIC));
    }
    // the password in the body is the credential
    r.add(new Rule("token issue", POST, "/identity/v3/auth/tokens", PUBLIC));
    r.add(new Rule("token validate", GET, "/identity/v3/auth/tokens", VIEWER));
    r.add(new Rule("token revoke", DELETE, "/identity/v3/auth/tokens", VIEWER));
  }

  private static void tacker(List<Rule> r) {
    crud(r, "vim", "/v1.0/vims", ADMIN, "register", "update");
    crud(r, "vnfd", "/v1.0/vnfds", OPERATOR, "create", "update");
    r.add(new Rule("vnf-list", GET, "/v1.0/vnfs", VIEWER));
    r.add(new Rule("vnf-show", GET, "/v1.0/vnfs/{id}", VIEWER));
    r.add(new Rule("vnf-resource-list", GET, "/v1.0/vnfs/{id}/resources", VIEWER));
    r.add(new Rule("vnf-create", POST, "/v1.0/vnfs", OPERATOR));
    r.add(new Rule("vnf-scale / vnf-heal", POST, "/v1.0/vnfs/{id}/actions", OPERATOR));
    // Aodh and Alertmanager post here without a login: the URL's per-alarm key is the secret
    r.add(new Rule("alarm URL", POST, "/v1.0/vnfs/{id}/{trigger}/{action}/{key}", PUBLIC));
    r.add(new Rule("vnf-delete", DELETE, "/v1.0/vnfs/{id}", OPERATOR));
    r.add(new Rule("events-list", GET, "/v1.0/events", VIEWER));
    r.add(new Rule("event-show", GET, "/v1.0/events/{id}", VIEWER));
    crud(r, "vnffgd", "/v1.0/vnffgds", OPERATOR, "create", null);
    crud(r, "vnffg", "/v1.0/vnffgs", OPERATOR, "create", "update");
    readOnly(r, "nfp", "/v1.0/nfps");
    readOnly(r, "chain", "/v1.0/sfcs");
    readOnly(r, "classifier", "/v1.0/classifiers");
    crud(r, "nsd", "/v1.0/nsds", OPERATOR, "create", null);
    crud(r, "ns", "/v1.0/nss", OPERATOR, "create", null);
  }

  /**
   * list/show for viewers; create (POST), update (PUT, when named) and delete for {@code write}.
   */
  private static void crud(
      List<Rule> r, String noun, String base, Access write, String create, String update) {
    readOnly(r, noun, base);
    r.add(new Rule(noun + "-" + create, POST, base, write));
    if (update != null) {
      r.add(new Rule(noun + "-" + update, PUT, base + "/{id}", write));
    }
    r.add(new Rule(noun + "-delete", DELETE, base + "/{id}", write));
  }

  private static void readOnly(List<Rule> r, String noun, String base) {
    r.add(new Rule(noun + "-list", GET, base, VIEWER));
    r.add(new Rule(noun + "-show", GET, base + "/{id}", VIEWER));
  }

  /**
   * Camunda REST, by root resource. Reads (GET and the POST queries) for viewers; running process
   * instances, jobs, incidents, tasks for operators; deployments, definitions' settings, history
   * clean-up and identity for admins. Camunda's own authorizations apply on top (the caller is the
   * engine's authenticated user).
   */
  private static void camundaRest(List<Rule> r) {
    for (String root : List.of("user", "group", "tenant", "authorization", "identity")) {
      r.add(rest("Camunda REST users, groups, tenants, authorizations", ANY, root, ADMIN));
    }
    for (String root : List.of("schema", "telemetry", "optimize", "history/cleanup")) {
      r.add(rest("Camunda REST engine administration", ANY, root, ADMIN));
    }
    r.add(new Rule("Camunda REST read", GET, REST + "/**", VIEWER));
    for (String root : QUERY_ROOTS) {
      r.add(new Rule("Camunda REST query", POST, REST + "/" + root, VIEWER));
      r.add(new Rule("Camunda REST query", POST, REST + "/" + root + "/count", VIEWER));
    }
    r.add(new Rule("Camunda REST query", POST, REST + "/filter/{id}/*", VIEWER));
    for (String start : List.of("start", "submit-form", "restart", "restart-async")) {
      r.add(
          new Rule(
              "Camunda REST start a process",
              POST,
              REST + "/process-definition/**/" + start,
              OPERATOR));
    }
    r.add(
        new Rule(
            "Camunda REST evaluate a decision",
            POST,
            REST + "/decision-definition/**/evaluate",
            OPERATOR));
    r.add(
        new Rule(
            "Camunda REST create a case", POST, REST + "/case-definition/**/create", OPERATOR));
    r.add(rest("Camunda REST deploy or delete workflows", ANY, "deployment", ADMIN));
    for (String root : DEFINITION_ROOTS) {
      r.add(rest("Camunda REST change or delete definitions", ANY, root, ADMIN));
    }
    r.add(rest("Camunda REST delete or annotate history", ANY, "history", ADMIN));
    r.add(rest("Camunda REST change metrics", ANY, "metrics", ADMIN));
    for (String root : RUNTIME_ROOTS) {
      r.add(rest("Camunda REST operate instances, jobs, incidents, tasks", ANY, root, OPERATOR));
    }
  }

  private static Rule rest(String name, Set<String> methods, String root, Access access) {
    return new Rule(name, methods, REST + "/" + root + "/**", access);
  }

  /** The rule for the request (see {@link #find(String, String)}). */
  public static Rule find(HttpServletRequest request) {
    return find(request.getMethod(), path(request));
  }

  /** The first rule that matches, or the admin-only fallback. */
  public static Rule find(String method, String path) {
    return explicit(method, path).orElseGet(() -> new Rule(method + " " + path, ANY, path, ADMIN));
  }

  /** The first rule that matches, if any. */
  public static Optional<Rule> explicit(String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    String normalized = normalize(path);
    String asGet = m.equals("HEAD") || m.equals("OPTIONS") ? "GET" : m;
    return RULES.stream().filter(rule -> rule.matches(asGet, normalized)).findFirst();
  }

  /** The path within the application, decoded. */
  public static String path(HttpServletRequest request) {
    return PATHS.getPathWithinApplication(request);
  }

  private static String normalize(String path) {
    if (path.startsWith("/v1.0/") && path.endsWith(".json")) {
      return path.substring(0, path.length() - ".json".length());
    }
    if (path.startsWith(REST + "/engine/")) {
      // /engine-rest/engine/{name}/<resource>... is the named engine's /engine-rest/<resource>...
      String rest = path.substring((REST + "/engine/").length());
      int slash = rest.indexOf('/');
      return slash < 0 ? REST : REST + rest.substring(slash);
    }
    return path;
  }
}
