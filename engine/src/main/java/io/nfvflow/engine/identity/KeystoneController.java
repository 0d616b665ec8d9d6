package io.nfvflow.engine.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.security.ApiTokenEntity;
import io.nfvflow.engine.security.ApiTokens;
import io.nfvflow.engine.security.ApiUser;
import io.nfvflow.engine.security.ApiUsers;
import io.nfvflow.engine.security.Callers;
import io.nfvflow.engine.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /identity}: just enough of Keystone v3 for the OpenStack clients (keystoneauth) to log in
 * to nfvflow with a user name and password — version discovery, {@code POST /v3/auth/tokens} (the
 * password and token methods), validation and revocation. The token's catalog names nfvflow as the
 * {@code nfv-orchestration} service, so {@code tacker --os-auth-url .../identity/v3} finds it.
 * Users are Camunda's; the domain and project are accepted and echoed, nfvflow has neither.
 */
@RestController
public class KeystoneController {

  static final String SUBJECT_TOKEN = "X-Subject-Token";

  private static final Logger LOG = LoggerFactory.getLogger(KeystoneController.class);

  private final ApiUsers users;
  private final ApiTokens tokens;

  public KeystoneController(ApiUsers users, ApiTokens tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @GetMapping({"/identity", "/identity/"})
  public ResponseEntity<Map<String, Object>> versions(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES)
        .body(KeystoneViews.versions(KeystoneViews.baseUrl(request)));
  }

  @GetMapping({"/identity/v3", "/identity/v3/"})
  public Map<String, Object> v3(HttpServletRequest request) {
    return Map.of("version", KeystoneViews.v3(KeystoneViews.baseUrl(request)));
  }

  /** Issues a token: 201, the token in {@code X-Subject-Token}, its description in the body. */
  @PostMapping("/identity/v3/auth/tokens")
  public ResponseEntity<Map<String, Object>> issue(
      @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
    TokenRequest auth = TokenRequest.parse(body);
    Login login = auth.password() != null ? byPassword(auth, request) : byToken(auth);
    LOG.info(
        "token issued for user {}, expires {}", login.user().id(), login.token().row().expiresAt());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(SUBJECT_TOKEN, login.token().token())
        .body(
            KeystoneViews.token(
                login.token().row(),
                login.user(),
                auth.project(),
                auth.methods(),
                KeystoneViews.baseUrl(request)));
  }

  private record Login(ApiUser user, ApiTokens.Issued token) {}

  private Login byPassword(TokenRequest auth, HttpServletRequest request) {
    ApiUser user =
        users
            .byPassword(auth.userId(), auth.password())
            .orElseThrow(
                () -> {
                  LOG.info(
                      "token refused for user {} from {}: wrong user name or password",
                      TokenRequest.printable(auth.userId()),
                      request.getRemoteAddr());
                  return KeystoneException.unauthorized(
                      "Wrong user name or password (after repeated failures Camunda locks the"
                          + " user for a while)");
                });
    return new Login(user, tokens.issue(user.id()));
  }

  /** The token method: a new token for the same user that expires when the old one does. */
  private Login byToken(TokenRequest auth) {
    ApiTokenEntity existing =
        tokens
            .active(auth.token())
            .orElseThrow(
                () -> KeystoneException.unauthorized("The token is not valid, expired or revoked"));
    ApiUser user =
        users
            .byId(existing.userId())
            .orElseThrow(() -> KeystoneException.unauthorized("The token's user no longer exists"));
    return new Login(user, tokens.issue(user.id(), existing.expiresAt()));
  }

  /** Validates {@code X-Subject-Token}: the caller's own token, or any token for an admin. */
  @GetMapping("/identity/v3/auth/tokens")
  public ResponseEntity<Map<String, Object>> validate(
      @RequestHeader(value = SUBJECT_TOKEN, required = false) String subject,
      HttpServletRequest request) {
    ApiTokenEntity row = subject(subject);
    ApiUser user =
        users
            .byId(row.userId())
            .orElseThrow(() -> KeystoneException.notFound("Could not find token"));
    return ResponseEntity.ok()
        .header(SUBJECT_TOKEN, subject)
        .body(
            KeystoneViews.token(row, user, null, List.of("token"), KeystoneViews.baseUrl(request)));
  }

  /** Revokes {@code X-Subject-Token}: the caller's own token, or any token for an admin. */
  @DeleteMapping("/identity/v3/auth/tokens")
  public ResponseEntity<Void> revoke(
      @RequestHeader(value = SUBJECT_TOKEN, required = false) String subject) {
    ApiTokenEntity row = subject(subject);
    tokens.revoke(subject);
    LOG.info(
        "token of user {} revoked by {}",
        row.userId(),
        Callers.current().map(ApiUser::id).orElse("?"));
    return ResponseEntity.noContent().build();
  }

  private ApiTokenEntity subject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw KeystoneException.badRequest("Send the token to look at in the X-Subject-Token header");
    }
    Optional<ApiTokenEntity> row = tokens.active(subject.trim());
    ApiUser caller = Callers.current().orElseThrow();
    // someone else's token is "not found" unless the caller is an admin: nothing to learn by trying
    return row.filter(r -> r.userId().equals(caller.id()) || caller.has(Role.ADMIN))
        .orElseThrow(() -> KeystoneException.notFound("Could not find token"));
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    HttpMediaTypeNotSupportedException.class
  })
  ResponseEntity<Map<String, Object>> unreadable(Exception e, HttpServletRequest request) {
    return failed(
        KeystoneException.badRequest("The request body must be JSON (application/json)"), request);
  }

  @ExceptionHandler(KeystoneException.class)
  ResponseEntity<Map<String, Object>> failed(KeystoneException e, HttpServletRequest request) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      answer.header(
          "WWW-Authenticate",
          "Keystone uri=\"" + KeystoneViews.baseUrl(request) + "/identity/v3\"");
    }
    return answer.body(KeystoneViews.error(e.status(), e.getMessage()));
  }
}
