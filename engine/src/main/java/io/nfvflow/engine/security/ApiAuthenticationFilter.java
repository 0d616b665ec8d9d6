package io.nfvflow.engine.security;

import io.nfvflow.engine.security.AccessRules.Access;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API call by its token ({@code X-Auth-Token}, as the OpenStack clients send it,
 * or {@code Authorization: Bearer}) or by HTTP basic (Camunda user and password). A call without
 * credentials goes on anonymous (the access rules decide: 401 unless public); wrong credentials are
 * a 401 at once. Credentials are never logged.
 */
final class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String TOKEN_HEADER = "X-Auth-Token";

  private static final Logger LOG = LoggerFactory.getLogger(ApiAuthenticationFilter.class);

  private final ApiUsers users;
  private final ApiTokens tokens;
  private final SecurityContextRepository contexts =
      new RequestAttributeSecurityContextRepository();

  ApiAuthenticationFilter(ApiUsers users, ApiTokens tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Access access = AccessRules.find(request).access();
    if (access == Access.PUBLIC || access == Access.CAMUNDA_LOGIN) {
      chain.doFilter(request, response); // their own secret, or Camunda's own login
      return;
    }
    String token = token(request);
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (token == null && !isBasic(authorization)) {
      chain.doFilter(request, response);
      return;
    }
    Result result = token != null ? byToken(token) : byBasic(authorization);
    if (result.user().isEmpty()) {
      LOG.info(
          "authentication failed for {} {} from {}: {}",
          request.getMethod(),
          AccessRules.path(request),
          request.getRemoteAddr(),
          result.failure());
      SecurityErrors.unauthenticated(request, response, result.failure());
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new ApiAuthentication(result.user().get()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response); // for a forward (the .json suffix)
    chain.doFilter(request, response);
  }

  private record Result(Optional<ApiUser> user, String failure) {}

  private static String token(HttpServletRequest request) {
    String header = request.getHeader(TOKEN_HEADER);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return null;
  }

  private static boolean isBasic(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private Result byToken(String token) {
    Optional<ApiTokenEntity> row = tokens.find(token);
    if (row.isEmpty()) {
      return new Result(Optional.empty(), "The token is not valid");
    }
    ApiTokenEntity t = row.get();
    if (t.revokedAt != null) {
      return new Result(Optional.empty(), "The token has been revoked");
    }
    if (!t.expiresAt.isAfter(Instant.now())) {
      return new Result(Optional.empty(), "The token has expired: get a new one");
    }
    Optional<ApiUser> user = users.byId(t.userId);
    return new Result(user, "The token's user " + t.userId + " no longer exists");
  }

  private Result byBasic(String authorization) {
    String pair;
    try {
      pair =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Result(Optional.empty(), "The basic credentials are not valid Base64");
    }
    int colon = pair.indexOf(':');
    if (colon <= 0) {
      return new Result(Optional.empty(), "The basic credentials are not user:password");
    }
    String userId = pair.substring(0, colon);
    Optional<ApiUser> user = users.byPassword(userId, pair.substring(colon + 1));
    return new Result(
        user,
        "Wrong user name or password for user "
            + printable(userId)
            + " (after repeated failures Camunda locks the user for a while)");
  }

  /** A user name as given, safe for a log line and a message. */
  private static String printable(String userId) {
    String cut = userId.length() > 64 ? userId.substring(0, 64) + "…" : userId;
    return cut.replaceAll("[^A-Za-z0-9_.@-]", "?");
  }
}
