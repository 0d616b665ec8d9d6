package io.nfvflow.engine.ns;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Python's {@code repr} of dicts, lists and strings, as Tacker answered {@code vnf_ids}, {@code
 * vnffg_ids} and {@code mgmt_ip_addresses} ({@code "{'VNF1': '<id>'}"}) and scripts parse them.
 */
final class PythonRepr {

  private PythonRepr() {}

  static String of(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> of(String.valueOf(e.getKey())) + ": " + of(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PythonRepr::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String s = value.toString();
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
