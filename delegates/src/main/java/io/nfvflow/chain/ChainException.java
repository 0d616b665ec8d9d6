package io.nfvflow.chain;

/** A VNFFG that cannot be realised as it stands; the message says why, naming the VNF or CP. */
public class ChainException extends RuntimeException {

  public ChainException(String message) {
    super(message);
  }
}
