package io.nfvflow.tosca.ns;

import java.util.Map;
import java.util.Optional;

/**
 * Parses and validates NSDs, and reads a VNFD's substitution mappings. Every problem of a template
 * is reported in one {@link io.nfvflow.tosca.ToscaException}, each naming the node and property.
 */
public final class NsdParser {

  /**
   * An NSD with its inputs resolved from {@code params} (the request's {@code param_values.nsd}): a
   * given value wins, else the input's {@code default}; an input with neither is a problem naming
   * it.
   */
  public NsDescriptor parse(Map<String, Object> tree, Map<String, Object> params) {
    throw new UnsupportedOperationException("to be written");
  }

  /** Like {@link #parse(Map, Map)} from YAML text. */
  public NsDescriptor parse(String text, Map<String, Object> params) {
    throw new UnsupportedOperationException("to be written");
  }

  /**
   * Checks an NSD at onboarding, where inputs have no values yet (placeholders stand in), and
   * returns its shape.
   */
  public NsDescriptor validate(Map<String, Object> tree) {
    throw new UnsupportedOperationException("to be written");
  }

  /** Whether a template is an NSD (imports other descriptors and has VNF nodes, no VDU). */
  public static boolean isNsd(Map<String, Object> tree) {
    throw new UnsupportedOperationException("to be written");
  }

  /**
   * A VNFD's substitution mappings, or empty when it has none.
   *
   * @param vnfdTree the VNFD template as stored
   */
  public static Optional<Substitution> substitution(Map<String, Object> vnfdTree) {
    throw new UnsupportedOperationException("to be written");
  }
}
