package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.TackerException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The validated {@code scale} action: {@code {"scale": {"type": "out"|"in", "policy": "SP1"}}}. The
 * CLI sends nulls for flags left out, so every missing or null field is named, all at once.
 */
record ScaleRequest(String type, String policy) {

  private static final Set<String> KNOWN = Set.of("type", "policy", "tenant_id");

  boolean out() {
    return "out".equals(type);
  }

  static ScaleRequest parse(JsonNode body) {
    JsonNode scale = body == null ? null : body.get("scale");
    if (scale == null || scale.isNull()) {
      throw TackerException.badRequest(
          "InvalidInput",
          "Unable to find 'scale' or 'heal' in request body: the actions are"
              + " {\"scale\": {\"type\": \"out\"|\"in\", \"policy\": \"<scaling policy>\"}}"
              + " and {\"heal\": {\"cause\": \"...\", \"vdu\": [...], \"instances\": [...]}}");
    }
    if (!scale.isObject()) {
      throw TackerException.invalidField("scale", "must be an object with 'type' and 'policy'");
    }
    List<String> problems = new ArrayList<>();
    String type = text(scale, "type", problems, "'out' or 'in' (tacker vnf-scale --scaling-type)");
    if (type != null && !type.equals("out") && !type.equals("in")) {
      problems.add("'scale.type' must be 'out' or 'in', not '%s'".formatted(type));
    }
    String policy =
        text(
            scale,
            "policy",
            problems,
            "the name of a scaling policy of the VNFD (tacker vnf-scale --scaling-policy-name)");
    for (Iterator<String> names = scale.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        problems.add("Unrecognized attribute 'scale.%s'".formatted(name));
      }
    }
    if (!problems.isEmpty()) {
      throw TackerException.badRequest("InvalidInput", String.join("; ", problems));
    }
    return new ScaleRequest(type, policy.trim());
  }

  private static String text(JsonNode scale, String field, List<String> problems, String what) {
    JsonNode value = scale.get(field);
    if (value == null || value.isNull()) {
      problems.add("'scale.%s' is required: %s".formatted(field, what));
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problems.add("'scale.%s' must be a non-empty string".formatted(field));
      return null;
    }
    return value.asText();
  }
}
