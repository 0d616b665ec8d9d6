package io.nfvflow.engine.nsd;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.RequestBody;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.tacker.Templates;
import io.nfvflow.engine.vnfd.VnfdEntity;
import io.nfvflow.engine.vnfd.VnfdRepository;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.ns.NsDescriptor;
import io.nfvflow.tosca.ns.NsdParser;
import io.nfvflow.tosca.ns.Substitution;
import io.nfvflow.tosca.ns.VnfNode;
import io.nfvflow.tosca.ns.VnffgGroup;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboards and removes NSDs. Only a valid NSD gets in: its template is checked (inputs without a
 * value stand in with placeholders), and each import names an onboarded VNFD written for
 * substitution whose node type the NSD's VNF nodes use (Tacker answered a missing one with a 500).
 */
@Service
public class NsdCatalogue {

  /** The {@code resource_type} of NSD events. */
  public static final String EVENT_RESOURCE = "nsd";

  static final int MAX_NAME = 255;
  static final int MAX_DESCRIPTION = 4000;

  private static final String TEMPLATE_FIELD = "nsd.attributes.nsd";
  private static final String INLINE_FIELD = "ns.nsd_template";

  private final NsdRepository nsds;
  private final VnfdRepository vnfds;
  private final EventLog events;
  private final ObjectProvider<NsdUsers> users;
  private final NsdParser parser = new NsdParser();
  private final SafeYamlReader yaml = new SafeYamlReader();

  public NsdCatalogue(
      NsdRepository nsds, VnfdRepository vnfds, EventLog events, ObjectProvider<NsdUsers> users) {
    this.nsds = nsds;
    this.vnfds = vnfds;
    this.events = events;
    this.users = users;
  }

  /**
   * {@code POST /v1.0/nsds}: {@code {"nsd": {"name", "description"?, "attributes": {"nsd": <TOSCA
   * object or YAML text>}}}}. An empty name is taken from {@code metadata.template_name}, an empty
   * description from the template's, as Tacker does.
   */
  @Transactional
  public NsdEntity onboard(JsonNode body) {
    JsonNode nsd = RequestBody.envelope(body, "nsd");
    JsonNode attributes = RequestBody.optionalObject(nsd, "attributes", "nsd.attributes");
    JsonNode tosca = attributes == null ? null : attributes.get("nsd");
    if (tosca == null || tosca.isNull()) {
      throw TackerException.badRequest(
          "NsdInvalidTemplate",
          "Invalid input for field '%s': required: the TOSCA template as a JSON object or YAML text"
              .formatted(TEMPLATE_FIELD));
    }
    Map<String, Object> tree = tree(tosca, TEMPLATE_FIELD);
    NsDescriptor descriptor = validate(tree, "Invalid NS descriptor");
    Map<String, String> vnfdIds = resolve(descriptor, "Invalid NS descriptor");
    Templates.Naming naming =
        Templates.naming(
            nsd,
            "nsd",
            TEMPLATE_FIELD,
            descriptor.templateName(),
            descriptor.description(),
            MAX_NAME,
            MAX_DESCRIPTION);
    return save(
        naming.name(),
        naming.description(),
        RequestBody.optionalText(nsd, "tenant_id", "nsd.tenant_id"),
        tree,
        vnfdIds,
        NsdEntity.ONBOARDED);
  }

  /**
   * The NSD of an NS that came with its own {@code nsd_template}: named {@code inline-<16>-<NS
   * name>}, {@code template_source: inline}; deleted with its NS ({@link
   * #deleteIfInlineAndUnused}).
   */
  @Transactional
  public NsdEntity createInline(String nsName, JsonNode template, String tenantId) {
    if (template == null || template.isNull()) {
      throw TackerException.invalidField(INLINE_FIELD, "required");
    }
    String what = "Invalid NS descriptor in '%s'".formatted(INLINE_FIELD);
    Map<String, Object> tree = tree(template, INLINE_FIELD);
    NsDescriptor descriptor = validate(tree, what);
    Map<String, String> vnfdIds = resolve(descriptor, what);
    String description = descriptor.description();
    if (description != null && description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION);
    }
    return save(
        Templates.inlineName(nsName, "ns.name", MAX_NAME),
        description,
        tenantId,
        tree,
        vnfdIds,
        NsdEntity.INLINE);
  }

  /**
   * Every import names an onboarded VNFD with substitution mappings; every VNF node's type is one
   * of theirs and its requirements are ones that VNFD maps; every VNFFG forwards through imported
   * VNFDs that exactly one VNF node uses. All problems in one 400.
   *
   * @return node type → VNFD id
   */
  private Map<String, String> resolve(NsDescriptor descriptor, String what) {
    List<String> problems = new ArrayList<>();
    Map<String, VnfdEntity> byType = new LinkedHashMap<>();
    Map<String, Substitution> substitutions = new LinkedHashMap<>();
    Map<String, String> typeOfVnfd = new LinkedHashMap<>();
    for (String imported : descriptor.imports()) {
      Optional<VnfdEntity> vnfd = vnfds.findByName(imported);
      if (vnfd.isEmpty()) {
        problems.add(
            "imports: VNFD '%s' is not onboarded; onboard it first (tacker vnfd-create)"
                .formatted(imported));
        continue;
      }
      Optional<Substitution> substitution = substitution(vnfd.get());
      if (substitution.isEmpty()) {
        problems.add(
            ("imports: VNFD '%s' has no topology_template.substitution_mappings, so an NSD cannot"
                    + " use it as a node; give it substitution_mappings with a node_type")
                .formatted(imported));
        continue;
      }
      String type = substitution.get().nodeType();
      if (byType.containsKey(type)) {
        problems.add(
            "imports: VNFDs '%s' and '%s' both declare node type %s"
                .formatted(byType.get(type).getName(), imported, type));
        continue;
      }
      byType.put(type, vnfd.get());
      substitutions.put(type, substitution.get());
      typeOfVnfd.put(imported, type);
    }
    Map<String, List<String>> nodesOfVnfd = new LinkedHashMap<>();
    for (VnfNode node : descriptor.vnfs()) {
      Substitution substitution = substitutions.get(node.type());
      if (substitution == null) {
        if (problems.stream().noneMatch(p -> p.startsWith("imports:"))) {
          problems.add(
              "topology_template.node_templates.%s.type: %s is the node type of no imported VNFD (%s)"
                  .formatted(node.name(), node.type(), describe(typeOfVnfd)));
        }
        continue;
      }
      nodesOfVnfd
          .computeIfAbsent(byType.get(node.type()).getName(), k -> new ArrayList<>())
          .add(node.name());
      for (String requirement : node.requirements().keySet()) {
        if (!substitution.requirements().containsKey(requirement)) {
          problems.add(
              ("topology_template.node_templates.%s.requirements: VNFD '%s' maps no requirement"
                      + " %s (it maps: %s)")
                  .formatted(
                      node.name(),
                      byType.get(node.type()).getName(),
                      requirement,
                      substitution.requirements().isEmpty()
                          ? "none"
                          : String.join(", ", substitution.requirements().keySet())));
        }
      }
    }
    for (VnffgGroup group : descriptor.vnffgs()) {
      for (String vnfd : group.constituentVnfds()) {
        List<String> nodes = nodesOfVnfd.getOrDefault(vnfd, List.of());
        if (!typeOfVnfd.containsKey(vnfd)) {
          if (problems.stream().noneMatch(p -> p.startsWith("imports:"))) {
            problems.add(
                "groups.%s: VNFD '%s' is not imported (imports: %s)"
                    .formatted(group.name(), vnfd, String.join(", ", descriptor.imports())));
          }
        } else if (nodes.isEmpty()) {
          problems.add(
              "groups.%s: no VNF node of the NSD is of VNFD '%s' (node type %s)"
                  .formatted(group.name(), vnfd, typeOfVnfd.get(vnfd)));
        } else if (nodes.size() > 1) {
          problems.add(
              ("groups.%s: VNFD '%s' is used by several VNF nodes (%s), so the VNFFG cannot tell"
                      + " which to chain")
                  .formatted(group.name(), vnfd, String.join(", ", nodes)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw TackerException.badRequest(
          "ToscaParserFailed", what + ": " + String.join("; ", problems));
    }
    Map<String, String> ids = new LinkedHashMap<>();
    byType.forEach((type, vnfd) -> ids.put(type, vnfd.getId()));
    return ids;
  }

  private static String describe(Map<String, String> typeOfVnfd) {
    if (typeOfVnfd.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    typeOfVnfd.forEach((vnfd, type) -> parts.add(type + " of " + vnfd));
    return String.join(", ", parts);
  }

  /** A VNFD's substitution mappings, or empty (also when its template cannot be read). */
  public Optional<Substitution> substitution(VnfdEntity vnfd) {
    try {
      return NsdParser.substitution(yaml.readMap(vnfd.getTemplate(), "vnfd"));
    } catch (ToscaException e) {
      return Optional.empty();
    }
  }

  private NsdEntity save(
      String name,
      String description,
      String tenantId,
      Map<String, Object> tree,
      Map<String, String> vnfdIds,
      String source) {
    if (nsds.findByName(name).isPresent()) {
      throw TackerException.conflict(
          "DuplicateEntity", "An NSD named '%s' already exists".formatted(name));
    }
    NsdEntity entity = new NsdEntity();
    entity.id = UUID.randomUUID().toString();
    entity.name = name;
    entity.description = description == null ? "" : description;
    entity.tenantId = tenantId;
    entity.templateSource = source;
    entity.template = JsonColumns.write(tree);
    entity.vnfds = JsonColumns.write(vnfdIds);
    entity.createdAt = Instant.now();
    entity = nsds.save(entity);
    events.record(EVENT_RESOURCE, entity.id, "OnBoarded", "CREATE", "NSD " + name + " onboarded");
    return entity;
  }

  /** {@code DELETE /v1.0/nsds/{id}}: refused while an NS uses it. */
  @Transactional
  public void delete(String id) {
    NsdEntity entity = find(id);
    List<String> using = usersOf(id);
    if (!using.isEmpty()) {
      throw TackerException.conflict(
          "NSDInUse",
          "NSD %s is used by NS(s) %s; delete them first".formatted(id, String.join(", ", using)));
    }
    remove(entity);
  }

  /** Removes an inline NSD once no NS uses it; does nothing for any other. */
  @Transactional
  public void deleteIfInlineAndUnused(String id) {
    nsds.findById(id)
        .filter(NsdEntity::isInline)
        .filter(n -> usersOf(id).isEmpty())
        .ifPresent(this::remove);
  }

  private void remove(NsdEntity entity) {
    nsds.delete(entity);
    events.record(
        EVENT_RESOURCE, entity.id, "Not Applicable", "DELETE", "NSD " + entity.name + " deleted");
  }

  /**
   * The NSD with an NS's {@code param_values.nsd} applied (an input without a value takes its
   * default); a problem is a 400 listing every one.
   */
  public NsDescriptor requestDescriptor(NsdEntity nsd, Map<String, Object> nsdParams) {
    try {
      return parser.parse(nsd.template(), nsdParams == null ? Map.of() : nsdParams);
    } catch (ToscaException e) {
      throw Templates.invalid("Invalid NS descriptor or param_values.nsd", e);
    }
  }

  /** The NSD's shape without values (for reading an NS's members; never fails for a stored one). */
  public NsDescriptor shape(NsdEntity nsd) {
    return parser.validate(nsd.template());
  }

  /** A VNFD's name (its id when it is gone). */
  public String vnfdName(String vnfdId) {
    return vnfds.findById(vnfdId).map(VnfdEntity::getName).orElse(vnfdId);
  }

  /** {@code GET /v1.0/nsds/{id}}: 404 when there is none. */
  public NsdEntity find(String id) {
    return nsds.findById(id).orElseThrow(() -> TackerException.notFound("nsd", id));
  }

  /** The NSD with this id, else the one with this name. */
  public Optional<NsdEntity> findByIdOrName(String idOrName) {
    return nsds.findById(idOrName).or(() -> nsds.findByName(idOrName));
  }

  public List<NsdEntity> all() {
    return nsds.findAll();
  }

  private List<String> usersOf(String id) {
    return users.orderedStream().flatMap(u -> u.nssOf(id).stream()).toList();
  }

  private Map<String, Object> tree(JsonNode template, String field) {
    return Templates.tree(
        template, field, "NsdInvalidTemplate", "Invalid NS descriptor in '%s'".formatted(field));
  }

  private NsDescriptor validate(Map<String, Object> tree, String what) {
    try {
      return parser.validate(tree);
    } catch (ToscaException e) {
      throw Templates.invalid(what, e);
    }
  }
}
