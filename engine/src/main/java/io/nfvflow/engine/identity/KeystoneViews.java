package io.nfvflow.engine.identity;

import io.nfvflow.engine.security.ApiTokenEntity;
import io.nfvflow.engine.security.ApiUser;
import io.nfvflow.engine.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The JSON documents of the identity API, in Keystone v3's shapes. */
final class KeystoneViews {

  /** The region of every catalog endpoint; clients that name no region accept any. */
  static final String REGION = "RegionOne";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Map<String, Object> DOMAIN = Map.of("id", "default", "name", "Default");

  private KeystoneViews() {}

  /** nfvflow's base URL as the client reached it. */
  static String baseUrl(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString();
  }

  static Map<String, Object> v3(String base) {
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("id", "v3.14");
    version.put("status", "stable");
    version.put("updated", "2020-04-07T00:00:00Z");
    version.put("links", List.of(Map.of("rel", "self", "href", base + "/identity/v3/")));
    version.put(
        "media-types",
        List.of(
            Map.of(
                "base", "application/json", "type", "application/vnd.openstack.identity-v3+json")));
    return version;
  }

  static Map<String, Object> versions(String base) {
    return Map.of("versions", Map.of("values", List.of(v3(base))));
  }

  static Map<String, Object> token(
      ApiTokenEntity row, ApiUser user, String project, List<String> methods, String base) {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("methods", methods);
    token.put("user", Map.of("id", user.id(), "name", user.id(), "domain", DOMAIN));
    token.put("audit_ids", List.of(UUID.randomUUID().toString().substring(0, 22)));
    token.put("issued_at", time(row.issuedAt()));
    token.put("expires_at", time(row.expiresAt()));
    if (project != null) {
      token.put("project", Map.of("id", project, "name", project, "domain", DOMAIN));
      token.put("is_domain", false);
    }
    token.put(
        "roles",
        user.roles().stream()
            .sorted()
            .map(Role::group)
            .map(name -> Map.of("id", name, "name", name))
            .toList());
    token.put("catalog", catalog(base));
    return Map.of("token", token);
  }

  /** nfvflow as the {@code nfv-orchestration} service, and this API as {@code identity}. */
  private static List<Map<String, Object>> catalog(String base) {
    return List.of(
        service("nfvflow", "nfv-orchestration", "tacker", base),
        service("nfvflow-identity", "identity", "keystone", base + "/identity/v3"));
  }

  private static Map<String, Object> service(String id, String type, String name, String url) {
    List<Map<String, Object>> endpoints =
        List.of("public", "internal", "admin").stream()
            .map(
                face ->
                    Map.<String, Object>of(
                        "id", id + "-" + face,
                        "interface", face,
                        "region", REGION,
                        "region_id", REGION,
                        "url", url))
            .toList();
    return Map.of("id", id, "type", type, "name", name, "endpoints", endpoints);
  }

  static Map<String, Object> error(HttpStatus status, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status.value());
    error.put("title", status.getReasonPhrase());
    error.put("message", message);
    return Map.of("error", error);
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }
}
