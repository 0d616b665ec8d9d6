package io.nfvflow.tosca.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of {@code node_templates}, not yet interpreted.
 *
 * @param name the node template name
 * @param type its {@code type}
 * @param body the whole node template map (type, properties, requirements...)
 */
public record NodeTemplate(String name, String type, Map<String, Object> body) {

  public NodeTemplate {
    // keeps document order, so that the first of several problems is reported first
    body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }

  /** The node's {@code properties}, resolving get_input on access. */
  public Props properties(Inputs inputs) {
    return Props.of(name, "", body.get("properties"), inputs);
  }

  /** A raw section of the node template ({@code requirements}, {@code capabilities}...). */
  public Object section(String key) {
    return body.get(key);
  }
}
