package io.nfvflow.engine.identity;

import org.springframework.http.HttpStatus;

/** A failed identity request, answered in Keystone's error shape. */
final class KeystoneException extends RuntimeException {

  private final HttpStatus status;

  private KeystoneException(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static KeystoneException badRequest(String message) {
    return new KeystoneException(HttpStatus.BAD_REQUEST, message);
  }

  static KeystoneException unauthorized(String message) {
    return new KeystoneException(HttpStatus.UNAUTHORIZED, message);
  }

  static KeystoneException notFound(String message) {
    return new KeystoneException(HttpStatus.NOT_FOUND, message);
  }

  HttpStatus status() {
    return status;
  }
}
