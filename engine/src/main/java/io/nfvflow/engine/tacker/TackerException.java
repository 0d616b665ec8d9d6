package io.nfvflow.engine.tacker;

import org.springframework.http.HttpStatus;

/**
 * A request that fails for a reason the client should see: answered as a {@code TackerError} with
 * the given status, type and message. The one exception taxonomy of the API; mapped to HTTP in
 * {@link TackerErrorHandler}.
 */
public class TackerException extends RuntimeException {

  private final HttpStatus status;
  private final String type;

  public TackerException(HttpStatus status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  /** 400: the request is invalid; the message names the field and the reason. */
  public static TackerException badRequest(String type, String message) {
    return new TackerException(HttpStatus.BAD_REQUEST, type, message);
  }

  /** 400 for an invalid field of the request body. */
  public static TackerException invalidField(String field, String reason) {
    return badRequest("InvalidInput", "Invalid input for field '%s': %s".formatted(field, reason));
  }

  /** 404: the resource does not exist. */
  public static TackerException notFound(String resource, String id) {
    String type = Character.toUpperCase(resource.charAt(0)) + resource.substring(1) + "NotFound";
    return new TackerException(
        HttpStatus.NOT_FOUND, type, "%s %s could not be found".formatted(resource, id));
  }

  /** 409: the request conflicts with the current state. */
  public static TackerException conflict(String type, String message) {
    return new TackerException(HttpStatus.CONFLICT, type, message);
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }
}
