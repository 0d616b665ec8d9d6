package io.nfvflow.engine.security;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint of the application, for the access rule tests: the Spring MVC handler mappings
 * (controllers, actuator, the error page) and Camunda REST's JAX-RS resources, walked from its root
 * resources through their sub-resource locators.
 */
public final class Endpoints {

  /**
   * One endpoint.
   *
   * @param method the HTTP method
   * @param template the path as declared, e.g. {@code /v1.0/vnfs/{id}}
   * @param group what declares it: a Spring MVC handler or Camunda REST's root resource
   */
  public record Endpoint(String method, String template, String group)
      implements Comparable<Endpoint> {

    /** The template with a value in every variable. */
    public String path() {
      return template
          .replaceAll("\\{\\*[^}]*\\}", "x")
          .replaceAll("\\{[^}]*\\}", "x")
          .replace("**", "x");
    }

    @Override
    public int compareTo(Endpoint other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");

  private Endpoints() {}

  /** Every Spring MVC endpoint (a mapping without methods counts once per common method). */
  public static Set<Endpoint> springMvc(ApplicationContext context) {
    Set<Endpoint> endpoints = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping :
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      mapping
          .getHandlerMethods()
          .forEach(
              (info, handler) -> {
                for (String pattern : patterns(info)) {
                  for (String method : methods(info)) {
                    endpoints.add(
                        new Endpoint(method, pattern, handler.getBeanType().getSimpleName()));
                  }
                }
              });
    }
    return endpoints;
  }

  private static Set<String> patterns(RequestMappingInfo info) {
    return info.getPatternValues();
  }

  private static List<String> methods(RequestMappingInfo info) {
    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
    return methods.isEmpty() ? METHODS : methods.stream().map(RequestMethod::name).toList();
  }

  /** Every Camunda REST endpoint, under {@code /engine-rest}, grouped by root resource. */
  public static Set<Endpoint> camundaRest() {
    Set<Endpoint> endpoints = new TreeSet<>();
    walk(DefaultProcessEngineRestServiceImpl.class, "/engine-rest", endpoints, 0);
    walk(
        NamedProcessEngineRestServiceImpl.class,
        "/engine-rest" + path(NamedProcessEngineRestServiceImpl.class),
        endpoints,
        0);
    return endpoints;
  }

  private static void walk(Class<?> type, String prefix, Set<Endpoint> into, int depth) {
    if (depth > 8) {
      return;
    }
    for (Method method : type.getMethods()) {
      String path = join(prefix, pathOf(method));
      String http = httpMethod(method);
      if (http != null) {
        into.add(new Endpoint(http, trim(path), root(path)));
      } else if (pathOf(method) != null) {
        walk(method.getReturnType(), path, into, depth + 1); // a sub-resource locator
      }
    }
  }

  private static String root(String path) {
    String[] segments = path.replaceFirst("^/engine-rest(/engine/\\{[^}]*\\})?", "").split("/");
    String root = segments.length > 1 ? segments[1] : "";
    return "Camunda REST /" + root;
  }

  private static String trim(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String join(String prefix, String path) {
    return path == null || path.isEmpty() ? prefix : (prefix + "/" + path).replaceAll("/+", "/");
  }

  private static String path(Class<?> type) {
    Path path = type.getAnnotation(Path.class);
    return path == null ? "" : path.value();
  }

  private static String pathOf(Method method) {
    for (Method m : declarations(method)) {
      Path path = m.getAnnotation(Path.class);
      if (path != null) {
        return path.value();
      }
    }
    return null;
  }

  private static String httpMethod(Method method) {
    for (Method m : declarations(method)) {
      for (Annotation annotation : m.getAnnotations()) {
        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
        if (http != null) {
          return http.value();
        }
      }
    }
    return null;
  }

  /** The method and its declarations in the interfaces it implements (JAX-RS reads both). */
  private static List<Method> declarations(Method method) {
    List<Method> all = new ArrayList<>(List.of(method));
    for (Class<?> type : interfaces(method.getDeclaringClass())) {
      try {
        all.add(type.getMethod(method.getName(), method.getParameterTypes()));
      } catch (NoSuchMethodException notThere) {
        // declared in another interface or only in the class
      }
    }
    return all;
  }

  private static Set<Class<?>> interfaces(Class<?> type) {
    Set<Class<?>> all = new LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        all.add(i);
        all.addAll(interfaces(i));
      }
    }
    return all;
  }
}
