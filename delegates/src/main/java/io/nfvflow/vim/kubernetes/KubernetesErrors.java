package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import java.util.function.Supplier;

/** The one place where fabric8 client failures become {@link VimException}s. */
final class KubernetesErrors {

  private KubernetesErrors() {}

  /** Runs a call to the API server; {@code action} says what it did, for the message. */
  static <T> T call(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw map(action, e);
    }
  }

  /** Runs a call to the API server without result. */
  static void run(String action, Runnable call) {
    call(
        action,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Maps by HTTP status: 401 → UNAUTHORIZED; 400/403/409/422 → REJECTED (retrying the same request
   * cannot help); 404 → NOT_FOUND; 429, 5xx and no status at all (I/O, timeout) → TRANSIENT.
   */
  static VimException map(String action, KubernetesClientException e) {
    int code = e.getCode();
    String message = action + ": " + reason(e);
    return new VimException(kind(code), message, e);
  }

  static Kind kind(int code) {
    return switch (code) {
      case 401 -> Kind.UNAUTHORIZED;
      case 400, 403, 409, 422 -> Kind.REJECTED;
      case 404 -> Kind.NOT_FOUND;
      default -> Kind.TRANSIENT;
    };
  }

  /** The API server's own explanation when it gave one (status message), else the cause. */
  static String reason(KubernetesClientException e) {
    Status status = e.getStatus();
    String reason;
    if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
      reason = status.getMessage();
    } else if (e.getCode() <= 0 && e.getCause() != null) {
      reason = rootCause(e);
    } else {
      reason = e.getMessage();
    }
    return e.getCode() > 0 ? reason + " (HTTP " + e.getCode() + ")" : reason;
  }

  /** The innermost cause: "Connection refused" says more than the wrappers around it. */
  static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return root.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }
}
