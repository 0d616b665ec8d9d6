package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Map;

/**
 * Writes templates as YAML. Strings that YAML would read as something else (numbers, booleans,
 * null) stay quoted, so Heat sees exactly the descriptor's strings; multi-line strings (user data)
 * are literal blocks and long lines are not folded, so they read as written.
 */
final class HotYaml {

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private HotYaml() {}

  static String write(Map<String, Object> template) {
    try {
      return MAPPER.writeValueAsString(template);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a template of maps, lists and scalars did not serialise", e);
    }
  }
}
