package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nfvflow.engine.tacker.RequestBody;
import io.nfvflow.engine.tacker.TackerException;
import java.util.Map;

/** The validated content of a {@code POST /v1.0/vnfs} body. */
record VnfRequest(
    String name,
    String description,
    String tenantId,
    String vnfdId,
    JsonNode vnfdTemplate,
    String vimId,
    Map<String, Object> paramValues) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  static VnfRequest parse(JsonNode body) {
    JsonNode vnf = RequestBody.envelope(body, "vnf");
    String vnfdId = RequestBody.optionalText(vnf, "vnfd_id", "vnf.vnfd_id");
    JsonNode template = vnf.get("vnfd_template");
    boolean hasTemplate = template != null && !template.isNull();
    if ((vnfdId == null || vnfdId.isBlank()) == !hasTemplate) {
      throw TackerException.invalidField(
          "vnf.vnfd_id", "give exactly one of vnfd_id and vnfd_template");
    }
    JsonNode attributes = RequestBody.optionalObject(vnf, "attributes", "vnf.attributes");
    return new VnfRequest(
        RequestBody.requiredText(vnf, "name", "vnf.name").trim(),
        RequestBody.optionalText(vnf, "description", "vnf.description"),
        RequestBody.optionalText(vnf, "tenant_id", "vnf.tenant_id"),
        hasTemplate ? null : vnfdId.trim(),
        hasTemplate ? template : null,
        blankToNull(RequestBody.optionalText(vnf, "vim_id", "vnf.vim_id")),
        paramValues(attributes));
  }

  private static Map<String, Object> paramValues(JsonNode attributes) {
    return RequestBody.paramValues(attributes, "vnf.attributes.param_values");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
