package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.ToscaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HOT template under construction: parameters and resources in insertion order, so the YAML is
 * the same for the same descriptor (golden files compare text).
 */
final class HotTemplate {

  /** Rocky's version: every Heat from Rocky on (Zed included) reads it. */
  static final String VERSION = "2018-08-31";

  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final Map<String, Object> resources = new LinkedHashMap<>();

  /**
   * Adds a resource. Node names are unique in TOSCA, but the names nfvflow derives ({@code
   * VL1_subnet}, {@code SP1_group}) could meet a node of the same name: refuse rather than let one
   * silently replace the other.
   */
  void resource(String node, String name, String type, Map<String, Object> properties) {
    if (resources.containsKey(name)) {
      throw ToscaException.unsupported(
          node,
          null,
          "the Heat resource name '" + name + "' is used twice in this VNF: rename the node");
    }
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("type", type);
    if (!properties.isEmpty()) {
      resource.put("properties", properties);
    }
    resources.put(name, resource);
  }

  void parameter(String name, String description) {
    parameters.put(name, ordered("type", "string", "description", description));
  }

  /**
   * A number parameter without a default, constrained to {@code [min, max]}: Heat refuses a create
   * or update that does not give it, or gives a value out of range.
   */
  void numberParameter(String name, String description, int min, int max) {
    parameters.put(
        name,
        ordered(
            "type",
            "number",
            "description",
            description,
            "constraints",
            List.of(ordered("range", ordered("min", min, "max", max)))));
  }

  Map<String, Object> toMap(String description) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("heat_template_version", VERSION);
    if (description != null && !description.isBlank()) {
      template.put("description", description.strip());
    }
    if (!parameters.isEmpty()) {
      template.put("parameters", parameters);
    }
    template.put("resources", resources);
    return template;
  }

  static Map<String, Object> getResource(String name) {
    return Map.of("get_resource", name);
  }

  static Map<String, Object> getParam(String name) {
    return Map.of("get_param", name);
  }

  /** A map that keeps the order of its key/value pairs; null values are left out. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }
}
