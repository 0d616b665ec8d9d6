package io.nfvflow.engine.vnfd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.tacker.RequestBody;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.tosca.ToscaParser;
import io.nfvflow.tosca.VnfDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Onboards, renames and removes VNF descriptors; only valid descriptors get in. */
@Service
public class VnfdCatalogue {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private final VnfdRepository vnfds;
  private final ToscaParser parser;
  private final EventLog events;
  private final VnfdUsers users;

  /** Parsed descriptors by template text and parameter values, the least recently used evicted. */
  private final Map<String, VnfDescriptor> parsed =
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VnfDescriptor> eldest) {
          return size() > 256;
        }
      };

  public VnfdCatalogue(VnfdRepository vnfds, ToscaParser parser, EventLog events, VnfdUsers users) {
    this.vnfds = vnfds;
    this.parser = parser;
    this.events = events;
    this.users = users;
  }

  /** {@code POST /v1.0/vnfds}. */
  @Transactional
  public VnfdEntity onboard(JsonNode body) {
    JsonNode vnfd = RequestBody.envelope(body, "vnfd");
    String name = RequestBody.requiredText(vnfd, "name", "vnfd.name").trim();
    JsonNode attributes = RequestBody.optionalObject(vnfd, "attributes", "vnfd.attributes");
    JsonNode template = attributes == null ? null : attributes.get("vnfd");
    if (template == null || template.isNull()) {
      throw TackerException.invalidField(
          "vnfd.attributes.vnfd", "required: the TOSCA template as YAML text or a JSON object");
    }
    return create(
        name,
        RequestBody.optionalText(vnfd, "description", "vnfd.description"),
        RequestBody.optionalText(vnfd, "tenant_id", "vnfd.tenant_id"),
        template,
        "onboarded");
  }

  /** Creates the VNFD of a VNF that came with its own {@code vnfd_template}. */
  @Transactional
  public VnfdEntity createInline(String vnfName, JsonNode template, String tenantId) {
    String name = "tmpl-" + vnfName + "-" + UUID.randomUUID().toString().substring(0, 8);
    return create(name, null, tenantId, template, "inline");
  }

  private VnfdEntity create(
      String name, String description, String tenantId, JsonNode template, String source) {
    String yaml = toYaml(template);
    VnfDescriptor descriptor = parser.validate(yaml);
    if (vnfds.findByName(name).isPresent()) {
      throw TackerException.conflict(
          "DuplicateResourceName", "A VNFD named '%s' already exists".formatted(name));
    }
    VnfdEntity entity = new VnfdEntity();
    entity.id = UUID.randomUUID().toString();
    entity.name = name;
    entity.description = description != null ? description : descriptor.description();
    entity.tenantId = tenantId;
    entity.templateSource = source;
    entity.template = yaml;
    entity.createdAt = Instant.now();
    entity = vnfds.save(entity);
    events.record(EventLog.VNFD, entity.id, "OnBoarded", "CREATE", "VNFD " + name + " onboarded");
    return entity;
  }

  /** {@code PUT /v1.0/vnfds/{id}}: name and description only (a template never changes). */
  @Transactional
  public VnfdEntity update(String id, JsonNode body) {
    VnfdEntity entity = find(id);
    JsonNode vnfd = RequestBody.envelope(body, "vnfd");
    String name = RequestBody.optionalText(vnfd, "name", "vnfd.name");
    if (name != null) {
      if (name.isBlank()) {
        throw TackerException.invalidField("vnfd.name", "must not be empty");
      }
      vnfds
          .findByName(name.trim())
          .filter(other -> !other.id.equals(id))
          .ifPresent(
              other -> {
                throw TackerException.conflict(
                    "DuplicateResourceName", "A VNFD named '%s' already exists".formatted(name));
              });
      entity.name = name.trim();
    }
    String description = RequestBody.optionalText(vnfd, "description", "vnfd.description");
    if (description != null) {
      entity.description = description;
    }
    if (vnfd.has("attributes")) {
      throw TackerException.invalidField(
          "vnfd.attributes", "a VNFD's template cannot change; onboard a new VNFD");
    }
    entity.updatedAt = Instant.now();
    events.record(EventLog.VNFD, id, "OnBoarded", "UPDATE", "VNFD renamed or re-described");
    return entity;
  }

  /** {@code DELETE /v1.0/vnfds/{id}}: refused while VNFs use it. */
  @Transactional
  public void delete(String id) {
    VnfdEntity entity = find(id);
    long using = users.vnfsOfVnfd(id);
    if (using > 0) {
      throw TackerException.conflict(
          "VnfdInUse", "VNFD %s is used by %d VNF(s); delete them first".formatted(id, using));
    }
    vnfds.delete(entity);
    events.record(
        EventLog.VNFD, id, "Not Applicable", "DELETE", "VNFD " + entity.name + " deleted");
  }

  /** Removes an inline VNFD once its VNF is gone. */
  @Transactional
  public void deleteIfInlineAndUnused(String id) {
    vnfds
        .findById(id)
        .filter(VnfdEntity::isInline)
        .filter(v -> users.vnfsOfVnfd(id) == 0)
        .ifPresent(vnfds::delete);
  }

  /**
   * The descriptor of a VNFD with a VNF's parameter values applied. Parsed once per (template,
   * values): workflow steps ask for it at every poll, and descriptors are immutable records.
   */
  public VnfDescriptor descriptor(VnfdEntity vnfd, Map<String, Object> paramValues) {
    String key = vnfd.template + "\0" + new java.util.TreeMap<>(paramValues);
    synchronized (parsed) {
      VnfDescriptor cached = parsed.get(key);
      if (cached != null) {
        return cached;
      }
    }
    VnfDescriptor descriptor = parser.parse(vnfd.template, paramValues);
    synchronized (parsed) {
      parsed.put(key, descriptor);
    }
    return descriptor;
  }

  public VnfdEntity find(String id) {
    return vnfds.findById(id).orElseThrow(() -> TackerException.notFound("vnfd", id));
  }

  public List<VnfdEntity> all() {
    return vnfds.findAll();
  }

  private static String toYaml(JsonNode template) {
    if (template.isTextual()) {
      return template.asText();
    }
    if (!template.isObject()) {
      throw TackerException.invalidField(
          "vnfd.attributes.vnfd", "must be the TOSCA template as YAML text or a JSON object");
    }
    try {
      return YAML.writeValueAsString(template);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
