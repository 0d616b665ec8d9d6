package io.nfvflow.engine.vnffgd;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.TackerQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1.0/vnffgds}. A VNFFGD has Tacker's keys only: {@code id, tenant_id, name, description,
 * template} ({@code {"vnffgd": <TOSCA object>}}) {@code , template_source}.
 */
@RestController
@RequestMapping("/v1.0/vnffgds")
public class VnffgdController {

  private static final String TEMPLATE_SOURCE = "template_source";
  private final VnffgdCatalogue catalogue;

  public VnffgdController(VnffgdCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(@RequestBody(required = false) JsonNode body) {
    return Map.of("vnffgd", view(catalogue.onboard(body)));
  }

  /**
   * Every VNFFGD unless filtered; {@code tacker vnffgd-list} asks for {@code
   * template_source=onboarded} and {@code --template-source all} sends {@code all}: no filter.
   */
  @GetMapping
  public Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>(params);
    if (query.getOrDefault(TEMPLATE_SOURCE, List.of()).contains("all")) {
      query.remove(TEMPLATE_SOURCE);
    }
    List<Map<String, Object>> views = catalogue.all().stream().map(VnffgdController::view).toList();
    return Map.of("vnffgds", new TackerQuery(query).apply(views));
  }

  @GetMapping("/{id}")
  public Map<String, Object> show(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("vnffgd", new TackerQuery(params).project(view(catalogue.find(id))));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    catalogue.delete(id);
  }

  static Map<String, Object> view(VnffgdEntity vnffgd) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", vnffgd.id);
    view.put("tenant_id", vnffgd.tenantId == null ? "" : vnffgd.tenantId);
    view.put("name", vnffgd.name);
    // a string, never null: tacker vnffgd-list takes its length
    view.put("description", vnffgd.description == null ? "" : vnffgd.description);
    view.put("template", Map.of("vnffgd", vnffgd.template()));
    view.put(TEMPLATE_SOURCE, vnffgd.templateSource);
    return view;
  }
}
