package io.nfvflow.engine.tacker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The query of a Tacker list or show call: {@code fields} selects attributes, every other parameter
 * filters on the attribute of that name (the clients resolve names with {@code ?name=x&fields=id}).
 */
public final class TackerQuery {

  private static final String FIELDS = "fields";
  private final MultiValueMap<String, String> params;

  public TackerQuery(MultiValueMap<String, String> params) {
    this.params = params;
  }

  /**
   * Whether the query reads only the given attributes (its fields and filters): a list call may
   * then build cheaper views holding just those. A query without {@code fields} reads everything.
   */
  public boolean readsOnly(java.util.Set<String> attributes) {
    List<String> fields = params.getOrDefault(FIELDS, List.of());
    if (fields.isEmpty()) {
      return false;
    }
    for (String key : params.keySet()) {
      if (!key.equals(FIELDS) && !attributes.contains(key)) {
        return false;
      }
    }
    return attributes.containsAll(fields);
  }

  /** Filters and projects the views of a list call. */
  public List<Map<String, Object>> apply(List<Map<String, Object>> views) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> view : views) {
      if (matches(view)) {
        result.add(project(view));
      }
    }
    return result;
  }

  /** Projects the view of a show call onto the requested fields. */
  public Map<String, Object> project(Map<String, Object> view) {
    List<String> fields = params.getOrDefault(FIELDS, List.of());
    if (fields.isEmpty()) {
      return view;
    }
    Map<String, Object> projected = new LinkedHashMap<>();
    for (String field : fields) {
      if (view.containsKey(field)) {
        projected.put(field, view.get(field));
      }
    }
    return projected;
  }

  private boolean matches(Map<String, Object> view) {
    for (Map.Entry<String, List<String>> filter : params.entrySet()) {
      String attribute = filter.getKey();
      if (attribute.equals(FIELDS)) {
        continue;
      }
      if (!view.containsKey(attribute)) {
        throw TackerException.badRequest(
            "InvalidInput", "Unknown attribute '%s' in the query filter".formatted(attribute));
      }
      Object value = view.get(attribute);
      String text = value == null ? "" : value.toString();
      if (!filter.getValue().contains(text)) {
        return false;
      }
    }
    return true;
  }
}
