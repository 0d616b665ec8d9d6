package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.security.Callers;
import io.nfvflow.engine.security.Role;
import io.nfvflow.engine.tacker.RequestBody;
import io.nfvflow.engine.tacker.TackerQuery;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1.0/vnfs}: create and delete answer at once; the workflows do the work. */
@RestController
@RequestMapping("/v1.0/vnfs")
public class VnfController {

  private final VnfLifecycle lifecycle;
  private final VnfViews views;
  private final AlarmReceiver alarms;

  public VnfController(VnfLifecycle lifecycle, VnfViews views, AlarmReceiver alarms) {
    this.lifecycle = lifecycle;
    this.views = views;
    this.alarms = alarms;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(
      @org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body) {
    String id = lifecycle.instantiate(body).id;
    return Map.of("vnf", views.view(id));
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
    TackerQuery query = new TackerQuery(params);
    return Map.of(
        "vnfs", query.apply(query.readsOnly(VnfViews.COLUMNS) ? views.columns() : views.all()));
  }

  @GetMapping("/{id}")
  public Map<String, Object> show(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("vnf", new TackerQuery(params).project(views.view(id)));
  }

  @GetMapping("/{id}/resources")
  public Map<String, Object> resources(@PathVariable String id) {
    return Map.of("resources", views.resources(id));
  }

  /**
   * {@code POST /v1.0/vnfs/{id}/actions} with {@code {"scale": {"type", "policy"}}}, by VNF id or
   * name: 202 at once with the request echoed (the client fails on an empty 201) and the operation.
   */
  @PostMapping("/{id}/actions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> action(
      @PathVariable String id,
      @org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body) {
    if (body != null && body.isObject() && body.has("heal") && !body.has("scale")) {
      HealRequest heal = HealRequest.parse(body.get("heal"));
      LcmOperationEntity op = lifecycle.heal(id, heal, null);
      Map<String, Object> echo = new java.util.LinkedHashMap<>();
      echo.put("cause", op.cause);
      echo.put("vdu", heal.vdus().stream().sorted().toList());
      echo.put("instances", heal.instances().stream().sorted().toList());
      return Map.of("heal", echo, "lcm_operation", operation(op));
    }
    ScaleRequest request = ScaleRequest.parse(body);
    LcmOperationEntity op = lifecycle.scale(id, request, null);
    return Map.of(
        "scale",
        Map.of("type", request.type(), "policy", request.policy()),
        "lcm_operation",
        operation(op));
  }

  private static Map<String, Object> operation(LcmOperationEntity op) {
    return Map.of("id", op.id, "operation", op.type.name(), "state", op.state.name());
  }

  /** An alarm URL: Aodh or Alertmanager posts here (no login: the URL's key is the secret). */
  @PostMapping("/{id}/{trigger}/{action}/{key}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> alarm(
      @PathVariable String id,
      @PathVariable String trigger,
      @PathVariable String action,
      @PathVariable String key,
      @org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body) {
    return alarms.receive(id, trigger, action, key, body);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(
      @PathVariable String id,
      @org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body) {
    boolean force = force(body);
    if (force) {
      // as in Tacker: forcing a delete (no VIM clean-up while an operation runs) is the admin's
      Callers.require(Role.ADMIN, "vnf-delete with vnf.attributes.force");
    }
    lifecycle.terminate(id, force);
  }

  private static boolean force(JsonNode body) {
    if (body == null || body.isNull() || body.isEmpty()) {
      return false;
    }
    JsonNode vnf = RequestBody.envelope(body, "vnf");
    JsonNode attributes = RequestBody.optionalObject(vnf, "attributes", "vnf.attributes");
    if (attributes == null) {
      return false;
    }
    Boolean force = RequestBody.optionalBoolean(attributes, "force", "vnf.attributes.force");
    return Boolean.TRUE.equals(force);
  }
}
