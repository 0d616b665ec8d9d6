package io.nfvflow.engine.tacker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * Reads fields of a Tacker request body, failing with a 400 that names the field and the reason.
 * Field paths are given as the client sees them, for example {@code vim.auth_url}.
 */
public final class RequestBody {

  private RequestBody() {}

  /** The object under the envelope key ({@code {"vim": {...}}}). */
  public static JsonNode envelope(JsonNode body, String key) {
    if (body == null || !body.isObject()) {
      throw TackerException.badRequest(
          "InvalidInput", "The request body must be a JSON object {\"%s\": {...}}".formatted(key));
    }
    JsonNode inner = body.get(key);
    if (inner == null || !inner.isObject()) {
      throw TackerException.invalidField(key, "required, and must be a JSON object");
    }
    return inner;
  }

  /** A required, non-blank string field. */
  public static String requiredText(JsonNode node, String field, String path) {
    String value = optionalText(node, field, path);
    if (value == null || value.isBlank()) {
      throw TackerException.invalidField(path, "required, and must not be empty");
    }
    return value;
  }

  /** An optional string field; {@code null} when absent or JSON null. */
  public static String optionalText(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw TackerException.invalidField(path, "must be a string");
    }
    return value.asText();
  }

  /** An optional object field; {@code null} when absent or JSON null. */
  public static JsonNode optionalObject(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw TackerException.invalidField(path, "must be a JSON object");
    }
    return value;
  }

  /** An optional boolean field (true/false, or the strings "true"/"false"). */
  public static Boolean optionalBoolean(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.getNodeType() == JsonNodeType.BOOLEAN) {
      return value.booleanValue();
    }
    if (value.isTextual() && value.asText().matches("(?i)true|false")) {
      return Boolean.parseBoolean(value.asText());
    }
    throw TackerException.invalidField(path, "must be true or false");
  }

  /**
   * {@code attributes.param_values}: an object, or YAML text holding one (as Tacker accepted);
   * empty when absent.
   *
   * @param field the field's path for a 400, e.g. {@code vnf.attributes.param_values}
   */
  public static java.util.Map<String, Object> paramValues(JsonNode attributes, String field) {
    JsonNode params = attributes == null ? null : attributes.get("param_values");
    if (params == null || params.isNull()) {
      return java.util.Map.of();
    }
    try {
      JsonNode tree = params.isTextual() ? YAML.readTree(params.asText()) : params;
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return java.util.Map.of();
      }
      if (!tree.isObject()) {
        throw TackerException.invalidField(field, "must be an object of input name to value");
      }
      return new java.util.LinkedHashMap<>(
          JSON.convertValue(
              tree,
              new com.fasterxml.jackson.core.type.TypeReference<
                  java.util.Map<String, Object>>() {}));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw TackerException.invalidField(field, "not valid YAML: " + e.getOriginalMessage());
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final com.fasterxml.jackson.dataformat.yaml.YAMLMapper YAML =
      new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
}
