package io.nfvflow.engine.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Spring Security is the one gate for every path: the Tacker API, the identity (token) API, Camunda
 * REST, actuator, the console's files and Camunda's webapps (which keep their own login). No
 * sessions, no CSRF tokens: API clients send a token or basic credentials with every call.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(AuthSettings.class)
public class WebSecurity {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ApiUsers users, ApiTokens tokens)
      throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiAuthenticationFilter(users, tokens), AuthorizationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                    .permitAll()
                    .anyRequest()
                    .access(new AccessDecisions()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, failure) ->
                            SecurityErrors.unauthenticated(
                                request,
                                response,
                                "Authentication required: send X-Auth-Token with a token from"
                                    + " POST /identity/v3/auth/tokens, or HTTP basic credentials"))
                    .accessDeniedHandler(
                        (request, response, denied) ->
                            SecurityErrors.forbidden(request, response, message(denied))));
    return http.build();
  }

  private static String message(Exception denied) {
    if (denied instanceof AuthorizationDeniedException d) {
      AuthorizationResult result = d.getAuthorizationResult();
      if (result instanceof AccessDecisions.Denied named) {
        return named.message();
      }
    }
    return "Access denied";
  }
}
