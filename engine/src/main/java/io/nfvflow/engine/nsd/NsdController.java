package io.nfvflow.engine.nsd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
 * {@code /v1.0/nsds}. An NSD has Tacker's keys: {@code id, tenant_id, name, description,
 * created_at, updated_at, attributes} ({@code {"nsd": <the template as YAML text>}}, as Tacker
 * stores it and {@code tacker nsd-template-show} prints it) {@code , template_source}.
 */
@RestController
@RequestMapping("/v1.0/nsds")
public class NsdController {

  private static final String TEMPLATE_SOURCE = "template_source";
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  private final NsdCatalogue catalogue;

  public NsdController(NsdCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(@RequestBody(required = false) JsonNode body) {
    return Map.of("nsd", view(catalogue.onboard(body)));
  }

  /**
   * Every NSD unless filtered; {@code tacker nsd-list} asks for {@code template_source=onboarded}
   * and {@code --template-source all} sends {@code all}: no filter.
   */
  @GetMapping
  public Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>(params);
    if (query.getOrDefault(TEMPLATE_SOURCE, List.of()).contains("all")) {
      query.remove(TEMPLATE_SOURCE);
    }
    List<Map<String, Object>> views = catalogue.all().stream().map(NsdController::view).toList();
    return Map.of("nsds", new TackerQuery(query).apply(views));
  }

  @GetMapping("/{id}")
  public Map<String, Object> show(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("nsd", new TackerQuery(params).project(view(catalogue.find(id))));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    catalogue.delete(id);
  }

  static Map<String, Object> view(NsdEntity nsd) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", nsd.id);
    view.put("tenant_id", nsd.tenantId == null ? "" : nsd.tenantId);
    view.put("name", nsd.name);
    // a string, never null: tacker nsd-list takes its length
    view.put("description", nsd.description == null ? "" : nsd.description);
    view.put("created_at", nsd.createdAt == null ? null : nsd.createdAt.toString());
    view.put("updated_at", io.nfvflow.engine.tacker.Nulls.keep(null));
    view.put("attributes", Map.of("nsd", yaml(nsd.template())));
    view.put(TEMPLATE_SOURCE, nsd.templateSource);
    return view;
  }

  private static String yaml(Map<String, Object> template) {
    try {
      return YAML.writeValueAsString(template);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored NSD cannot be written as YAML", e);
    }
  }
}
