package io.nfvflow.lcm;

import io.nfvflow.vim.VimException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;

/**
 * BPMN error codes of lifecycle steps, and the one place where VIM failures become BPMN errors.
 * Transient VIM failures stay exceptions so that the job executor retries them (and opens an
 * incident when retries run out); failures retrying cannot fix become BPMN errors that the
 * workflow's boundary events turn into a rollback.
 */
public final class LcmErrors {

  /** The VIM refused a request for good (invalid object, quota, forbidden, conflict). */
  public static final String VIM_REJECTED = "VIM_REJECTED";

  /** The VIM rejected the credentials. */
  public static final String VIM_UNAUTHORIZED = "VIM_UNAUTHORIZED";

  /** A workload can never become ready (image pull error, crash loop, unschedulable). */
  public static final String WORKLOAD_FAILED = "WORKLOAD_FAILED";

  /** A Heat stack ended in CREATE_FAILED (the message holds Heat's reason). */
  public static final String STACK_FAILED = "STACK_FAILED";

  /** Workloads did not become ready within the readiness timeout. */
  public static final String READY_TIMEOUT = "READY_TIMEOUT";

  /** The descriptor cannot be deployed on the VIM. */
  public static final String INVALID_DESCRIPTOR = "INVALID_DESCRIPTOR";

  private LcmErrors() {}

  /** Runs a VIM call; permanent VIM failures become a {@link BpmnError}. */
  public static <T> T vimCall(Supplier<T> call) {
    try {
      return call.get();
    } catch (VimException e) {
      throw toBpmnError(e);
    }
  }

  /** Runs a VIM call without result; permanent VIM failures become a {@link BpmnError}. */
  public static void vimCall(Runnable call) {
    vimCall(
        () -> {
          call.run();
          return null;
        });
  }

  private static RuntimeException toBpmnError(VimException e) {
    return switch (e.kind()) {
      case TRANSIENT, NOT_FOUND -> e;
      case UNAUTHORIZED -> new BpmnError(VIM_UNAUTHORIZED, e.getMessage());
      case REJECTED -> new BpmnError(VIM_REJECTED, e.getMessage());
    };
  }
}
