package io.nfvflow.tosca.vnffg;

import io.nfvflow.tosca.ToscaException;
import java.util.Map;

/**
 * Parses and validates a VNFFGD: Tacker's {@code FP.TackerV2} and legacy {@code FP.Tacker} shapes,
 * {@code inputs} with {@code get_input} (values from {@code param_values}, else the input's {@code
 * default}). Every problem is reported together in one {@link ToscaException}.
 */
public final class VnffgdParser {

  /**
   * @param tree the template as a YAML/JSON tree (what {@code template.vnffgd} holds)
   * @param paramValues flat map of input name to value; may be empty
   * @throws ToscaException naming every node, property and reason that is wrong
   */
  public VnffgDescriptor parse(Map<String, Object> tree, Map<String, Object> paramValues) {
    throw new UnsupportedOperationException("to be written");
  }

  /** Whether a template tree is a VNFFGD (has a {@code tosca.groups.nfv.VNFFG} group). */
  public static boolean isVnffgd(Map<String, Object> tree) {
    throw new UnsupportedOperationException("to be written");
  }
}
