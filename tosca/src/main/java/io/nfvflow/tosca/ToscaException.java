package io.nfvflow.tosca;

/**
 * A descriptor that cannot be used: malformed, invalid, or using something nfvflow does not
 * support. The message names the node, the property and the reason.
 */
public class ToscaException extends RuntimeException {

  private final String node;
  private final String property;
  private final boolean unsupported;

  public ToscaException(String node, String property, String reason, boolean unsupported) {
    super(format(node, property, reason));
    this.node = node;
    this.property = property;
    this.unsupported = unsupported;
  }

  /** A descriptor that breaks a rule of the TOSCA NFV profile. */
  public static ToscaException invalid(String node, String property, String reason) {
    return new ToscaException(node, property, reason, false);
  }

  /** A valid descriptor that uses a feature nfvflow does not support (yet). */
  public static ToscaException unsupported(String node, String property, String reason) {
    return new ToscaException(node, property, reason, true);
  }

  private static String format(String node, String property, String reason) {
    StringBuilder b = new StringBuilder();
    if (node != null) {
      b.append("node '").append(node).append("'");
    }
    if (property != null) {
      b.append(b.isEmpty() ? "" : ", ").append("property '").append(property).append("'");
    }
    return b.isEmpty() ? reason : b.append(": ").append(reason).toString();
  }

  /** The node template (or section) at fault, or {@code null}. */
  public String node() {
    return node;
  }

  /** The property at fault, or {@code null}. */
  public String property() {
    return property;
  }

  /** Whether the descriptor is valid but uses an unsupported feature. */
  public boolean isUnsupported() {
    return unsupported;
  }
}
