package io.nfvflow.engine.security;

import io.nfvflow.engine.tacker.TackerException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The API user of the current request, for the few answers that depend on the caller's role. */
public final class Callers {

  private Callers() {}

  /** The authenticated API user, if the current thread serves an authenticated request. */
  public static Optional<ApiUser> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth instanceof ApiAuthentication api
        ? Optional.of(api.getPrincipal())
        : Optional.empty();
  }

  /**
   * Refuses (403, naming the role) a caller without the role, for what one endpoint allows only
   * some of its callers (a forced delete).
   *
   * @param what what needs the role, for the message ({@code "vnf-delete with
   *     vnf.attributes.force"})
   */
  public static void require(Role role, String what) {
    ApiUser user = current().orElse(null);
    if (user != null && user.has(role)) {
      return;
    }
    throw new TackerException(
        HttpStatus.FORBIDDEN,
        SecurityErrors.FORBIDDEN,
        "%s requires role %s; user %s has %s"
            .formatted(
                what,
                role.group(),
                user == null ? "(none)" : user.id(),
                user == null ? "no role" : user.highestRole()));
  }

  /** Whether the current caller has the role (false when no API user is authenticated). */
  public static boolean has(Role role) {
    return current().map(user -> user.has(role)).orElse(false);
  }
}
