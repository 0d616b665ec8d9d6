package io.nfvflow.engine.tacker;

import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Answers leave null fields out (Jackson's {@code non_null}), but some of Tacker's keys are always
 * present with null (its clients read every key of every item): those are written with this.
 */
public final class Nulls {

  private Nulls() {}

  /** The value, or a JSON null that is written out. */
  public static Object keep(Object value) {
    return value == null ? NullNode.getInstance() : value;
  }
}
