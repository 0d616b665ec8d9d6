package io.nfvflow.ns;

/** A member of an NS could not be started or deleted, for a reason that retrying does not fix. */
public class NsMemberException extends RuntimeException {

  public NsMemberException(String message) {
    super(message);
  }
}
