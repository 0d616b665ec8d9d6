package io.nfvflow.chain;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of the VNFFG workflows ({@code vnffg-create}, {@code vnffg-update}, {@code
 * vnffg-delete}, and the reusable {@code vnffg-apply} and {@code vnffg-remove}): ids and small
 * values only. The operation id and the retry cycle use {@link io.nfvflow.lcm.LcmVariables}' names.
 */
public final class ChainVariables {

  /** The VNFFG's id. */
  public static final String VNFFG_ID = "vnffgId";

  /** The VNFFG's name, for people reading cockpit. */
  public static final String VNFFG_NAME = "vnffgName";

  private ChainVariables() {}

  public static String vnffgId(VariableScope scope) {
    Object value = scope.getVariable(VNFFG_ID);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalStateException("process variable '" + VNFFG_ID + "' is missing");
    }
    return s;
  }
}
