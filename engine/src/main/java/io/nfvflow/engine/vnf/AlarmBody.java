package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.TackerException;
import java.util.Optional;

/**
 * The two alarm bodies nfvflow understands: Aodh's alarm notification ({@code alarm_id}, {@code
 * current}) and Prometheus Alertmanager's webhook ({@code status}, {@code alerts}).
 */
final class AlarmBody {

  private AlarmBody() {}

  /**
   * A short description of a firing alarm ({@code alarm_id ...} or {@code alertmanager group ...});
   * empty when the body reports an alarm that is not (or no longer) firing.
   *
   * @throws TackerException 400 when the body is neither shape
   */
  static Optional<String> firing(JsonNode body) {
    shape(body);
    if (body.hasNonNull("alarm_id")) {
      return "alarm".equals(body.path("current").asText())
          ? Optional.of("alarm_id " + body.get("alarm_id").asText())
          : Optional.empty();
    }
    return "firing".equals(body.path("status").asText())
        ? Optional.of("Alertmanager " + body.path("groupKey").asText("alert"))
        : Optional.empty();
  }

  /** Why a well-formed body does not fire. */
  static String notFiring(JsonNode body) {
    return body.hasNonNull("alarm_id")
        ? "alarm %s is '%s', not 'alarm'"
            .formatted(body.get("alarm_id").asText(), body.path("current").asText())
        : "Alertmanager status is '%s', not 'firing'".formatted(body.path("status").asText());
  }

  private static void shape(JsonNode body) {
    boolean aodh = body != null && body.isObject() && body.hasNonNull("alarm_id");
    boolean alertmanager = body != null && body.isObject() && body.hasNonNull("status");
    if (!aodh && !alertmanager) {
      throw TackerException.badRequest(
          "AlarmUrlInvalid",
          "The body is neither an Aodh alarm notification ('alarm_id' and 'current': 'alarm')"
              + " nor a Prometheus Alertmanager webhook ('status': 'firing')");
    }
  }
}
