package io.nfvflow.engine.security;

import java.util.Optional;
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

  /** Whether the current caller has the role (false when no API user is authenticated). */
  public static boolean has(Role role) {
    return current().map(user -> user.has(role)).orElse(false);
  }
}
