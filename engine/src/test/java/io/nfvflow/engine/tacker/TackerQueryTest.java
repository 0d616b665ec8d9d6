package io.nfvflow.engine.tacker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class TackerQueryTest {

  private final List<Map<String, Object>> views =
      List.of(view("1", "alpha", true), view("2", "beta", false));

  @Test
  void filtersByAnyAttributeAndProjectsFields() {
    var params = new LinkedMultiValueMap<String, String>();
    params.add("name", "beta");
    params.add("fields", "id");
    assertThat(new TackerQuery(params).apply(views)).containsExactly(Map.of("id", "2"));
  }

  @Test
  void filtersCompareTheTextOfNonStringValues() {
    var params = new LinkedMultiValueMap<String, String>();
    params.add("is_default", "true");
    assertThat(new TackerQuery(params).apply(views))
        .extracting(v -> v.get("id"))
        .containsExactly("1");
  }

  @Test
  void repeatedFilterValuesMeanAnyOf() {
    var params = new LinkedMultiValueMap<String, String>();
    params.addAll("id", List.of("1", "2"));
    assertThat(new TackerQuery(params).apply(views)).hasSize(2);
  }

  @Test
  void noParametersMeansEverything() {
    assertThat(new TackerQuery(new LinkedMultiValueMap<>()).apply(views)).isEqualTo(views);
  }

  @Test
  void unknownAttributeIsABadRequestNamingIt() {
    var params = new LinkedMultiValueMap<String, String>();
    params.add("colour", "red");
    assertThatThrownBy(() -> new TackerQuery(params).apply(views))
        .isInstanceOf(TackerException.class)
        .hasMessageContaining("colour");
  }

  private static Map<String, Object> view(String id, String name, boolean isDefault) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", id);
    view.put("name", name);
    view.put("is_default", isDefault);
    return view;
  }
}
