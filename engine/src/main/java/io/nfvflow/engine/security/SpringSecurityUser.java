package io.nfvflow.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Camunda REST's authentication provider: the user Spring Security authenticated, with its groups
 * (Camunda's filter adds the tenants). Instantiated by Camunda's filter, hence public.
 */
public class SpringSecurityUser implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    return Callers.current()
        .map(
            user -> {
              AuthenticationResult result = AuthenticationResult.successful(user.id());
              result.setGroups(user.groups());
              return result;
            })
        .orElseGet(AuthenticationResult::unsuccessful);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    // Spring Security answers unauthenticated calls before they get here
  }
}
