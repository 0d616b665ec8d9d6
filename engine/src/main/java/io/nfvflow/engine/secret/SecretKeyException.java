package io.nfvflow.engine.secret;

/**
 * The secret key is missing, invalid, or not the one the stored secrets were sealed with: nfvflow
 * does not start. The message names where the key came from, never the key.
 */
public class SecretKeyException extends RuntimeException {

  private final String action;

  public SecretKeyException(String message, String action) {
    super(message);
    this.action = action;
  }

  /** What the operator does about it. */
  public String action() {
    return action;
  }
}
