package io.nfvflow.tosca;

import java.util.Map;

/** Parses and validates TOSCA NFV profile VNF descriptors. */
public final class ToscaParser {

  /**
   * Parses a VNFD and resolves {@code get_input} against the given parameter values (falling back
   * to each input's {@code default}).
   *
   * @param yaml the descriptor text (YAML or JSON)
   * @param paramValues the VNF's {@code param_values}; may be empty
   * @return the validated descriptor
   * @throws ToscaException naming the node, property and reason for any problem
   */
  public VnfDescriptor parse(String yaml, Map<String, Object> paramValues) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Validates a VNFD for onboarding, before any VNF gives parameter values: inputs without a
   * default do not fail the check; every other rule applies.
   *
   * @throws ToscaException naming the node, property and reason for any problem
   */
  public VnfDescriptor validate(String yaml) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
