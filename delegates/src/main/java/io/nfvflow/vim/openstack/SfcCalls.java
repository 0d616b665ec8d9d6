package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.core.transport.HttpEntityHandler;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.openstack.networking.internal.BaseNetworkingServices;

/**
 * networking-sfc's REST API ({@code /v2.0/sfc/<collection>}) as raw JSON, built with openstack4j's
 * request builder like {@link OpenStackCalls}, so it goes through the session of the thread's
 * client: run these inside {@link OpenStackClients#call}.
 *
 * <p>Raw JSON because openstack4j's SFC model holds {@code chain_parameters} as strings (so {@code
 * symmetric} would go out as {@code "true"}) and knows no {@code service_function_parameters} null.
 * Raw responses because openstack4j's own handling turns a 404 into {@code null} and drops
 * Neutron's message; here every answer of 400 and above becomes a {@link ResponseException} with
 * the {@code message} of Neutron's {@code NeutronError} (what networking-sfc says, for example
 * "Flow Classifier conflicts with another Flow Classifier ..."), which {@link OpenStackErrors} maps
 * by status.
 */
final class SfcCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SfcCalls() {}

  /** {@code GET /sfc/<collection>}: every object of the kind the token's project sees. */
  static JsonNode list(SfcKind kind) {
    return read(new Sfc().list(kind));
  }

  /** {@code POST /sfc/<collection>} with {@code {"<resource>": fields}}; the created object. */
  static JsonNode create(SfcKind kind, ObjectNode fields) {
    return read(new Sfc().create(kind, wrap(kind, fields))).path(kind.resource());
  }

  /** {@code PUT /sfc/<collection>/<id>} with {@code {"<resource>": fields}}; the updated object. */
  static JsonNode update(SfcKind kind, String id, ObjectNode fields) {
    return read(new Sfc().update(kind, id, wrap(kind, fields))).path(kind.resource());
  }

  /** {@code DELETE /sfc/<collection>/<id>}; 404 throws like every other failure. */
  static void delete(SfcKind kind, String id) {
    read(new Sfc().delete(kind, id));
  }

  private static String wrap(SfcKind kind, ObjectNode fields) {
    ObjectNode body = JSON.createObjectNode();
    body.set(kind.resource(), fields);
    return body.toString();
  }

  private static JsonNode read(HttpResponse response) {
    try {
      if (response.getStatus() >= 400) {
        throw ResponseException.mapException(message(response), response.getStatus());
      }
      return response.getStatus() == 204
          ? JSON.createObjectNode()
          : response.readEntity(JsonNode.class);
    } finally {
      HttpEntityHandler.closeQuietly(response);
    }
  }

  /**
   * Neutron's words: {@code NeutronError.message} (or Keystone middleware's {@code error.message}
   * on a 401); the HTTP reason phrase when the body says nothing readable.
   */
  private static String message(HttpResponse response) {
    try (InputStream in = response.getInputStream()) {
      JsonNode body = in == null ? null : JSON.readTree(in);
      JsonNode error =
          body == null
              ? null
              : body.has("NeutronError") ? body.get("NeutronError") : body.get("error");
      if (error != null && error.hasNonNull("message")) {
        return error.get("message").asText();
      }
      if (error != null && error.isTextual()) {
        return error.asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON (a proxy's HTML page): the reason phrase below says enough
    }
    String reason = response.getStatusMessage();
    return reason == null || reason.isBlank() ? "no reason given" : reason;
  }

  private static final class Sfc extends BaseNetworkingServices {

    HttpResponse list(SfcKind kind) {
      return get(JsonNode.class, uri("/sfc/%s", kind.collection())).executeWithResponse();
    }

    HttpResponse create(SfcKind kind, String json) {
      return post(JsonNode.class, uri("/sfc/%s", kind.collection()))
          .json(json)
          .executeWithResponse();
    }

    HttpResponse update(SfcKind kind, String id, String json) {
      return put(JsonNode.class, uri("/sfc/%s/%s", kind.collection(), id))
          .json(json)
          .executeWithResponse();
    }

    HttpResponse delete(SfcKind kind, String id) {
      return delete(Void.class, uri("/sfc/%s/%s", kind.collection(), id)).executeWithResponse();
    }
  }
}
