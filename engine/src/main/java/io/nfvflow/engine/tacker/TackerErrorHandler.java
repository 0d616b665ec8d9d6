package io.nfvflow.engine.tacker;

import io.nfvflow.tosca.ToscaException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of the Tacker API to a {@code TackerError} body: never a stack trace. */
@RestControllerAdvice
public class TackerErrorHandler {

  private static final Logger LOG = LoggerFactory.getLogger(TackerErrorHandler.class);

  @ExceptionHandler(TackerException.class)
  ResponseEntity<Map<String, Object>> tacker(TackerException e) {
    return body(e.status(), e.type(), e.getMessage());
  }

  @ExceptionHandler(ToscaException.class)
  ResponseEntity<Map<String, Object>> tosca(ToscaException e) {
    String type = e.isUnsupported() ? "ToscaUnsupported" : "ToscaParserFailed";
    return body(HttpStatus.BAD_REQUEST, type, "Invalid VNF descriptor: " + e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return body(
        HttpStatus.BAD_REQUEST, "MalformedRequestBody", "The request body is not valid JSON");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "UnsupportedMediaType",
        "Send the request body as application/json");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return body(
        HttpStatus.METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        "Method %s is not allowed on this resource".formatted(e.getMethod()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return body(HttpStatus.NOT_FOUND, "NotFound", "No resource at /" + e.getResourcePath());
  }

  /**
   * Two writers changed the same row at once (two requests, a request and a workflow step, two
   * nodes): the one that read first loses, nothing of it is stored, and the client may retry.
   */
  @ExceptionHandler({
    org.springframework.dao.OptimisticLockingFailureException.class,
    jakarta.persistence.OptimisticLockException.class,
    org.hibernate.StaleStateException.class
  })
  ResponseEntity<Map<String, Object>> concurrentUpdate(Exception e) {
    LOG.info("concurrent update refused: {}", e.getMessage());
    return body(
        HttpStatus.CONFLICT,
        "ConcurrentUpdate",
        ConcurrentChange.describe(e)
            + " was changed by another request while this one ran (on this or another nfvflow"
            + " node); nothing of this request was stored. Read it again and retry.");
  }

  /** Two requests created the same name at once: the unique constraint decided. */
  @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
  ResponseEntity<Map<String, Object>> integrity(
      org.springframework.dao.DataIntegrityViolationException e) {
    String resource = ConcurrentChange.duplicateName(e);
    if (resource == null) {
      return unexpected(e);
    }
    return body(
        HttpStatus.CONFLICT,
        "DuplicateResourceName",
        "A %s with this name was created by another request at the same time; choose another name"
            .formatted(resource));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    String reference = UUID.randomUUID().toString();
    LOG.error("unexpected failure, reference {}", reference, e);
    return body(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "TackerError",
        "Internal error; the server log has the details under reference " + reference);
  }

  static ResponseEntity<Map<String, Object>> body(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).body(error(type, message));
  }

  /** The {@code TackerError} body (also written by the security layer for 401 and 403). */
  public static Map<String, Object> error(String type, String message) {
    return Map.of("TackerError", Map.of("type", type, "message", message, "detail", ""));
  }
}
