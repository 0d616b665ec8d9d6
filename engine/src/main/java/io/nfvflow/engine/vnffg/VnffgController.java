package io.nfvflow.engine.vnffg;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.TackerQuery;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1.0/vnffgs}, and the read-only {@code /v1.0/nfps}, {@code /v1.0/sfcs} and {@code
 * /v1.0/classifiers}: create, update and delete answer at once; the workflows do the networking-sfc
 * work.
 */
@RestController
public class VnffgController {

  private final VnffgLifecycle lifecycle;
  private final VnffgViews views;

  public VnffgController(VnffgLifecycle lifecycle, VnffgViews views) {
    this.lifecycle = lifecycle;
    this.views = views;
  }

  @PostMapping("/v1.0/vnffgs")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(
      @org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body) {
    return Map.of("vnffg", views.vnffg(lifecycle.create(body).id));
  }

  @GetMapping("/v1.0/vnffgs")
  public Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
    return Map.of("vnffgs", new TackerQuery(params).apply(views.vnffgs()));
  }

  @GetMapping("/v1.0/vnffgs/{id}")
  public Map<String, Object> show(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("vnffg", new TackerQuery(params).project(views.vnffg(id)));
  }

  @PutMapping("/v1.0/vnffgs/{id}")
  public Map<String, Object> update(
      @PathVariable String id,
      @org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body) {
    return Map.of("vnffg", views.vnffg(lifecycle.update(id, body).id));
  }

  @DeleteMapping("/v1.0/vnffgs/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    lifecycle.delete(id);
  }

  @GetMapping("/v1.0/nfps")
  public Map<String, Object> nfps(@RequestParam MultiValueMap<String, String> params) {
    return Map.of("nfps", new TackerQuery(params).apply(views.nfps()));
  }

  @GetMapping("/v1.0/nfps/{id}")
  public Map<String, Object> nfp(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("nfp", new TackerQuery(params).project(views.nfp(id)));
  }

  @GetMapping("/v1.0/sfcs")
  public Map<String, Object> sfcs(@RequestParam MultiValueMap<String, String> params) {
    return Map.of("sfcs", new TackerQuery(params).apply(views.sfcs()));
  }

  @GetMapping("/v1.0/sfcs/{id}")
  public Map<String, Object> sfc(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("sfc", new TackerQuery(params).project(views.sfc(id)));
  }

  @GetMapping("/v1.0/classifiers")
  public Map<String, Object> classifiers(@RequestParam MultiValueMap<String, String> params) {
    return Map.of("classifiers", new TackerQuery(params).apply(views.classifiers()));
  }

  @GetMapping("/v1.0/classifiers/{id}")
  public Map<String, Object> classifier(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("classifier", new TackerQuery(params).project(views.classifier(id)));
  }
}
