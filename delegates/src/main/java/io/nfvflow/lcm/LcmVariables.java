package io.nfvflow.lcm;

import io.nfvflow.vim.WaitGoal;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of lifecycle workflows, in one place. Variables hold ids and small values
 * only: never a descriptor, never a secret, never the instantiated state (that lives in nfvflow's
 * tables). Call activities map them in and out explicitly.
 */
public final class LcmVariables {

  /** The VNF the operation works on. */
  public static final String VNF_ID = "vnfId";

  /** The VNF's name, so that an engineer finds the operation in cockpit by the name they know. */
  public static final String VNF_NAME = "vnfName";

  /** The operation (also the business key). */
  public static final String OPERATION_ID = "operationId";

  /** The VIM type; the workflows call {@code vnf-apply-${vimType}} and the like. */
  public static final String VIM_TYPE = "vimType";

  /**
   * The retry profile of the VIM type's steps ({@code R3/PT5S}), set from the driver at the start
   * of every operation: steps say {@code ${retryCycle}} instead of repeating a literal.
   */
  public static final String RETRY_CYCLE = "retryCycle";

  /** ISO-8601 duration after which a wait gives up, for example {@code PT5M}. */
  public static final String READY_TIMEOUT = "readyTimeout";

  /** Input of {@code vnf-wait}: a {@link WaitGoal} name, READY or GONE. */
  public static final String GOAL = "goal";

  /** Local to {@code vnf-wait}: ISO-8601 duration until the next poll (the VIM type's cadence). */
  public static final String POLL_DELAY = "pollDelay";

  /** Local to {@code vnf-wait}: {@code true} once the goal is reached. */
  public static final String DONE = "done";

  /** Local to {@code vnf-wait}: what is still pending, as the last poll saw it. */
  public static final String PROGRESS = "progress";

  /**
   * The message that ends {@code vnf-wait}'s pause between looks: the VIM reported a change of the
   * VNF's objects. Its name carries the VNF id ({@code VnfChanged-${vnfId}} in the model), so a
   * correlation finds the waits of one VNF by the event subscription's name alone.
   */
  public static final String VNF_CHANGED = "VnfChanged";

  /** Filled by error boundary events: the BPMN error code. */
  public static final String ERROR_CODE = "errorCode";

  /** Filled by error boundary events: the reason. */
  public static final String ERROR_MESSAGE = "errorMessage";

  private LcmVariables() {}

  public static String vnfId(VariableScope scope) {
    return required(scope, VNF_ID);
  }

  public static String operationId(VariableScope scope) {
    return required(scope, OPERATION_ID);
  }

  public static WaitGoal goal(VariableScope scope) {
    return WaitGoal.valueOf(required(scope, GOAL));
  }

  /** The previous poll delay of a wait, or {@code null} before its first poll. */
  public static Duration pollDelay(VariableScope scope) {
    Object value = scope.getVariable(POLL_DELAY);
    return value == null || value.toString().isBlank() ? null : Duration.parse(value.toString());
  }

  /** The name of the {@link #VNF_CHANGED} message for one VNF, as {@code vnf-wait} subscribes. */
  public static String vnfChanged(String vnfId) {
    return VNF_CHANGED + "-" + vnfId;
  }

  public static String errorMessage(VariableScope scope) {
    Object message = scope.getVariable(ERROR_MESSAGE);
    Object code = scope.getVariable(ERROR_CODE);
    if (message != null) {
      return message.toString();
    }
    return code != null ? code.toString() : "unknown failure";
  }

  /** The wait time-out, {@code PT5M} when not set. */
  public static Duration readyTimeout(VariableScope scope) {
    Object value = scope.getVariable(READY_TIMEOUT);
    return value == null ? Duration.ofMinutes(5) : Duration.parse(value.toString());
  }

  private static String required(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("process variable '" + name + "' is missing");
    }
    return value.toString();
  }
}
