package io.nfvflow.engine.vnfd;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.TackerQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1.0/vnfds}. */
@RestController
@RequestMapping("/v1.0/vnfds")
public class VnfdController {

  private final VnfdCatalogue catalogue;

  public VnfdController(VnfdCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(@RequestBody(required = false) JsonNode body) {
    return Map.of("vnfd", view(catalogue.onboard(body)));
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
    List<Map<String, Object>> views = catalogue.all().stream().map(VnfdController::view).toList();
    return Map.of("vnfds", new TackerQuery(params).apply(views));
  }

  @GetMapping("/{id}")
  public Map<String, Object> show(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("vnfd", new TackerQuery(params).project(view(catalogue.find(id))));
  }

  @PutMapping("/{id}")
  public Map<String, Object> update(
      @PathVariable String id, @RequestBody(required = false) JsonNode body) {
    return Map.of("vnfd", view(catalogue.update(id, body)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    catalogue.delete(id);
  }

  static Map<String, Object> view(VnfdEntity vnfd) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", vnfd.id);
    view.put("tenant_id", vnfd.tenantId == null ? "" : vnfd.tenantId);
    view.put("name", vnfd.name);
    view.put("description", vnfd.description == null ? "" : vnfd.description);
    view.put("service_types", List.of(Map.of("service_type", "vnfd")));
    view.put("attributes", Map.of("vnfd", vnfd.template));
    view.put("template_source", vnfd.templateSource);
    view.put("created_at", vnfd.createdAt.toString());
    view.put("updated_at", vnfd.updatedAt == null ? null : vnfd.updatedAt.toString());
    return view;
  }
}
