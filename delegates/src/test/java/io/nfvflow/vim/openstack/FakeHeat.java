package io.nfvflow.vim.openstack;

import static io.nfvflow.vim.openstack.OpenStackFixtures.json;
import static io.nfvflow.vim.openstack.OpenStackFixtures.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stateful Heat behind WireMock: remembers the stacks created through it and answers with
 * the recorded JSON of {@code src/test/resources/openstack/}. A stack is CREATE_COMPLETE as soon as
 * it is created and gone as soon as it is deleted; tests put stacks in any other state with {@link
 * #put}.
 */
final class FakeHeat implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-heat";

  private static final Pattern STACKS = Pattern.compile(".*/stacks$");
  private static final Pattern STACK = Pattern.compile(".*/stacks/([^/]+)$");
  private static final Pattern BY_ID = Pattern.compile(".*/stacks/([^/]+)/([^/]+)$");
  private static final Pattern RESOURCES = Pattern.compile(".*/stacks/([^/]+)/([^/]+)/resources$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Stack> stacks = new ConcurrentHashMap<>();
  private volatile String base = "";

  /** One stack as Heat would show it. */
  record Stack(
      String name,
      String id,
      String status,
      String reason,
      List<String> tags,
      List<Map<String, Object>> outputs) {}

  void base(String base) {
    this.base = base;
  }

  /** Puts a stack in a given state. */
  void put(Stack stack) {
    stacks.put(stack.name(), stack);
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
    Matcher m;
    if (method.equals("POST") && STACKS.matcher(path).matches()) {
      return create(event.getRequest().getBodyAsString());
    }
    if (method.equals("GET") && (m = RESOURCES.matcher(path)).matches()) {
      return withStack(m.group(1), m.group(2), s -> answer(200, resources(s)));
    }
    if (method.equals("GET") && (m = STACK.matcher(path)).matches()) {
      Stack stack = stacks.get(m.group(1));
      return stack == null ? notFound(m.group(1)) : answer(200, show(stack));
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

  private ResponseDefinition create(String body) {
    try {
      JsonNode request = JSON.readTree(body);
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
              List.of());
      stacks.put(name, stack);
      return answer(
          201,
          recorded(
              "heat-stack-created.json", Map.of("base", base, "name", name, "id", stack.id())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ResponseDefinition withStack(
      String name, String id, java.util.function.Function<Stack, ResponseDefinition> then) {
    Stack stack = stacks.get(name);
    return stack == null || !stack.id().equals(id) ? notFound(name) : then.apply(stack);
  }

  private String show(Stack s) {
    List<Map<String, Object>> outputs = new ArrayList<>(s.outputs());
    return recorded(
        "heat-stack.json",
        Map.of(
            "base", base,
            "name", s.name(),
            "id", s.id(),
            "status", s.status(),
            "reason", json(s.reason()),
            "tags", s.tags().isEmpty() ? "null" : json(s.tags()),
            "outputs", json(outputs)));
  }

  private String resources(Stack s) {
    return recorded(
        "heat-resources.json",
        Map.of(
            "base", base,
            "name", s.name(),
            "id", s.id(),
            // physical ids derive from the stack id: the same stack always lists the same ids
            "server", UUID.nameUUIDFromBytes(("server" + s.id()).getBytes()).toString(),
            "port", UUID.nameUUIDFromBytes(("port" + s.id()).getBytes()).toString()));
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
