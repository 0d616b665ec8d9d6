package io.nfvflow.engine.vim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.nfvflow.engine.tacker.JsonColumns;
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

/** {@code /v1.0/vims}: secrets are always answered as {@code ***}. */
@RestController
@RequestMapping("/v1.0/vims")
public class VimController {

  private static final String MASK = "***";
  private final VimRegistry registry;

  public VimController(VimRegistry registry) {
    this.registry = registry;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> create(@RequestBody(required = false) JsonNode body) {
    return Map.of("vim", view(registry.register(body)));
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
    List<Map<String, Object>> views = registry.all().stream().map(VimController::view).toList();
    return Map.of("vims", new TackerQuery(params).apply(views));
  }

  @GetMapping("/{id}")
  public Map<String, Object> show(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    return Map.of("vim", new TackerQuery(params).project(view(registry.find(id))));
  }

  @PutMapping("/{id}")
  public Map<String, Object> update(
      @PathVariable String id, @RequestBody(required = false) JsonNode body) {
    return Map.of("vim", view(registry.update(id, body)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    registry.delete(id);
  }

  static Map<String, Object> view(VimEntity vim) {
    Map<String, Object> cred = new LinkedHashMap<>(JsonColumns.stringMap(vim.publicCredentials));
    if (vim.secretKeys != null && !vim.secretKeys.isBlank()) {
      for (String key : vim.secretKeys.split(",")) {
        cred.put(key, MASK);
      }
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", vim.id);
    view.put("tenant_id", vim.tenantId == null ? "" : vim.tenantId);
    view.put("name", vim.name);
    view.put("description", vim.description == null ? "" : vim.description);
    view.put("type", vim.type);
    view.put("auth_url", vim.authUrl);
    view.put("vim_project", JsonColumns.stringMap(vim.vimProject));
    view.put("auth_cred", cred);
    view.put("placement_attr", Map.of("regions", JsonColumns.stringList(vim.regions)));
    view.put("status", vim.status);
    view.put("is_default", vim.isDefault);
    view.put("auto_heal", vim.autoHeal());
    // shown as JSON null when unset, not left out as the API does with nulls: clients see the key
    view.put(
        "neutron_vim_id", vim.neutronVimId == null ? NullNode.getInstance() : vim.neutronVimId);
    view.put("created_at", vim.createdAt.toString());
    view.put("updated_at", vim.updatedAt == null ? null : vim.updatedAt.toString());
    return view;
  }
}
