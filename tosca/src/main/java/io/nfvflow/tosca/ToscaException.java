package io.nfvflow.tosca;

import java.util.List;

/**
 * A descriptor that cannot be used: malformed, invalid, or using something nfvflow does not
 * support. It carries every problem validation found (see {@link #problems()}); each names the
 * node, the property and the reason. {@link #node()}, {@link #property()} and {@link
 * #isUnsupported()} describe the first one.
 */
public class ToscaException extends RuntimeException {

  /**
   * One problem of a descriptor.
   *
   * @param node the node template (or section) at fault, or {@code null}
   * @param property the property at fault, or {@code null}
   * @param reason what is wrong
   * @param unsupported whether the descriptor is valid here but uses an unsupported feature
   */
  public record Problem(String node, String property, String reason, boolean unsupported) {

    /** "node 'N', property 'P': reason", leaving out what is null. */
    public String message() {
      StringBuilder b = new StringBuilder();
      if (node != null) {
        b.append("node '").append(node).append("'");
      }
      if (property != null) {
        b.append(b.isEmpty() ? "" : ", ").append("property '").append(property).append("'");
      }
      return b.isEmpty() ? reason : b.append(": ").append(reason).toString();
    }
  }

  private final List<Problem> problems;

  public ToscaException(String node, String property, String reason, boolean unsupported) {
    this(List.of(new Problem(node, property, reason, unsupported)));
  }

  /**
   * @param problems at least one problem, in the order they were found
   */
  public ToscaException(List<Problem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** A descriptor that breaks a rule of the TOSCA NFV profile. */
  public static ToscaException invalid(String node, String property, String reason) {
    return new ToscaException(node, property, reason, false);
  }

  /** A valid descriptor that uses a feature nfvflow does not support (yet). */
  public static ToscaException unsupported(String node, String property, String reason) {
    return new ToscaException(node, property, reason, true);
  }

  /**
   * One problem: its message alone. Several: "2 problems: (1) ...; (2) ...", numbered because a
   * reason may itself hold a ';'.
   */
  private static String format(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ToscaException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).message();
    }
    StringBuilder b = new StringBuilder().append(problems.size()).append(" problems: ");
    for (int i = 0; i < problems.size(); i++) {
      b.append(i == 0 ? "" : "; ").append('(').append(i + 1).append(") ");
      b.append(problems.get(i).message());
    }
    return b.toString();
  }

  /** Every problem found, in the order found (document order, as far as reading follows it). */
  public List<Problem> problems() {
    return problems;
  }

  /** The node template (or section) of the first problem, or {@code null}. */
  public String node() {
    return problems.get(0).node();
  }

  /** The property of the first problem, or {@code null}. */
  public String property() {
    return problems.get(0).property();
  }

  /** Whether the first problem is a valid descriptor using an unsupported feature. */
  public boolean isUnsupported() {
    return problems.get(0).unsupported();
  }
}
