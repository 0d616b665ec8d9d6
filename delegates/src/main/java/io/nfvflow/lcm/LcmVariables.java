package io.nfvflow.lcm;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of lifecycle workflows, in one place. Variables hold ids and small values
 * only: never a descriptor, never a secret.
 */
public final class LcmVariables {

  /** The VNF the operation works on. */
  public static final String VNF_ID = "vnfId";

  /** The VNF's name, so that an engineer finds the operation in cockpit by the name they know. */
  public static final String VNF_NAME = "vnfName";

  /** The operation (also the business key). */
  public static final String OPERATION_ID = "operationId";

  /** The VIM type; the workflows call {@code vnf-<operation>-${vimType}}. */
  public static final String VIM_TYPE = "vimType";

  /** ISO-8601 duration between two readiness polls, for example {@code PT2S}. */
  public static final String POLL_INTERVAL = "pollInterval";

  /** ISO-8601 duration after which waiting for readiness gives up, for example {@code PT5M}. */
  public static final String READY_TIMEOUT = "readyTimeout";

  /**
   * ISO-8601 duration until the next poll of a loop with backoff, set by the check before the timer
   * (for example Heat stack checks double it up to a ceiling).
   */
  public static final String POLL_DELAY = "pollDelay";

  /** Set by readiness checks: {@code true} when every workload is ready. */
  public static final String READY = "ready";

  /** Set by deletion checks: {@code true} when every resource is gone. */
  public static final String GONE = "gone";

  /** Management address per VDU, as a JSON object string. */
  public static final String MGMT_ADDRESSES = "mgmtAddresses";

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

  public static String errorMessage(VariableScope scope) {
    Object message = scope.getVariable(ERROR_MESSAGE);
    Object code = scope.getVariable(ERROR_CODE);
    if (message != null) {
      return message.toString();
    }
    return code != null ? code.toString() : "unknown failure";
  }

  public static String mgmtAddresses(VariableScope scope) {
    Object value = scope.getVariable(MGMT_ADDRESSES);
    return value == null ? "{}" : value.toString();
  }

  /** The readiness timeout, {@code PT5M} when not set. */
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
