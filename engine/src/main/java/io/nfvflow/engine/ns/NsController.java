package io.nfvflow.engine.ns;

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

/**
 * {@code /v1.0/nss}: create answers 201 with the NS in PENDING_CREATE at once; delete answers 204
 * with it PENDING_DELETE ({@code {"ns": {"attributes": {"force": true}}}} forces it). The workflows
 * do the work.
 */
@RestController
@RequestMapping("/v1.0/nss")
public class NsController {

  private final NsLifecycle lifecycle;
  private final NsViews views;

  public NsController(NsLifecycle lifecycle, NsViews views) {
    this.lifecycle = lifecycle;
    this.views = views;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(
      @org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body) {
    return Map.of("ns", views.ns(lifecycle.create(body).id));
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
    return Map.of("nss", new TackerQuery(params).apply(views.nss()));
  }

  @GetMapping("/{id}")
  public Map<String, Object> show(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("ns", new TackerQuery(params).project(views.ns(id)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(
      @PathVariable String id,
      @org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body) {
    boolean force = false;
    if (body != null && !body.isNull() && !body.isEmpty()) {
      JsonNode ns = RequestBody.envelope(body, "ns");
      JsonNode attributes = RequestBody.optionalObject(ns, "attributes", "ns.attributes");
      Boolean f =
          attributes == null
              ? null
              : RequestBody.optionalBoolean(attributes, "force", "ns.attributes.force");
      force = Boolean.TRUE.equals(f);
    }
    if (force) {
      Callers.require(Role.ADMIN, "ns-delete with ns.attributes.force");
    }
    lifecycle.delete(id, force);
  }
}
