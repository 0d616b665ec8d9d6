package io.nfvflow.engine.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keystone v3 {@code POST /auth/tokens} body, read as far as nfvflow needs it: the password
 * method (user by name or id; its domain is ignored, nfvflow has one) or the token method, and the
 * project scope, which is echoed. Every problem is named in one 400.
 *
 * @param methods the methods asked for, as given
 * @param userId the user (password method)
 * @param password the password (password method); never logged
 * @param token the token (token method); never logged
 * @param project the project name or id of the scope, or null
 */
record TokenRequest(
    List<String> methods, String userId, String password, String token, String project) {

  @Override
  public String toString() {
    return "TokenRequest[methods=" + methods + ", user=" + userId + ", project=" + project + "]";
  }

  static TokenRequest parse(JsonNode body) {
    List<String> problems = new ArrayList<>();
    JsonNode identity = body == null ? null : body.path("auth").path("identity");
    if (identity == null || !identity.isObject()) {
      throw KeystoneException.badRequest(
          "Invalid input for field 'auth.identity': required, an object with methods and"
              + " password or token");
    }
    List<String> methods = new ArrayList<>();
    identity.path("methods").forEach(m -> methods.add(m.asText()));
    String userId = null;
    String password = null;
    String token = null;
    if (methods.contains("password")) {
      JsonNode user = identity.path("password").path("user");
      userId = text(user, "name");
      if (userId == null) {
        userId = text(user, "id");
      }
      password = text(user, "password");
      if (userId == null) {
        problems.add("'auth.identity.password.user.name': required (or user.id)");
      }
      if (password == null) {
        problems.add("'auth.identity.password.user.password': required");
      }
    } else if (methods.contains("token")) {
      token = text(identity.path("token"), "id");
      if (token == null) {
        problems.add("'auth.identity.token.id': required");
      }
    } else {
      problems.add(
          "'auth.identity.methods': must contain \"password\" or \"token\", got " + methods);
    }
    if (!problems.isEmpty()) {
      throw KeystoneException.badRequest("Invalid input for field " + String.join("; ", problems));
    }
    JsonNode project = body.path("auth").path("scope").path("project");
    String scope = text(project, "name");
    return new TokenRequest(
        List.copyOf(methods), userId, password, token, scope != null ? scope : text(project, "id"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  /** A user name as given, safe for a log line. */
  static String printable(String userId) {
    if (userId == null) {
      return "?";
    }
    String cut = userId.length() > 64 ? userId.substring(0, 64) + "…" : userId;
    return cut.replaceAll("[^A-Za-z0-9_.@-]", "?");
  }
}
