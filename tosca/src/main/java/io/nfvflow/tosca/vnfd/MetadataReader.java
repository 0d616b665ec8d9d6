package io.nfvflow.tosca.vnfd;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Syntax;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template's {@code metadata}: plain entries become strings; {@code workflows} names the BPMN
 * process to run for a lifecycle operation instead of nfvflow's default one.
 */
public final class MetadataReader {

  static final String WORKFLOWS = "workflows";

  private static final Set<String> OPERATIONS =
      Set.of("instantiate", "terminate", "scale", "heal", "update");

  private MetadataReader() {}

  /** The metadata without workflows, values as strings. */
  public static Map<String, String> metadata(Object raw) {
    Map<String, String> metadata = new LinkedHashMap<>();
    Problems problems = new Problems();
    asMap(raw, "metadata")
        .forEach(
            (key, value) -> {
              if (!key.equals(WORKFLOWS)) {
                problems.check(() -> metadata.put(key, scalar(value, "metadata." + key)));
              }
            });
    problems.throwIfAny();
    return metadata;
  }

  /** The {@code metadata.workflows} entries: operation to process definition key. */
  static Map<String, String> workflows(Object raw) {
    Map<String, String> workflows = new LinkedHashMap<>();
    Problems problems = new Problems();
    asMap(asMap(raw, "metadata").get(WORKFLOWS), "metadata.workflows")
        .forEach(
            (operation, value) -> {
              String id = problems.read(() -> workflow(operation, value));
              if (id != null) {
                workflows.put(operation, id);
              }
            });
    problems.throwIfAny();
    return workflows;
  }

  private static String workflow(String operation, Object value) {
    String property = "metadata.workflows." + operation;
    if (!OPERATIONS.contains(operation)) {
      throw ToscaException.invalid(
          null, property, "unknown operation (expected one of " + OPERATIONS + ")");
    }
    String id = scalar(value, property);
    if (!Syntax.isProcessId(id)) {
      throw ToscaException.invalid(
          null, property, "'" + id + "' is not a valid process definition key");
    }
    return id;
  }

  private static Map<String, Object> asMap(Object raw, String property) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (raw == null) {
      return map;
    }
    if (!(raw instanceof Map<?, ?> source)) {
      throw ToscaException.invalid(null, property, "expected a map");
    }
    source.forEach((k, v) -> map.put(String.valueOf(k), v));
    return map;
  }

  private static String scalar(Object value, String property) {
    if (value == null || value instanceof Map || value instanceof List) {
      throw ToscaException.invalid(null, property, "expected a single value");
    }
    return String.valueOf(value);
  }
}
