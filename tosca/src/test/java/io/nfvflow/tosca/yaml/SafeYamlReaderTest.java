package io.nfvflow.tosca.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfvflow.tosca.ToscaException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeYamlReaderTest {

  private final SafeYamlReader reader = new SafeYamlReader();

  private void assertRefused(String text, String message) {
    assertThatThrownBy(() -> reader.readMap(text, "descriptor"))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining(message);
  }

  @Test
  void readsMapsListsAndScalarsInOrder() {
    Map<String, Object> map = reader.readMap("b: 1\na: [x, 2.5, true, null]\n", "descriptor");
    assertThat(map.keySet()).containsExactly("b", "a");
    assertThat(map.get("a")).asList().containsExactly("x", 2.5, true, null);
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    assertRefused("a: 1\nb: [1, 2\nc: 3\n", "malformed YAML in descriptor at line ");
    assertRefused("a:\n  b: 1\n c: 2\n", "at line 3, column 2");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertRefused("a: 1\nb: 2\na: 3\n", "duplicate key 'a' in descriptor at line 3");
  }

  @Test
  void documentSizeIsBounded() {
    String big = "a: \"" + "x".repeat(SafeYamlReader.MAX_DOCUMENT_CHARS) + "\"\n";
    assertRefused(big, "descriptor is too large");
    assertRefused(big, "at most 1048576");
  }

  @Test
  void nestingDepthIsBounded() {
    String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
    assertThatThrownBy(() -> reader.readMap(deep, "descriptor"))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("descriptor exceeds a limit: Document nesting depth (65)");
    assertThatThrownBy(() -> SafeYamlReader.checkDepth(nested(100)))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("nesting is deeper than 64 levels");
  }

  private static Object nested(int depth) {
    return depth == 0 ? "x" : Map.of("a", nested(depth - 1));
  }

  @Test
  void aliasesAreRejectedSoBillionLaughsCannotExpand() {
    String laughs =
        """
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        """;
    assertRefused(laughs, "YAML aliases (*a) are not supported");
  }

  @Test
  void topLevelMustBeOneMapping() {
    assertRefused("- a\n- b\n", "must be a YAML mapping");
    assertRefused("", "descriptor is empty");
    assertRefused("a: 1\n---\nb: 2\n", "more than one YAML document");
  }
}
