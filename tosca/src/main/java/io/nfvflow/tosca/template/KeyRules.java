package io.nfvflow.tosca.template;

import io.nfvflow.tosca.ToscaException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which keys a map may hold: supported ones, ones that are valid but not supported (refused with a
 * reason), and ones that are misplaced (invalid with a reason). Anything else is unknown.
 */
public final class KeyRules {

  private final Set<String> supported = new HashSet<>();
  private final Map<String, String> unsupported = new HashMap<>();
  private final Map<String, String> misplaced = new HashMap<>();
  private final String unknownReason;

  private KeyRules(String unknownReason, Collection<String> keys) {
    this.unknownReason = unknownReason;
    supported.addAll(keys);
  }

  /** Rules accepting the given keys and calling every other key an unknown property. */
  public static KeyRules properties(String... keys) {
    return new KeyRules("unknown property", Set.of(keys));
  }

  /** Rules accepting the given keys and calling every other key an unknown key. */
  public static KeyRules keys(String... keys) {
    return new KeyRules("unknown key", Set.of(keys));
  }

  /** Accepts these keys too. */
  public KeyRules allow(String... keys) {
    supported.addAll(Set.of(keys));
    return this;
  }

  /** Refuses these (valid TOSCA) keys as unsupported, with the reason. */
  public KeyRules unsupported(String reason, String... keys) {
    for (String key : keys) {
      unsupported.put(key, reason);
    }
    return this;
  }

  /** Refuses these keys as invalid here, with the reason. */
  public KeyRules misplaced(String reason, String... keys) {
    for (String key : keys) {
      misplaced.put(key, reason);
    }
    return this;
  }

  /**
   * Checks every key of a map, reporting every key that breaks a rule.
   *
   * @param node the node template (or null for a section), for messages
   * @param prefix prepended to each key to name the property ("" or "vnfcs.web.")
   */
  public void check(String node, String prefix, Collection<String> keys) {
    Problems problems = new Problems();
    for (String key : keys) {
      if (!supported.contains(key)) {
        problems.add(refusal(node, prefix + key, key));
      }
    }
    problems.throwIfAny();
  }

  private ToscaException refusal(String node, String name, String key) {
    if (unsupported.containsKey(key)) {
      return ToscaException.unsupported(node, name, unsupported.get(key));
    }
    if (misplaced.containsKey(key)) {
      return ToscaException.invalid(node, name, misplaced.get(key));
    }
    return ToscaException.invalid(node, name, unknownReason);
  }
}
