package io.nfvflow.vim.openstack;

import static io.nfvflow.vim.openstack.OpenStackFixtures.json;
import static io.nfvflow.vim.openstack.OpenStackFixtures.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tiny stateful Heat behind WireMock: remembers the stacks created through it and answers with
 * the recorded JSON of {@code src/test/resources/openstack/}. A stack is CREATE_COMPLETE as soon as
 * it is created, takes a PATCH's parameters at once (then shows {@link #afterPatch}), and is gone
 * as soon as it is deleted; tests put stacks in any other state with {@link #put}. Like Heat, it
 * lists stacks by exact name ({@code GET /stacks?name=}, without parameters), shows one by {@code
 * <name>/<id>}, and answers a look-up by name alone with a 302 to {@code <name>/<id>}.
 */
final class FakeHeat implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-heat";

  private static final Pattern STACKS = Pattern.compile(".*/stacks$");
  private static final Pattern STACK = Pattern.compile(".*/stacks/([^/]+)$");
  private static final Pattern BY_ID = Pattern.compile(".*/stacks/([^/]+)/([^/]+)$");
  private static final Pattern RESOURCES = Pattern.compile(".*/stacks/([^/]+)/([^/]+)/resources$");
  private static final Pattern RESOURCE =
      Pattern.compile(".*/stacks/([^/]+)/([^/]+)/resources/([^/]+)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Stack> stacks = new ConcurrentHashMap<>();
  private volatile String base = "";
  private volatile String afterPatch = "UPDATE_COMPLETE";

  /**
   * One stack as Heat would show it.
   *
   * @param parameters its parameter values as Heat shows them (text), {@code OS::*} left out
   * @param resources its resources, nested stacks' included, or {@code null} for the server and
   *     port of a one-VDU VNF
   */
  record Stack(
      String name,
      String id,
      String status,
      String reason,
      List<String> tags,
      Map<String, String> parameters,
      List<Resource> resources) {

    Stack withStatus(String status, String reason) {
      return new Stack(name, id, status, reason, tags, parameters, resources);
    }

    Stack withParameters(Map<String, String> parameters) {
      return new Stack(name, id, status, reason, tags, parameters, resources);
    }

    Stack withResources(List<Resource> resources) {
      return new Stack(name, id, status, reason, tags, parameters, resources);
    }
  }

  /**
   * One resource in a stack's listing.
   *
   * @param stack the {@code <name>/<id>} of the (nested) stack it is in
   * @param parent the member resource of a nested stack, or {@code null} at the top level
   * @param status Heat's resource status; {@code CHECK_FAILED} once marked unhealthy
   * @param reason Heat's status reason
   * @param requiredBy the resources of its stack that reference it
   */
  record Resource(
      String name,
      String type,
      String physicalId,
      String stack,
      String parent,
      String status,
      String reason,
      List<String> requiredBy) {

    /** A created resource that nothing references. */
    Resource(String name, String type, String physicalId, String stack, String parent) {
      this(name, type, physicalId, stack, parent, "CREATE_COMPLETE", "state changed", List.of());
    }

    Resource referencedBy(String... names) {
      return new Resource(name, type, physicalId, stack, parent, status, reason, List.of(names));
    }

    Resource withStatus(String status, String reason) {
      return new Resource(name, type, physicalId, stack, parent, status, reason, requiredBy);
    }
  }

  void base(String base) {
    this.base = base;
  }

  /** The status a PATCH leaves the stack in (UPDATE_COMPLETE unless set). */
  void afterPatch(String status) {
    this.afterPatch = status;
  }

  /** Puts a stack in a given state. */
  void put(Stack stack) {
    stacks.put(stack.name(), stack);
  }

  /** Forgets a stack, as Heat does once it is deleted. */
  void remove(String name) {
    stacks.remove(name);
  }

  Stack get(String name) {
    return stacks.get(name);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String method = event.getRequest().getMethod().getName();
    String path = event.getRequest().getUrl().replaceFirst("\\?.*", "");
    String body = event.getRequest().getBodyAsString();
    Matcher m;
    if (method.equals("POST") && STACKS.matcher(path).matches()) {
      return create(read(body));
    }
    if (method.equals("GET") && STACKS.matcher(path).matches()) {
      var name = event.getRequest().queryParameter("name");
      return list(name.isPresent() ? name.firstValue() : null);
    }
    if (method.equals("GET") && (m = RESOURCES.matcher(path)).matches()) {
      return withStack(m.group(1), m.group(2), s -> answer(200, resources(s)));
    }
    if (method.equals("GET") && (m = STACK.matcher(path)).matches()) {
      Stack stack = stacks.get(m.group(1));
      return stack == null ? notFound(m.group(1)) : redirect(path + "/" + stack.id());
    }
    if (method.equals("GET") && (m = BY_ID.matcher(path)).matches()) {
      return withStack(m.group(1), m.group(2), s -> answer(200, show(s)));
    }
    if (method.equals("PATCH") && (m = RESOURCE.matcher(path)).matches()) {
      return mark(m.group(1) + "/" + m.group(2), m.group(3), read(body));
    }
    if (method.equals("PATCH") && (m = BY_ID.matcher(path)).matches()) {
      return withStack(m.group(1), m.group(2), s -> patch(s, read(body)));
    }
    if (method.equals("DELETE") && (m = BY_ID.matcher(path)).matches()) {
      return withStack(
          m.group(1),
          m.group(2),
          s -> {
            stacks.remove(s.name());
            return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
          });
    }
    return answer(404, OpenStackFixtures.heatError(404, "Not Found", "NotFound", "no " + path));
  }

  private ResponseDefinition create(JsonNode request) {
    String name = request.path("stack_name").asText();
    if (stacks.containsKey(name)) {
      return answer(
          409,
          OpenStackFixtures.heatError(
              409, "Conflict", "StackExists", "The Stack (" + name + ") already exists."));
    }
    String tags = request.path("tags").asText("");
    Stack stack =
        new Stack(
            name,
            UUID.randomUUID().toString(),
            "CREATE_COMPLETE",
            "Stack CREATE completed successfully",
            tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
            texts(request.path("parameters")),
            null);
    stacks.put(name, stack);
    return answer(
        201,
        recorded("heat-stack-created.json", Map.of("base", base, "name", name, "id", stack.id())));
  }

  /** Heat's "existing" update: the sent parameters replace those of the same name. */
  private ResponseDefinition patch(Stack stack, JsonNode request) {
    Map<String, String> parameters = new TreeMap<>(stack.parameters());
    parameters.putAll(texts(request.path("parameters")));
    stacks.put(
        stack.name(),
        stack
            .withParameters(parameters)
            .withStatus(
                afterPatch,
                afterPatch.endsWith("_IN_PROGRESS")
                    ? "Stack UPDATE started"
                    : "Stack UPDATE completed successfully"));
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(202)
        .withHeader("Content-Type", "text/html; charset=UTF-8")
        .withBody(OpenStackFixtures.resource("/openstack/heat-accepted.html"))
        .build();
  }

  /**
   * Heat's {@code mark_unhealthy}: addressed by the stack that holds the resource (a nested
   * member's own stack), answered 200 with {@code null}; any other stack name is a 404.
   */
  private ResponseDefinition mark(String stack, String name, JsonNode request) {
    for (Stack top : stacks.values()) {
      List<Resource> resources = top.resources() != null ? top.resources() : oneServer(top);
      for (int i = 0; i < resources.size(); i++) {
        Resource r = resources.get(i);
        if (r.stack().equals(stack) && r.name().equals(name)) {
          List<Resource> changed = new java.util.ArrayList<>(resources);
          boolean unhealthy = request.path("mark_unhealthy").asBoolean(false);
          changed.set(
              i,
              r.withStatus(
                  unhealthy ? "CHECK_FAILED" : "CHECK_COMPLETE",
                  request.path("resource_status_reason").asText("")));
          stacks.put(top.name(), top.withResources(changed));
          return answer(200, "null");
        }
      }
    }
    return answer(
        404,
        OpenStackFixtures.heatError(
            404,
            "Not Found",
            "EntityNotFound",
            "The Stack (" + stack.replaceFirst("/.*", "") + ") could not be found."));
  }

  private ResponseDefinition withStack(
      String name, String id, Function<Stack, ResponseDefinition> then) {
    Stack stack = stacks.get(name);
    return stack == null || !stack.id().equals(id) ? notFound(name) : then.apply(stack);
  }

  /**
   * Heat's stack list, filtered by an exact name when one is given: the stacks without their
   * parameters.
   */
  private ResponseDefinition list(String name) {
    ObjectNode answer = JSON.createObjectNode();
    var listed = answer.putArray("stacks");
    for (Stack stack : stacks.values()) {
      if (name != null && !name.equals(stack.name())) {
        continue;
      }
      ObjectNode summary = (ObjectNode) read(show(stack)).path("stack");
      summary.remove(
          List.of(
              "parameters",
              "outputs",
              "disable_rollback",
              "capabilities",
              "notification_topics",
              "timeout_mins",
              "template_description"));
      listed.add(summary);
    }
    return answer(200, answer.toString());
  }

  private ResponseDefinition redirect(String path) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(302)
        .withHeader("Location", base + path)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"location\": \"" + base + path + "\"}")
        .build();
  }

  private String show(Stack s) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("OS::stack_id", s.id());
    parameters.put("OS::project_id", OpenStackFixtures.PROJECT_ID);
    parameters.put("OS::stack_name", s.name());
    parameters.putAll(s.parameters());
    return recorded(
        "heat-stack.json",
        Map.of(
            "base", base,
            "name", s.name(),
            "id", s.id(),
            "status", s.status(),
            "reason", json(s.reason()),
            "tags", s.tags().isEmpty() ? "null" : json(s.tags()),
            "parameters", json(parameters)));
  }

  private String resources(Stack s) {
    List<Resource> resources = s.resources() != null ? s.resources() : oneServer(s);
    return "{\"resources\": ["
        + resources.stream().map(this::resource).collect(Collectors.joining(",\n"))
        + "]}";
  }

  private String resource(Resource r) {
    return recorded(
        "heat-resource.json",
        Map.of(
            "base", base,
            "name", r.name(),
            "type", r.type(),
            "physical", r.physicalId(),
            "status", r.status(),
            "reason", json(r.reason()),
            "requiredBy", json(r.requiredBy()),
            "stack", r.stack(),
            "parent", json(r.parent())));
  }

  /**
   * A created stack's server and port; physical ids derive from the stack id, so they are stable.
   */
  private static List<Resource> oneServer(Stack s) {
    String at = s.name() + "/" + s.id();
    return List.of(
        new Resource("VDU1", "OS::Nova::Server", derived("server", s), at, null),
        new Resource("CP1", "OS::Neutron::Port", derived("port", s), at, null)
            .referencedBy("VDU1"));
  }

  private static String derived(String what, Stack s) {
    return UUID.nameUUIDFromBytes((what + s.id()).getBytes()).toString();
  }

  private static Map<String, String> texts(JsonNode parameters) {
    Map<String, String> texts = new TreeMap<>();
    parameters.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
    return texts;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResponseDefinition notFound(String name) {
    return answer(
        404,
        OpenStackFixtures.heatError(
            404, "Not Found", "EntityNotFound", "The Stack (" + name + ") could not be found."));
  }

  static ResponseDefinition answer(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body)
        .build();
  }
}
