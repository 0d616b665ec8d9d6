package io.nfvflow.engine.vnffg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.engine.tacker.RequestBody;
import io.nfvflow.engine.tacker.TackerException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a {@code POST /v1.0/vnffgs} or {@code PUT /v1.0/vnffgs/{id}} body, as the {@code
 * tacker} and {@code openstack} clients send it.
 *
 * @param vnffgdId {@code vnffgd_id} (an id or a name), or null
 * @param template {@code vnffgd_template} (a TOSCA object, not wrapped), or null
 * @param vnfMapping {@code vnf_mapping}: VNFD name → VNF id or name; null when not given
 * @param paramValues {@code attributes.param_values}; null when not given
 * @param symmetrical {@code symmetrical}; null when not given
 */
record VnffgRequest(
    String name,
    String description,
    String tenantId,
    String vnffgdId,
    JsonNode template,
    Map<String, String> vnfMapping,
    Map<String, Object> paramValues,
    Boolean symmetrical) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static VnffgRequest parse(JsonNode body, boolean create) {
    JsonNode vnffg = RequestBody.envelope(body, "vnffg");
    String name = RequestBody.optionalText(vnffg, "name", "vnffg.name");
    if (create && (name == null || name.isBlank())) {
      throw TackerException.invalidField("vnffg.name", "required: the VNFFG's name");
    }
    String vnffgdId = RequestBody.optionalText(vnffg, "vnffgd_id", "vnffg.vnffgd_id");
    JsonNode template = vnffg.get("vnffgd_template");
    boolean hasTemplate = template != null && !template.isNull();
    if (hasTemplate && !template.isObject()) {
      throw TackerException.invalidField("vnffg.vnffgd_template", "must be a TOSCA object");
    }
    boolean hasId = vnffgdId != null && !vnffgdId.isBlank();
    if (create && hasId == hasTemplate) {
      throw TackerException.invalidField(
          "vnffg.vnffgd_id", "give exactly one of vnffgd_id and vnffgd_template");
    }
    JsonNode attributes = RequestBody.optionalObject(vnffg, "attributes", "vnffg.attributes");
    return new VnffgRequest(
        name == null ? null : name.trim(),
        RequestBody.optionalText(vnffg, "description", "vnffg.description"),
        RequestBody.optionalText(vnffg, "tenant_id", "vnffg.tenant_id"),
        hasId ? vnffgdId.trim() : null,
        hasTemplate ? template : null,
        mapping(vnffg.get("vnf_mapping")),
        params(attributes),
        RequestBody.optionalBoolean(vnffg, "symmetrical", "vnffg.symmetrical"));
  }

  private static Map<String, String> mapping(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw TackerException.invalidField(
          "vnffg.vnf_mapping", "must be an object of VNFD name to VNF id or name");
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw TackerException.invalidField(
                    "vnffg.vnf_mapping." + e.getKey(), "must be a VNF id or name");
              }
              mapping.put(e.getKey(), e.getValue().asText().trim());
            });
    return mapping;
  }

  private static Map<String, Object> params(JsonNode attributes) {
    JsonNode params = attributes == null ? null : attributes.get("param_values");
    if (params == null || params.isNull()) {
      return null;
    }
    if (!params.isObject()) {
      throw TackerException.invalidField(
          "vnffg.attributes.param_values", "must be an object of input name to value");
    }
    return new LinkedHashMap<>(JSON.convertValue(params, Map.class));
  }
}
