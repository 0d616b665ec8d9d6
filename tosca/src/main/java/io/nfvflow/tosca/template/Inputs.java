package io.nfvflow.tosca.template;

import io.nfvflow.tosca.ToscaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template's {@code inputs} and the caller's parameter values: resolves {@code {get_input:
 * name}} anywhere inside a property value.
 */
public final class Inputs {

  /** No inputs and no values: for parts of a template where get_input cannot appear. */
  public static final Inputs NONE = new Inputs(null, null);

  private static final String GET_INPUT = "get_input";

  /** TOSCA functions other than get_input: valid TOSCA, but nothing here evaluates them. */
  private static final Set<String> OTHER_FUNCTIONS =
      Set.of(
          "get_property",
          "get_attribute",
          "get_operation_output",
          "get_nodes_of_type",
          "get_artifact",
          "concat",
          "join",
          "token");

  private final Map<String, Object> declared;
  private final Map<String, Object> values;

  /**
   * @param declared the {@code topology_template.inputs} section (name to definition), or null
   * @param values the caller's parameter values, or null
   */
  public Inputs(Object declared, Map<String, Object> values) {
    this.declared = declarations(declared);
    this.values = values == null ? Map.of() : values;
  }

  private static Map<String, Object> declarations(Object declared) {
    if (declared == null) {
      return Map.of();
    }
    if (!(declared instanceof Map<?, ?> map)) {
      throw ToscaException.invalid(null, "topology_template.inputs", "expected a map of inputs");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach(
        (name, definition) -> {
          if (definition != null && !(definition instanceof Map)) {
            throw ToscaException.invalid(
                null, "topology_template.inputs." + name, "an input definition must be a map");
          }
          result.put(String.valueOf(name), definition == null ? Map.of() : definition);
        });
    return result;
  }

  /**
   * Returns the value with every {@code get_input} replaced by the input's value.
   *
   * @param node the node template, for messages
   * @param property the property path, for messages
   */
  public Object resolve(Object value, String node, String property) {
    if (value instanceof Map<?, ?> map) {
      return resolveMap(map, node, property);
    }
    if (value instanceof List<?> list) {
      List<Object> resolved = new ArrayList<>(list.size());
      for (Object item : list) {
        resolved.add(resolve(item, node, property));
      }
      return resolved;
    }
    return value;
  }

  private Object resolveMap(Map<?, ?> map, String node, String property) {
    if (map.size() == 1) {
      Object key = map.keySet().iterator().next();
      if (GET_INPUT.equals(key)) {
        return lookup(map.get(key), node, property);
      }
      if (OTHER_FUNCTIONS.contains(key)) {
        throw ToscaException.unsupported(
            node, property, "function '" + key + "' is not supported (only get_input)");
      }
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v, node, property)));
    return resolved;
  }

  private Object lookup(Object nameValue, String node, String property) {
    if (!(nameValue instanceof String name)) {
      throw ToscaException.invalid(node, property, "get_input needs the name of one input");
    }
    if (!declared.containsKey(name)) {
      throw ToscaException.invalid(
          node,
          property,
          "get_input refers to input '"
              + name
              + "', which topology_template.inputs does not declare");
    }
    if (values.get(name) != null) {
      return values.get(name);
    }
    Map<?, ?> definition = (Map<?, ?>) declared.get(name);
    if (definition.get("default") != null) {
      return definition.get("default");
    }
    throw ToscaException.invalid(
        node,
        property,
        "input '" + name + "' has no value: give it in param_values or give the input a default");
  }
}
