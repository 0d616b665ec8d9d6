package io.nfvflow.vim.openstack;

import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import java.util.function.Supplier;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.OS4JException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.common.ActionResponse;

/** The one place where openstack4j failures become {@link VimException}s. */
final class OpenStackErrors {

  private OpenStackErrors() {}

  /** Runs a call to the cloud; {@code action} says what it did, for the message. */
  static <T> T call(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (VimException e) {
      throw e;
    } catch (OS4JException e) {
      throw map(action, e);
    } catch (RuntimeException e) {
      // okhttp's I/O failures reach us wrapped in plain runtime exceptions: the cloud did not
      // answer, which is what retrying is for
      throw new VimException(Kind.TRANSIENT, action + ": " + rootCause(e), e);
    }
  }

  /** Throws the mapped failure when an action (delete, update) did not succeed. */
  static void check(String action, ActionResponse response) {
    if (response != null && !response.isSuccess()) {
      throw new VimException(
          kind(response.getCode()),
          "%s: %s (HTTP %d)".formatted(action, fault(response), response.getCode()));
    }
  }

  /**
   * Maps by HTTP status: 401 → UNAUTHORIZED; 400/403/409/413/422 → REJECTED (retrying the same
   * request cannot help: invalid template, quota, policy, conflict); 404 → NOT_FOUND; 429, 5xx and
   * no status at all (connection refused, timeout) → TRANSIENT.
   */
  static VimException map(String action, OS4JException e) {
    int status = e instanceof ResponseException r ? r.getStatus() : 0;
    if (e instanceof ConnectionException || status <= 0) {
      return new VimException(Kind.TRANSIENT, action + ": " + rootCause(e), e);
    }
    return new VimException(
        kind(status), "%s: %s (HTTP %d)".formatted(action, e.getMessage(), status), e);
  }

  static Kind kind(int status) {
    return switch (status) {
      case 401 -> Kind.UNAUTHORIZED;
      case 400, 403, 409, 413, 422 -> Kind.REJECTED;
      case 404 -> Kind.NOT_FOUND;
      default -> Kind.TRANSIENT;
    };
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

  private static String fault(ActionResponse response) {
    String fault = response.getFault();
    return fault == null || fault.isBlank() ? "no reason given" : fault;
  }
}
