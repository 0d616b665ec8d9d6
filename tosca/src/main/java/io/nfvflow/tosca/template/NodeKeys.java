package io.nfvflow.tosca.template;

/** The keys a node template may have, besides {@code type}: per node type, which are allowed. */
public final class NodeKeys {

  private NodeKeys() {}

  /**
   * Rules for a node template's own keys: {@code type}, {@code description}, {@code metadata} and
   * the given sections are allowed; the other TOSCA node template keys are refused as unsupported.
   */
  public static KeyRules allowing(String... sections) {
    String[] keys = new String[sections.length + 3];
    keys[0] = "type";
    keys[1] = "description";
    keys[2] = "metadata";
    System.arraycopy(sections, 0, keys, 3, sections.length);
    return KeyRules.keys(keys)
        .unsupported("node interfaces (lifecycle scripts) are not supported", "interfaces")
        .unsupported(
            "this TOSCA node template feature is not supported",
            "attributes",
            "directives",
            "node_filter",
            "copy");
  }
}
