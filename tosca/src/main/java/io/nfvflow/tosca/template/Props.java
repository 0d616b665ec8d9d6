package io.nfvflow.tosca.template;

import io.nfvflow.tosca.ToscaException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to one map of a node template (its properties, a capability's properties, a
 * container...). Values go through {@code get_input} first; every error names the node and the
 * property path.
 */
public final class Props {

  private final String node;
  private final String prefix;
  private final Map<String, Object> values;
  private final Inputs inputs;

  private Props(String node, String prefix, Map<String, Object> values, Inputs inputs) {
    this.node = node;
    this.prefix = prefix;
    this.values = values;
    this.inputs = inputs;
  }

  /**
   * Wraps a raw map.
   *
   * @param node the node template name
   * @param path the path of the map itself ("" for a node's properties), used as prefix
   * @param raw the map, or null for an empty one
   */
  public static Props of(String node, String path, Object raw, Inputs inputs) {
    return new Props(node, path.isEmpty() ? "" : path + ".", asMap(node, path, raw), inputs);
  }

  /** The node template name. */
  public String node() {
    return node;
  }

  /** The full property path of a key in this map. */
  public String path(String key) {
    return prefix + key;
  }

  /** The keys present, in document order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** Whether the key is present (even with a null value). */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** Checks the keys against the rules. */
  public Props check(KeyRules rules) {
    rules.check(node, prefix, values.keySet());
    return this;
  }

  /** The value with get_input resolved, or null. */
  public Object value(String key) {
    return inputs.resolve(values.get(key), node, path(key));
  }

  /** The nested map under a key, as Props (empty when absent). */
  public Props child(String key) {
    return new Props(node, path(key) + ".", asMap(node, path(key), value(key)), inputs);
  }

  /** A scalar as text (numbers and booleans as written), or null when absent. */
  public String string(String key) {
    Object value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      throw invalid(key, "expected a single value, not a " + shape(value));
    }
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }

  /** A required, non-blank scalar as text. */
  public String requiredString(String key) {
    String value = string(key);
    if (value == null || value.isBlank()) {
      throw invalid(key, "is required");
    }
    return value;
  }

  /** A whole number, or null when absent; numeric text (from param_values) is accepted. */
  public Integer integer(String key) {
    Object value = value(key);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(String.valueOf(value).trim()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(key, "expected a whole number, got '" + value + "'");
    }
  }

  /** A number, or null when absent; numeric text is accepted. */
  public Double decimal(String key) {
    Object value = value(key);
    if (value == null) {
      return null;
    }
    try {
      return Double.valueOf(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "expected a number, got '" + value + "'");
    }
  }

  /** A boolean, or null when absent; "true"/"false" text (from param_values) is accepted. */
  public Boolean bool(String key) {
    Object value = value(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    throw invalid(key, "expected true or false, got '" + value + "'");
  }

  /** A list (empty when absent). */
  public List<Object> list(String key) {
    Object value = value(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(key, "expected a list, not a " + shape(value));
    }
    return new ArrayList<>(list);
  }

  /** A list of scalars as text (empty when absent). */
  public List<String> stringList(String key) {
    List<String> result = new ArrayList<>();
    List<Object> list = list(key);
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item == null || item instanceof Map || item instanceof List) {
        throw invalid(key + "[" + i + "]", "expected a single value");
      }
      result.add(String.valueOf(item));
    }
    return result;
  }

  /** A map of scalars as text, in order (empty when absent). */
  public Map<String, String> stringMap(String key) {
    Map<String, String> result = new LinkedHashMap<>();
    Props child = child(key);
    for (String entry : child.keys()) {
      String value = child.string(entry);
      if (value == null) {
        throw child.invalid(entry, "has no value");
      }
      result.put(entry, value);
    }
    return result;
  }

  /** An invalid-property error for a key of this map. */
  public ToscaException invalid(String key, String reason) {
    return ToscaException.invalid(node, path(key), reason);
  }

  /** An unsupported-property error for a key of this map. */
  public ToscaException unsupported(String key, String reason) {
    return ToscaException.unsupported(node, path(key), reason);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(String node, String path, Object raw) {
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw ToscaException.invalid(
          node, path.isEmpty() ? null : path, "expected a map, not a " + shape(raw));
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  static String shape(Object value) {
    if (value instanceof Map) {
      return "map";
    }
    return value instanceof List ? "list" : "single value";
  }
}
