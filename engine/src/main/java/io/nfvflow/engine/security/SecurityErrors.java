package io.nfvflow.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.engine.tacker.TackerErrorHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Writes the 401 and 403 answers, in the error shape of the API that was called: Keystone's for
 * {@code /identity}, Camunda's for {@code /engine-rest}, a {@code TackerError} everywhere else.
 */
final class SecurityErrors {

  static final String NOT_AUTHENTICATED = "NotAuthenticated";
  static final String FORBIDDEN = "Forbidden";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SecurityErrors() {}

  /** 401, with the challenges a client can answer. */
  static void unauthenticated(HttpServletRequest request, HttpServletResponse response, String why)
      throws IOException {
    String identity = baseUrl(request) + "/identity/v3";
    String challenge = "Keystone uri=\"" + identity + "\"";
    // a browser page sending tokens must not get the browser's basic-auth dialog
    if (request.getHeader(ApiAuthenticationFilter.TOKEN_HEADER) == null) {
      challenge += ", Basic realm=\"nfvflow\"";
    }
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    write(request, response, HttpServletResponse.SC_UNAUTHORIZED, NOT_AUTHENTICATED, why);
  }

  /** 403, naming the missing role. */
  static void forbidden(HttpServletRequest request, HttpServletResponse response, String why)
      throws IOException {
    write(request, response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN, why);
  }

  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String type,
      String message)
      throws IOException {
    String path = AccessRules.path(request);
    Object body;
    if (path.startsWith("/identity")) {
      body = keystoneError(status, message);
    } else if (path.startsWith("/engine-rest")) {
      body = Map.of("type", type, "message", message);
    } else {
      body = TackerErrorHandler.error(type, message);
    }
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }

  /** Keystone's error body, which keystoneauth shows. */
  static Map<String, Object> keystoneError(int status, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status);
    error.put(
        "title",
        switch (status) {
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          default -> "Error";
        });
    error.put("message", message);
    return Map.of("error", error);
  }

  /**
   * nfvflow's base URL as the client sees it (scheme, host, port; forwarded headers if trusted).
   */
  static String baseUrl(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString();
  }
}
