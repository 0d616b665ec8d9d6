package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.TackerException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The validated {@code heal} action (nfvflow's extension of Tacker's v1.0 actions): {@code {"heal":
 * {"cause": "...", "vdu": ["VDU1"], "instances": ["<pod or server id or name>"]}}}. Without {@code
 * vdu} and {@code instances} the whole VNF is healed. Every problem is named, all at once.
 *
 * @param cause why, as the operator says it (or the detection); {@code null} when not given
 * @param vdus the VDUs whose every instance is replaced
 * @param instances the instances replaced (VIM id or name)
 */
record HealRequest(String cause, Set<String> vdus, Set<String> instances) {

  private static final Set<String> KNOWN = Set.of("cause", "vdu", "instances", "tenant_id");

  HealRequest {
    vdus = Set.copyOf(vdus);
    instances = Set.copyOf(instances);
  }

  /** A heal of the whole VNF. */
  static HealRequest wholeVnf(String cause) {
    return new HealRequest(cause, Set.of(), Set.of());
  }

  boolean wholeVnf() {
    return vdus.isEmpty() && instances.isEmpty();
  }

  static HealRequest parse(JsonNode heal) {
    if (heal == null || heal.isNull()) {
      return wholeVnf(null);
    }
    if (!heal.isObject()) {
      throw TackerException.invalidField(
          "heal", "must be an object: {\"cause\": \"...\", \"vdu\": [...], \"instances\": [...]}");
    }
    List<String> problems = new ArrayList<>();
    String cause = null;
    JsonNode c = heal.get("cause");
    if (c != null && !c.isNull()) {
      if (!c.isTextual()) {
        problems.add("'heal.cause' must be a string");
      } else if (c.asText().length() > 500) {
        problems.add("'heal.cause' must be at most 500 characters");
      } else {
        cause = c.asText().isBlank() ? null : c.asText().trim();
      }
    }
    Set<String> vdus = names(heal, "vdu", problems);
    Set<String> instances = names(heal, "instances", problems);
    for (Iterator<String> names = heal.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        problems.add(
            "Unrecognized attribute 'heal.%s' (known: cause, vdu, instances)".formatted(name));
      }
    }
    if (!problems.isEmpty()) {
      throw TackerException.badRequest("InvalidInput", String.join("; ", problems));
    }
    return new HealRequest(cause, vdus, instances);
  }

  /** A list of non-empty strings (a single string is taken as a list of one). */
  private static Set<String> names(JsonNode heal, String field, List<String> problems) {
    JsonNode value = heal.get(field);
    Set<String> names = new LinkedHashSet<>();
    if (value == null || value.isNull()) {
      return names;
    }
    if (value.isTextual()) {
      value = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(value);
    }
    if (!value.isArray()) {
      problems.add("'heal.%s' must be a list of names".formatted(field));
      return names;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || item.asText().isBlank()) {
        problems.add("'heal.%s[%d]' must be a non-empty string".formatted(field, i));
      } else {
        names.add(item.asText().trim());
      }
    }
    return names;
  }

  /** What is healed, for events: "VDU1, instance pod-1", or "the whole VNF". */
  String describe() {
    if (wholeVnf()) {
      return "the whole VNF";
    }
    List<String> parts = new ArrayList<>();
    if (!vdus.isEmpty()) {
      parts.add((vdus.size() == 1 ? "VDU " : "VDUs ") + String.join(", ", sorted(vdus)));
    }
    if (!instances.isEmpty()) {
      parts.add(
          (instances.size() == 1 ? "instance " : "instances ")
              + String.join(", ", sorted(instances)));
    }
    return String.join("; ", parts);
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
