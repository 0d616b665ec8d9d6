package io.nfvflow.engine.tacker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Small JSON values kept in text columns (settings, regions, parameter values). A column that
 * cannot be read is a bug or a corrupted database, never the client's fault.
 */
public final class JsonColumns {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonColumns() {}

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON column", e);
    }
  }

  /** A JSON object of strings; empty for a null column. */
  public static Map<String, String> stringMap(String json) {
    return read(json, new TypeReference<>() {}, Map.of());
  }

  /** A JSON object; empty for a null column. */
  public static Map<String, Object> map(String json) {
    return read(json, new TypeReference<>() {}, Map.of());
  }

  /** A JSON array of strings; empty for a null column. */
  public static List<String> stringList(String json) {
    return read(json, new TypeReference<>() {}, List.of());
  }

  /** A JSON array of any values; empty for a null column. */
  public static List<Object> list(String json) {
    return read(json, new TypeReference<>() {}, List.of());
  }

  private static <T> T read(String json, TypeReference<T> type, T empty) {
    if (json == null) {
      return empty;
    }
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON column", e);
    }
  }
}
