package io.nfvflow.engine.security;

import io.nfvflow.engine.security.AccessRules.Access;
import io.nfvflow.engine.security.AccessRules.Rule;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Decides each request by {@link AccessRules}: public, Camunda's own login, or a role. */
final class AccessDecisions implements AuthorizationManager<RequestAuthorizationContext> {

  /** A denial that says which role was missing. */
  static final class Denied extends AuthorizationDecision {
    private final String message;

    Denied(String message) {
      super(false);
      this.message = message;
    }

    String message() {
      return message;
    }
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Rule rule = AccessRules.find(context.getRequest());
    if (rule.access() == Access.PUBLIC || rule.access() == Access.CAMUNDA_LOGIN) {
      return new AuthorizationDecision(true);
    }
    if (!(authentication.get() instanceof ApiAuthentication api)) {
      return new AuthorizationDecision(false); // anonymous: the entry point answers 401
    }
    ApiUser user = api.getPrincipal();
    Role needed = rule.access().role();
    if (user.has(needed)) {
      return new AuthorizationDecision(true);
    }
    return new Denied(
        "%s requires role %s; user %s has %s"
            .formatted(rule.name(), needed.group(), user.id(), user.highestRole()));
  }

  @Override
  @Deprecated
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    return (AuthorizationDecision) authorize(authentication, context);
  }
}
