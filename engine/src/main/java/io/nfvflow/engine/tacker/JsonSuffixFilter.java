package io.nfvflow.engine.tacker;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Tacker clients append {@code .json} to every v1.0 path; Spring MVC no longer matches
 * suffixes, so such requests are forwarded to the path without it (query parameters are kept).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JsonSuffixFilter extends OncePerRequestFilter {

  private static final String SUFFIX = ".json";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/v1.0/") && path.endsWith(SUFFIX));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String target = path.substring(0, path.length() - SUFFIX.length());
    request.getRequestDispatcher(target).forward(request, response);
  }
}
