package io.nfvflow.vim;

/**
 * A VIM call that failed. The {@link Kind} decides what happens next: transient failures are
 * retried by the job executor (then become incidents), the others fail the operation.
 */
public class VimException extends RuntimeException {

  /** Why a VIM call failed. */
  public enum Kind {
    /** The VIM did not answer or answered 5xx/429: retrying may help. */
    TRANSIENT,
    /** The VIM rejected the credentials (401/403 on authentication). */
    UNAUTHORIZED,
    /** The VIM refused the request for good: invalid object, quota, forbidden, conflict. */
    REJECTED,
    /** The resource does not exist. */
    NOT_FOUND
  }

  private final Kind kind;

  public VimException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public VimException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** Whether retrying the same call later may succeed. */
  public boolean isTransient() {
    return kind == Kind.TRANSIENT;
  }
}
