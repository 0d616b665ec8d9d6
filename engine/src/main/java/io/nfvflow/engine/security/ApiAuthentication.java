package io.nfvflow.engine.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated API call: the user, by token or by password. Holds no credential. */
public final class ApiAuthentication extends AbstractAuthenticationToken {

  private final ApiUser user;

  ApiAuthentication(ApiUser user) {
    super(
        user.roles().stream()
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
            .toList());
    this.user = user;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public ApiUser getPrincipal() {
    return user;
  }

  @Override
  public String getName() {
    return user.id();
  }

  List<String> groups() {
    return user.groups();
  }
}
