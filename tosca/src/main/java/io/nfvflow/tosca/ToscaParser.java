package io.nfvflow.tosca;

import io.nfvflow.tosca.vnfd.VnfdReader;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.util.Map;

/**
 * Parses and validates TOSCA NFV profile VNF descriptors ({@code
 * tosca_simple_profile_for_nfv_1_0_0}, as Tacker writes them).
 *
 * <p>Everything the descriptor asks for is either represented in the returned model or refused with
 * a {@link ToscaException}: nothing is silently ignored. One exception names every problem
 * validation finds (a malformed YAML document stops at its first syntax error). Thread-safe.
 */
public final class ToscaParser {

  private final SafeYamlReader yaml = new SafeYamlReader();

  /**
   * Parses a VNFD and resolves {@code get_input} against the given parameter values (falling back
   * to each input's {@code default}).
   *
   * @param yaml the descriptor text (YAML or JSON), at most {@link
   *     SafeYamlReader#MAX_DOCUMENT_CHARS} characters
   * @param paramValues the VNF's {@code param_values}; may be empty or null
   * @return the validated descriptor
   * @throws ToscaException naming the node, property and reason of every problem found
   */
  public VnfDescriptor parse(String yaml, Map<String, Object> paramValues) {
    return parse(this.yaml.readMap(yaml, "descriptor"), paramValues);
  }

  /**
   * Parses a VNFD that the caller already holds as a tree (for example the JSON object of an API
   * request: maps, lists, strings, numbers, booleans).
   *
   * @param tree the descriptor
   * @param paramValues the VNF's {@code param_values}; may be empty or null. Its {@code
   *     substitution_mappings} entry is no input: in Tacker's shape ({@code {requirements:
   *     {virtualLink1: VL1-ab12cd34}, VL1-ab12cd34: {type: tosca.nodes.nfv.VL, properties: ...}}})
   *     it adds the network service's VL nodes and links the connection points that the VNFD's
   *     substitution_mappings maps those requirements to
   * @return the validated descriptor
   * @throws ToscaException naming the node, property and reason of every problem found
   */
  public VnfDescriptor parse(Map<String, Object> tree, Map<String, Object> paramValues) {
    if (tree == null) {
      throw ToscaException.invalid(null, null, "descriptor is empty");
    }
    SafeYamlReader.checkDepth(tree);
    return VnfdReader.read(tree, paramValues == null ? Map.of() : paramValues);
  }

  /**
   * Reads parameter values given as text (Tacker's {@code param_values}: a YAML or JSON mapping of
   * input name to value), with the same bounds as a descriptor.
   *
   * @param text the parameter text
   * @return input name to value
   * @throws ToscaException when the text is malformed or not a mapping
   */
  public Map<String, Object> parseParamValues(String text) {
    return yaml.readMap(text, "param_values");
  }

  /**
   * Validates a VNFD for onboarding, before any VNF gives parameter values: an input without a
   * default stands in with a placeholder of its declared type, every other rule applies. The real
   * values are checked when a VNF is created with its {@code param_values}. A connection point that
   * the VNFD's {@code substitution_mappings} maps a requirement to may lack its virtual link here
   * (a network service binds one when it creates the VNF).
   *
   * @throws ToscaException naming the node, property and reason of every problem found
   */
  public VnfDescriptor validate(String yaml) {
    return validate(this.yaml.readMap(yaml, "descriptor"));
  }

  /**
   * Like {@link #validate(String)}, for a VNFD the caller holds as a tree.
   *
   * @throws ToscaException naming the node, property and reason of every problem found
   */
  public VnfDescriptor validate(Map<String, Object> tree) {
    if (tree == null) {
      throw ToscaException.invalid(null, null, "descriptor is empty");
    }
    SafeYamlReader.checkDepth(tree);
    return VnfdReader.read(tree, new OnboardingPlaceholders(tree).values(), true);
  }
}
