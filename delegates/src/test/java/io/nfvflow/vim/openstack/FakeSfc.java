package io.nfvflow.vim.openstack;

import static io.nfvflow.vim.openstack.OpenStackFixtures.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful networking-sfc behind WireMock ({@code /network/v2.0/sfc/...}): list, create, update
 * and delete of the four kinds, answering with the object shapes recorded from the sandbox's
 * networking-sfc ({@code neutron-sfc-objects.json}) and its refusals, word for word ({@code
 * NeutronError}), for the rules seen there:
 *
 * <ul>
 *   <li>a flow classifier overlapping an existing one (same ethertype, overlapping protocol, port
 *       ranges and prefixes, the same or no logical ports) is refused at create, in a chain or not
 *       (400 FlowClassifierInConflict);
 *   <li>a port pair with the ingress and egress of another (400 PortPairIngressEgressInUse);
 *   <li>a port pair in two port pair groups (409 PortPairInUse); a flow classifier in two chains
 *       (409 FlowClassifierInUse); two chains with the same port pair group list (409
 *       InvalidPortPairGroups); a taken {@code chain_id} (400); a port pair group may be in two
 *       chains;
 *   <li>deleting what something holds is 409 (...InUse); an unknown id is 404 (...NotFound);
 *   <li>match fields, ports, correlation, {@code chain_id} and {@code chain_parameters} are
 *       read-only (400).
 * </ul>
 */
final class FakeSfc implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-sfc";
  static final String PATH = "/network/v2.0/sfc/";

  private static final Pattern URL =
      Pattern.compile(
          ".*/sfc/(flow_classifiers|port_pairs|port_pair_groups|port_chains)(?:/([^/]+))?$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<SfcKind, Set<String>> WRITABLE =
      Map.of(
          SfcKind.FLOW_CLASSIFIER, Set.of("name", "description"),
          SfcKind.PORT_PAIR, Set.of("name", "description"),
          SfcKind.PORT_PAIR_GROUP, Set.of("name", "description", "port_pairs"),
          SfcKind.PORT_CHAIN,
              Set.of("name", "description", "port_pair_groups", "flow_classifiers"));

  private final Map<SfcKind, Map<String, ObjectNode>> objects = new EnumMap<>(SfcKind.class);
  private final List<String> changes = new ArrayList<>();

  FakeSfc() {
    for (SfcKind kind : SfcKind.values()) {
      objects.put(kind, new LinkedHashMap<>());
    }
  }

  /** What networking-sfc holds of a kind now, in creation order. */
  synchronized List<ObjectNode> all(SfcKind kind) {
    return objects.get(kind).values().stream().map(ObjectNode::deepCopy).toList();
  }

  /** The object of that name, if any. */
  synchronized Optional<ObjectNode> named(SfcKind kind, String name) {
    return all(kind).stream().filter(o -> o.path("name").asText().equals(name)).findFirst();
  }

  /** Puts an object as someone else (or an earlier nfvflow) made it; returns its id. */
  synchronized String put(SfcKind kind, ObjectNode fields) {
    ObjectNode object = defaults(kind).setAll(fields.deepCopy());
    object.put("id", UUID.randomUUID().toString());
    objects.get(kind).put(object.get("id").asText(), object);
    return object.get("id").asText();
  }

  /**
   * The changes made through the API since the last {@link #forgetChanges()}, in order, as {@code
   * <method> <resource> <name>}: {@code POST port_pair nfvflow-pp-...}.
   */
  synchronized List<String> changes() {
    return List.copyOf(changes);
  }

  synchronized void forgetChanges() {
    changes.clear();
  }

  /** Deletes an object behind nfvflow's back. */
  synchronized void remove(SfcKind kind, String id) {
    objects.get(kind).remove(id);
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
  public synchronized ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl().replaceFirst("\\?.*", "");
    Matcher m = URL.matcher(path);
    if (!m.matches()) {
      return error(404, "HTTPNotFound", "The resource could not be found.");
    }
    SfcKind kind = SfcKind.valueOf(m.group(1).replaceFirst("s$", "").toUpperCase());
    String id = m.group(2);
    String method = event.getRequest().getMethod().getName();
    if (id == null && method.equals("GET")) {
      return list(kind, event.getRequest().queryParameter("name"));
    }
    if (id == null && method.equals("POST")) {
      return create(
          kind, (ObjectNode) read(event.getRequest().getBodyAsString()).get(kind.resource()));
    }
    ObjectNode object = objects.get(kind).get(id);
    if (object == null) {
      return notFound(kind, id);
    }
    return switch (method) {
      case "GET" -> answer(200, wrap(kind, object));
      case "PUT" ->
          update(
              kind,
              object,
              (ObjectNode) read(event.getRequest().getBodyAsString()).get(kind.resource()));
      case "DELETE" -> delete(kind, object);
      default -> error(405, "HTTPMethodNotAllowed", "The method is not allowed.");
    };
  }

  private ResponseDefinition list(SfcKind kind, QueryParameter name) {
    ObjectNode answer = JSON.createObjectNode();
    var listed = answer.putArray(kind.collection());
    objects.get(kind).values().stream()
        .filter(o -> !name.isPresent() || name.values().contains(o.path("name").asText()))
        .forEach(listed::add);
    return answer(200, answer);
  }

  private ResponseDefinition create(SfcKind kind, ObjectNode fields) {
    ObjectNode object = defaults(kind).setAll(fields);
    object.put("id", UUID.randomUUID().toString());
    if (kind == SfcKind.PORT_CHAIN && !fields.hasNonNull("chain_id")) {
      object.put("chain_id", freeChainId());
    }
    if (kind == SfcKind.PORT_CHAIN && fields.path("chain_parameters").isObject()) {
      // networking-sfc fills in what is not sent (correlation mpls, symmetric false)
      ObjectNode parameters = (ObjectNode) defaults(kind).get("chain_parameters");
      parameters.setAll((ObjectNode) fields.get("chain_parameters").deepCopy());
      object.set("chain_parameters", parameters);
    }
    ResponseDefinition refusal = refusal(kind, object);
    if (refusal != null) {
      return refusal;
    }
    objects.get(kind).put(object.get("id").asText(), object);
    changes.add("POST " + kind.resource() + " " + object.path("name").asText());
    return answer(201, wrap(kind, object));
  }

  private ResponseDefinition update(SfcKind kind, ObjectNode object, ObjectNode fields) {
    for (var names = fields.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!WRITABLE.get(kind).contains(field)) {
        return error(400, "HTTPBadRequest", "Cannot update read-only attribute " + field);
      }
    }
    ObjectNode updated = object.deepCopy().setAll(fields);
    ResponseDefinition refusal = refusal(kind, updated);
    if (refusal != null) {
      return refusal;
    }
    objects.get(kind).put(updated.get("id").asText(), updated);
    changes.add("PUT " + kind.resource() + " " + updated.path("name").asText());
    return answer(200, wrap(kind, updated));
  }

  private ResponseDefinition delete(SfcKind kind, ObjectNode object) {
    String id = object.get("id").asText();
    if (kind.holder() != null && holderOf(kind, id, null).isPresent()) {
      return error(409, inUseType(kind), "%s %s in use.".formatted(title(kind), id));
    }
    objects.get(kind).remove(id);
    changes.add("DELETE " + kind.resource() + " " + object.path("name").asText());
    return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
  }

  /** networking-sfc's refusal of an object as it would be after a create or update, or null. */
  private ResponseDefinition refusal(SfcKind kind, ObjectNode object) {
    String id = object.get("id").asText();
    switch (kind) {
      case FLOW_CLASSIFIER -> {
        for (ObjectNode other : objects.get(kind).values()) {
          if (!other.get("id").asText().equals(id) && overlap(object, other)) {
            return error(
                400,
                "FlowClassifierInConflict",
                "Flow Classifier conflicts with another Flow Classifier "
                    + other.get("id").asText()
                    + ".");
          }
        }
      }
      case PORT_PAIR -> {
        for (ObjectNode other : objects.get(kind).values()) {
          if (!other.get("id").asText().equals(id)
              && other.path("ingress").equals(object.path("ingress"))
              && other.path("egress").equals(object.path("egress"))) {
            return error(
                400,
                "PortPairIngressEgressInUse",
                "Port Pair with ingress port %s and egress port %s is already used by another Port Pair %s."
                    .formatted(
                        object.path("ingress").asText(),
                        object.path("egress").asText(),
                        other.get("id").asText()));
          }
        }
      }
      case PORT_PAIR_GROUP -> {
        return held(SfcKind.PORT_PAIR, object, "port_pairs");
      }
      case PORT_CHAIN -> {
        ResponseDefinition refused = held(SfcKind.FLOW_CLASSIFIER, object, "flow_classifiers");
        if (refused != null) {
          return refused;
        }
        for (JsonNode group : object.path("port_pair_groups")) {
          if (!objects.get(SfcKind.PORT_PAIR_GROUP).containsKey(group.asText())) {
            return notFound(SfcKind.PORT_PAIR_GROUP, group.asText());
          }
        }
        for (ObjectNode other : objects.get(kind).values()) {
          if (other.get("id").asText().equals(id)) {
            continue;
          }
          if (other.path("port_pair_groups").equals(object.path("port_pair_groups"))) {
            return error(
                409,
                "InvalidPortPairGroups",
                "Port Pair Group(s) %s in use by Port Chain %s."
                    .formatted(
                        object.path("port_pair_groups").toString().replace('"', '\''),
                        other.get("id").asText()));
          }
          if (other.path("chain_id").equals(object.path("chain_id"))) {
            return error(
                400,
                "PortChainChainIdInConflict",
                "Chain id %s conflicts with Chain id in port chain %s."
                    .formatted(object.path("chain_id").asText(), other.get("id").asText()));
          }
        }
      }
    }
    return null;
  }

  /** The ids in a holder's field must exist and be held by no other holder of its kind. */
  private ResponseDefinition held(SfcKind kind, ObjectNode holder, String field) {
    for (JsonNode member : holder.path(field)) {
      String memberId = member.asText();
      if (!objects.get(kind).containsKey(memberId)) {
        return notFound(kind, memberId);
      }
      if (holderOf(kind, memberId, holder.get("id").asText()).isPresent()) {
        return error(409, inUseType(kind), "%s %s in use.".formatted(title(kind), memberId));
      }
    }
    return null;
  }

  private Optional<ObjectNode> holderOf(SfcKind kind, String id, String except) {
    String field = kind.collection();
    return objects.get(kind.holder()).values().stream()
        .filter(h -> !h.get("id").asText().equals(except))
        .filter(h -> h.path(field).toString().contains('"' + id + '"'))
        .findFirst();
  }

  private static boolean overlap(JsonNode a, JsonNode b) {
    return a.path("ethertype").asText("IPv4").equals(b.path("ethertype").asText("IPv4"))
        && anyOrEqual(a, b, "protocol")
        && anyOrEqual(a, b, "source_ip_prefix")
        && anyOrEqual(a, b, "destination_ip_prefix")
        && anyOrEqual(a, b, "logical_source_port")
        && anyOrEqual(a, b, "logical_destination_port")
        && ranges(a, b, "source_port_range")
        && ranges(a, b, "destination_port_range");
  }

  private static boolean anyOrEqual(JsonNode a, JsonNode b, String field) {
    return a.path(field).isNull()
        || a.path(field).isMissingNode()
        || b.path(field).isNull()
        || b.path(field).isMissingNode()
        || a.path(field).equals(b.path(field));
  }

  private static boolean ranges(JsonNode a, JsonNode b, String range) {
    int aMin = a.path(range + "_min").asInt(0);
    int aMax = a.path(range + "_max").asInt(65535);
    int bMin = b.path(range + "_min").asInt(0);
    int bMax = b.path(range + "_max").asInt(65535);
    return aMin <= bMax && bMin <= aMax;
  }

  private int freeChainId() {
    int id = 1;
    while (true) {
      final int candidate = id;
      if (objects.get(SfcKind.PORT_CHAIN).values().stream()
          .noneMatch(c -> c.path("chain_id").asInt() == candidate)) {
        return id;
      }
      id++;
    }
  }

  private static ObjectNode defaults(SfcKind kind) {
    return ((ObjectNode) read(recorded("neutron-sfc-objects.json", Map.of())).get(kind.resource()))
        .deepCopy();
  }

  private static String title(SfcKind kind) {
    String label = kind.label();
    StringBuilder title = new StringBuilder();
    for (String word : label.split(" ")) {
      title
          .append(title.isEmpty() ? "" : " ")
          .append(Character.toUpperCase(word.charAt(0)))
          .append(word.substring(1));
    }
    return title.toString();
  }

  private static String inUseType(SfcKind kind) {
    return title(kind).replace(" ", "") + "InUse";
  }

  private static ResponseDefinition notFound(SfcKind kind, String id) {
    return error(
        404,
        title(kind).replace(" ", "") + "NotFound",
        "%s %s not found.".formatted(title(kind), id));
  }

  static ResponseDefinition error(int status, String type, String message) {
    return answer(
        status,
        read(
            recorded(
                "neutron-error.json",
                Map.of("type", type, "message", message.replace("\"", "\\\"")))));
  }

  private static ObjectNode wrap(SfcKind kind, ObjectNode object) {
    ObjectNode wrapped = JSON.createObjectNode();
    wrapped.set(kind.resource(), object);
    return wrapped;
  }

  private static ResponseDefinition answer(int status, JsonNode body) {
    return FakeHeat.answer(status, body.toString());
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
