package io.nfvflow.tosca.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.nfvflow.tosca.ToscaException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML (and so JSON, which YAML 1.1 parses as flow style) into maps, lists and scalars.
 *
 * <p>Descriptors come from API callers, so every dimension is bounded: the text length, the nesting
 * depth, string lengths. Duplicate keys are rejected (YAML forbids them and silently keeping the
 * last one hides mistakes). Aliases are rejected: Jackson does not expand them (it would hand back
 * the anchor's name as a string), so accepting them would quietly produce wrong values, and
 * refusing them also rules out "billion laughs" expansion.
 */
public final class SafeYamlReader {

  /** The largest text accepted, in characters (1 MiB). */
  public static final int MAX_DOCUMENT_CHARS = 1024 * 1024;

  /** The deepest nesting of mappings and sequences accepted. */
  public static final int MAX_DEPTH = 64;

  private final YAMLFactory factory;

  /** A reader with the bounds above. */
  public SafeYamlReader() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_DOCUMENT_CHARS + 1);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setMaxAliasesForCollections(10);
    loader.setAllowDuplicateKeys(false);
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxDocumentLength(MAX_DOCUMENT_CHARS)
            .maxStringLength(MAX_DOCUMENT_CHARS)
            .maxNumberLength(100)
            .build();
    this.factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(limits)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /**
   * Reads one document whose top level is a mapping.
   *
   * @param text the YAML or JSON text
   * @param what what the text is, for messages ("descriptor", "param_values")
   * @return the mapping, with keys in document order
   * @throws ToscaException when the text is too large, malformed, or not a single mapping
   */
  public Map<String, Object> readMap(String text, String what) {
    if (text == null || text.isBlank()) {
      throw ToscaException.invalid(null, null, what + " is empty");
    }
    if (text.length() > MAX_DOCUMENT_CHARS) {
      throw ToscaException.invalid(
          null,
          null,
          what + " is too large: " + text.length() + " characters, at most " + MAX_DOCUMENT_CHARS);
    }
    try (YAMLParser parser = factory.createParser(text)) {
      return readDocument(parser, what);
    } catch (StreamConstraintsException e) {
      throw ToscaException.invalid(
          null, null, what + " exceeds a limit: " + e.getOriginalMessage());
    } catch (JacksonException e) {
      throw malformed(e, what);
    } catch (YAMLException e) {
      throw ToscaException.invalid(null, null, "malformed YAML in " + what + ": " + e.getMessage());
    } catch (IOException e) {
      throw ToscaException.invalid(null, null, "cannot read " + what + ": " + e.getMessage());
    }
  }

  /**
   * Checks that a tree built elsewhere (a JSON request body) is no deeper than {@link #MAX_DEPTH}.
   *
   * @throws ToscaException when it is deeper
   */
  public static void checkDepth(Object tree) {
    checkDepth(tree, 1);
  }

  private static void checkDepth(Object node, int depth) {
    if (depth > MAX_DEPTH) {
      throw ToscaException.invalid(null, null, "nesting is deeper than " + MAX_DEPTH + " levels");
    }
    if (node instanceof Map<?, ?> map) {
      map.values().forEach(v -> checkDepth(v, depth + 1));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> checkDepth(v, depth + 1));
    }
  }

  private Map<String, Object> readDocument(YAMLParser parser, String what) throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw ToscaException.invalid(
          null, null, what + " must be a YAML mapping (key: value) at the top level");
    }
    Map<String, Object> root = readMap(parser, 1);
    if (parser.nextToken() != null) {
      throw ToscaException.invalid(
          null, null, what + " holds more than one YAML document; give exactly one");
    }
    return root;
  }

  private Object readValue(YAMLParser parser, JsonToken token, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw ToscaException.invalid(null, null, "nesting is deeper than " + MAX_DEPTH + " levels");
    }
    return switch (token) {
      case START_OBJECT -> readMap(parser, depth);
      case START_ARRAY -> readList(parser, depth);
      case VALUE_STRING -> readString(parser);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw unexpected(parser, "unsupported YAML value (" + token + ")");
    };
  }

  private Map<String, Object> readMap(YAMLParser parser, int depth) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      map.put(key, readValue(parser, parser.nextToken(), depth + 1));
    }
    if (token != JsonToken.END_OBJECT) {
      throw unexpected(parser, "unterminated mapping");
    }
    return map;
  }

  private List<Object> readList(YAMLParser parser, int depth) throws IOException {
    List<Object> list = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw unexpected(parser, "unterminated sequence");
      }
      list.add(readValue(parser, token, depth + 1));
    }
    return list;
  }

  private static String readString(YAMLParser parser) throws IOException {
    if (parser.isCurrentAlias()) {
      throw unexpected(
          parser,
          "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
    }
    return parser.getText();
  }

  private static ToscaException unexpected(YAMLParser parser, String reason) {
    JsonLocation at = parser.currentTokenLocation();
    return ToscaException.invalid(
        null, null, "at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + reason);
  }

  private static ToscaException malformed(JacksonException e, String what) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return ToscaException.invalid(
          null,
          null,
          String.format(
              "malformed YAML in %s at line %d, column %d: %s",
              what,
              marked.getProblemMark().getLine() + 1,
              marked.getProblemMark().getColumn() + 1,
              describe(marked)));
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = firstLine(e.getOriginalMessage());
    if (message.startsWith("Duplicate field ")) {
      // YAML forbids duplicate keys; keeping the last value silently would hide mistakes
      return ToscaException.invalid(
          null, null, "duplicate key " + message.substring(16) + " in " + what + where);
    }
    return ToscaException.invalid(null, null, "malformed " + what + where + ": " + message);
  }

  private static String describe(MarkedYAMLException marked) {
    String context = marked.getContext();
    return context == null ? marked.getProblem() : context + ", " + marked.getProblem();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
