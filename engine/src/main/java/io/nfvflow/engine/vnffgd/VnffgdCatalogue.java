package io.nfvflow.engine.vnffgd;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.RequestBody;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.tacker.Templates;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import io.nfvflow.tosca.vnffg.VnffgdParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboards and removes VNFFG descriptors; only valid descriptors get in. A template's inputs
 * without a default are checked with placeholders: their values come when a VNFFG is created.
 */
@Service
public class VnffgdCatalogue {

  /** The {@code resource_type} of VNFFGD events. */
  public static final String EVENT_RESOURCE = "vnffgd";

  static final int MAX_NAME = 255;
  static final int MAX_DESCRIPTION = 4000;

  private static final String TEMPLATE_FIELD = "vnffgd.template.vnffgd";
  private static final String INLINE_FIELD = "vnffg.vnffgd_template";

  private final VnffgdRepository vnffgds;
  private final EventLog events;
  private final ObjectProvider<VnffgdUsers> users;
  private final VnffgdParser parser = new VnffgdParser();

  /** Parsed descriptors by template text and parameter values, the least recently used evicted. */
  private final Map<String, VnffgDescriptor> parsed =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VnffgDescriptor> eldest) {
          return size() > 256;
        }
      };

  public VnffgdCatalogue(
      VnffgdRepository vnffgds, EventLog events, ObjectProvider<VnffgdUsers> users) {
    this.vnffgds = vnffgds;
    this.events = events;
    this.users = users;
  }

  /**
   * {@code POST /v1.0/vnffgds}: {@code {"vnffgd": {"name", "description"?, "template": {"vnffgd":
   * <TOSCA object or YAML text>}}}}. An empty name is taken from {@code metadata.template_name}, an
   * empty description from the template's {@code description}, as Tacker does.
   */
  @Transactional
  public VnffgdEntity onboard(JsonNode body) {
    JsonNode vnffgd = RequestBody.envelope(body, "vnffgd");
    JsonNode template = RequestBody.optionalObject(vnffgd, "template", "vnffgd.template");
    JsonNode tosca = template == null ? null : template.get("vnffgd");
    if (tosca == null || tosca.isNull()) {
      throw TackerException.badRequest(
          "VnffgdInvalidTemplate",
          "Invalid input for field '%s': required: the TOSCA template as a JSON object"
              .formatted(TEMPLATE_FIELD));
    }
    Map<String, Object> tree = tree(tosca, TEMPLATE_FIELD);
    VnffgDescriptor descriptor = validate(tree, "Invalid VNFFG descriptor");
    Templates.Naming naming =
        Templates.naming(
            vnffgd,
            "vnffgd",
            TEMPLATE_FIELD,
            descriptor.templateName(),
            descriptor.description(),
            MAX_NAME,
            MAX_DESCRIPTION);
    return save(
        naming.name(),
        naming.description(),
        RequestBody.optionalText(vnffgd, "tenant_id", "vnffgd.tenant_id"),
        tree,
        VnffgdEntity.ONBOARDED);
  }

  /**
   * Creates the VNFFGD of a VNFFG that came with its own {@code vnffgd_template}: named {@code
   * inline-<16 random [a-z0-9]>-<VNFFG name>}, {@code template_source: inline}, checked like an
   * onboarded one (a 400 names {@code vnffg.vnffgd_template}). Delete it with {@link
   * #deleteIfInlineAndUnused} when its VNFFG is gone.
   *
   * @param template the TOSCA object (or YAML text), not wrapped in {@code {"vnffgd": ...}}
   * @throws TackerException 400 when the template is not a valid VNFFGD
   */
  @Transactional
  public VnffgdEntity createInline(String vnffgName, JsonNode template, String tenantId) {
    if (template == null || template.isNull()) {
      throw TackerException.invalidField(INLINE_FIELD, "required");
    }
    Map<String, Object> tree = tree(template, INLINE_FIELD);
    VnffgDescriptor descriptor =
        validate(tree, "Invalid VNFFG descriptor in '%s'".formatted(INLINE_FIELD));
    String description = descriptor.description();
    if (description != null && description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION);
    }
    return save(inlineName(vnffgName), description, tenantId, tree, VnffgdEntity.INLINE);
  }

  private VnffgdEntity save(
      String name, String description, String tenantId, Map<String, Object> tree, String source) {
    if (vnffgds.findByName(name).isPresent()) {
      throw TackerException.conflict(
          "DuplicateResourceName", "A VNFFGD named '%s' already exists".formatted(name));
    }
    VnffgdEntity entity = new VnffgdEntity();
    entity.id = UUID.randomUUID().toString();
    entity.name = name;
    entity.description = description == null ? "" : description;
    entity.tenantId = tenantId;
    entity.templateSource = source;
    entity.template = JsonColumns.write(tree);
    entity.createdAt = Instant.now();
    entity = vnffgds.save(entity);
    events.record(
        EVENT_RESOURCE, entity.id, "OnBoarded", "CREATE", "VNFFGD " + name + " onboarded");
    return entity;
  }

  /** {@code DELETE /v1.0/vnffgds/{id}}: refused while VNFFGs use it. */
  @Transactional
  public void delete(String id) {
    VnffgdEntity entity = find(id);
    List<String> using = usersOf(id);
    if (!using.isEmpty()) {
      throw TackerException.conflict(
          "VnffgdInUse",
          "VNFFGD %s is used by VNFFG(s) %s; delete them first"
              .formatted(id, String.join(", ", using)));
    }
    remove(entity);
  }

  /** Removes an inline VNFFGD once no VNFFG uses it; does nothing for any other. */
  @Transactional
  public void deleteIfInlineAndUnused(String id) {
    vnffgds
        .findById(id)
        .filter(VnffgdEntity::isInline)
        .filter(v -> usersOf(id).isEmpty())
        .ifPresent(this::remove);
  }

  private void remove(VnffgdEntity entity) {
    vnffgds.delete(entity);
    events.record(
        EVENT_RESOURCE,
        entity.id,
        "Not Applicable",
        "DELETE",
        "VNFFGD " + entity.name + " deleted");
  }

  /**
   * The descriptor of a VNFFGD with a VNFFG's parameter values applied ({@code get_input}; an input
   * without a value takes its default). Parsed once per (template, values): steps ask for it at
   * every run, and descriptors are immutable.
   *
   * @throws ToscaException naming every problem (a missing or unfitting value)
   */
  public VnffgDescriptor descriptor(VnffgdEntity vnffgd, Map<String, Object> paramValues) {
    Map<String, Object> values = paramValues == null ? Map.of() : paramValues;
    String key = vnffgd.template + "\0" + new TreeMap<>(values);
    synchronized (parsed) {
      VnffgDescriptor cached = parsed.get(key);
      if (cached != null) {
        return cached;
      }
    }
    VnffgDescriptor descriptor = parser.parse(vnffgd.template(), values);
    synchronized (parsed) {
      parsed.put(key, descriptor);
    }
    return descriptor;
  }

  /**
   * {@link #descriptor} for a request (VNFFG create or update): a problem is a 400 {@code
   * ToscaParserFailed} listing every problem.
   */
  public VnffgDescriptor requestDescriptor(VnffgdEntity vnffgd, Map<String, Object> paramValues) {
    try {
      return descriptor(vnffgd, paramValues);
    } catch (ToscaException e) {
      throw invalid("Invalid VNFFG descriptor or param_values", e);
    }
  }

  /** {@code GET /v1.0/vnffgds/{id}}: 404 {@code VnffgdNotFound} when there is none. */
  public VnffgdEntity find(String id) {
    return vnffgds.findById(id).orElseThrow(() -> TackerException.notFound("vnffgd", id));
  }

  /** The VNFFGD with this id, else the one with this name. */
  public Optional<VnffgdEntity> findByIdOrName(String idOrName) {
    return vnffgds.findById(idOrName).or(() -> vnffgds.findByName(idOrName));
  }

  public List<VnffgdEntity> all() {
    return vnffgds.findAll();
  }

  private List<String> usersOf(String id) {
    return users.orderedStream().flatMap(u -> u.vnffgsOf(id).stream()).toList();
  }

  private static Map<String, Object> tree(JsonNode template, String field) {
    return io.nfvflow.engine.tacker.Templates.tree(
        template,
        field,
        "VnffgdInvalidTemplate",
        "Invalid VNFFG descriptor in '%s'".formatted(field));
  }

  /**
   * Checks everything but the values of inputs without a default (the parser stands in for them).
   */
  private VnffgDescriptor validate(Map<String, Object> tree, String what) {
    try {
      return parser.validate(tree);
    } catch (ToscaException e) {
      throw invalid(what, e);
    }
  }

  private static TackerException invalid(String what, ToscaException e) {
    return io.nfvflow.engine.tacker.Templates.invalid(what, e);
  }

  private static String inlineName(String vnffgName) {
    return io.nfvflow.engine.tacker.Templates.inlineName(vnffgName, "vnffg.name", MAX_NAME);
  }
}
