package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.run;

import java.util.List;

/** The steps of vnffg-apply and vnffg-remove, for tests that walk through them. */
final class Chain {

  /** The service tasks of vnffg-apply, in order. */
  static final List<String> APPLY_STEPS =
      List.of(
          "ApplyFlowClassifiers",
          "ApplyPortPairs",
          "ApplyPortPairGroups",
          "ApplyPortChains",
          "PruneChain");

  /** The service tasks of vnffg-remove, in order. */
  static final List<String> REMOVE_STEPS =
      List.of(
          "DeletePortChains", "DeletePortPairGroups", "DeletePortPairs", "DeleteFlowClassifiers");

  private Chain() {}

  /** The bean calls of a whole vnffg-apply. */
  static List<String> applyCalls() {
    return Vim.beans(APPLY_STEPS);
  }

  /** The bean calls of a whole vnffg-remove. */
  static List<String> removeCalls() {
    return Vim.beans(REMOVE_STEPS);
  }

  /** The apply steps up to and including {@code last}. */
  static List<String> applyStepsThrough(String last) {
    return through(APPLY_STEPS, last);
  }

  /** The remove steps up to and including {@code last}. */
  static List<String> removeStepsThrough(String last) {
    return through(REMOVE_STEPS, last);
  }

  private static List<String> through(List<String> steps, String last) {
    int index = steps.indexOf(last);
    if (index < 0) {
      throw new IllegalArgumentException(last + " is not one of " + steps);
    }
    return steps.subList(0, index + 1);
  }

  /** Runs vnffg-apply from its first step. */
  static void apply() {
    run(APPLY_STEPS);
  }

  /** Runs vnffg-remove from its first step. */
  static void remove() {
    run(REMOVE_STEPS);
  }
}
