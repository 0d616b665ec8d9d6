package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Recorded OpenStack JSON from {@code src/test/resources/openstack/} and test VIMs. */
final class OpenStackFixtures {

  /** The project id of the recorded Keystone token (Heat's URLs carry it). */
  static final String PROJECT_ID = "8f2d6c4b1a9e4d7c8b3a2f1e0d9c8b7a";

  static final String HEAT = "/heat/v1/" + PROJECT_ID;

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenStackFixtures() {}

  /** A VIM with Keystone at {@code url} + {@code /v3}, user demo/demo in project demo. */
  static VimConnection vim(String url) {
    return vim(url, "demo", "demo");
  }

  static VimConnection vim(String url, String username, String password) {
    return new VimConnection(
        "vim-os",
        "openstack",
        url + "/v3",
        "demo",
        Map.of(
            "user_domain_name", "Default",
            "cert_verify", "True",
            "project.project_domain_name", "Default"),
        new VimCredentials(username, password, null, null));
  }

  /**
   * A recorded response with its {@code ${key}} placeholders replaced. Keys ending in a JSON
   * position (not inside quotes in the file) get JSON values: use {@link #json}.
   */
  static String recorded(String file, Map<String, String> values) {
    String text = read(file);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    return text;
  }

  /** A value as JSON text, for placeholders in JSON positions. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A Heat error body, as heat-api writes it. */
  static String heatError(int code, String title, String type, String message) {
    return recorded(
        "heat-error.json",
        Map.of(
            "code", Integer.toString(code),
            "title", title,
            "type", type,
            "message", message,
            "explanation", "The server could not comply with the request."));
  }

  private static String read(String file) {
    return resource("/openstack/" + file);
  }

  /** A test resource's text. */
  static String resource(String path) {
    try (InputStream in = OpenStackFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
