package io.nfvflow.engine.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A small client of nfvflow's Tacker v1.0 API, speaking plain HTTP + JSON as the real clients do
 * (the {@code .json} suffix, the wrapping keys). It never logs: request bodies carry VIM secrets.
 */
final class TackerApi {

  static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Response> transcript = new ArrayList<>();

  /**
   * {@code baseUrl} like {@code http://127.0.0.1:9890}; every call authenticates as {@code user}
   * with HTTP basic, as scripts do.
   */
  TackerApi(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.authorization = basic(user, password);
  }

  private static String basic(String user, String password) {
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** One answer: status, raw body and the parsed body (a MissingNode when it is not JSON). */
  record Response(String call, int status, String raw, JsonNode json) {

    JsonNode at(String pointer) {
      return json.at(pointer);
    }

    String text(String pointer) {
      return json.at(pointer).asText(null);
    }

    @Override
    public String toString() {
      // may be printed by a failing assertion: callers check for secrets before it can be
      return call + " -> " + status + " " + raw;
    }
  }

  /** Every answer this client received, for secret scans. */
  List<Response> transcript() {
    synchronized (transcript) {
      return List.copyOf(transcript);
    }
  }

  Response get(String path) {
    return send("GET " + path, HttpRequest.newBuilder(uri(path)).GET());
  }

  Response delete(String path) {
    return send("DELETE " + path, HttpRequest.newBuilder(uri(path)).DELETE());
  }

  Response post(String path, JsonNode body) {
    return send(
        "POST " + path,
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  Response put(String path, JsonNode body) {
    return send(
        "PUT " + path,
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A GET without credentials. */
  Response getAnonymously(String path) {
    return sendAs("GET " + path, HttpRequest.newBuilder(uri(path)).GET(), null);
  }

  // ------------------------------------------------------------------ Tacker resources

  Response registerKubernetesVim(
      String name, String authUrl, String bearerToken, String caPem, boolean isDefault) {
    ObjectNode vim = JSON.createObjectNode();
    vim.put("type", "kubernetes");
    vim.put("name", name);
    vim.put("description", "nfvflow integration test");
    vim.put("auth_url", authUrl);
    vim.putObject("vim_project").put("name", "default");
    ObjectNode cred = vim.putObject("auth_cred");
    cred.put("bearer_token", bearerToken);
    cred.put("ssl_ca_cert", caPem == null ? "None" : caPem);
    vim.put("is_default", isDefault);
    return post("/v1.0/vims", wrap("vim", vim));
  }

  /** An OpenStack VIM: Keystone v3 user and project, both in the domain {@code domain}. */
  Response registerOpenStackVim(
      String name,
      String authUrl,
      String username,
      String password,
      String project,
      String domain,
      boolean isDefault) {
    ObjectNode vim = JSON.createObjectNode();
    vim.put("type", "openstack");
    vim.put("name", name);
    vim.put("description", "nfvflow integration test");
    vim.put("auth_url", authUrl);
    ObjectNode cred = vim.putObject("auth_cred");
    cred.put("username", username);
    cred.put("password", password);
    cred.put("user_domain_name", domain);
    cred.put("cert_verify", "False");
    ObjectNode vimProject = vim.putObject("vim_project");
    vimProject.put("name", project);
    vimProject.put("project_domain_name", domain);
    vim.put("is_default", isDefault);
    return post("/v1.0/vims", wrap("vim", vim));
  }

  Response onboardVnfd(String name, String toscaYaml) {
    ObjectNode vnfd = JSON.createObjectNode();
    vnfd.put("name", name);
    vnfd.put("description", "nfvflow integration test");
    vnfd.putArray("service_types").addObject().put("service_type", "vnfd");
    vnfd.putObject("attributes").put("vnfd", toscaYaml);
    return post("/v1.0/vnfds", wrap("vnfd", vnfd));
  }

  Response createVnf(String name, String vnfdId, String vimId) {
    ObjectNode vnf = JSON.createObjectNode();
    vnf.put("name", name);
    vnf.put("description", "nfvflow integration test");
    vnf.put("vnfd_id", vnfdId);
    if (vimId != null) { // absent: the default VIM
      vnf.put("vim_id", vimId);
    }
    vnf.putObject("attributes").putObject("param_values");
    return post("/v1.0/vnfs", wrap("vnf", vnf));
  }

  /** POST /v1.0/vnfs/{id}/actions with a scale, as {@code tacker vnf-scale} sends it. */
  Response scale(String vnf, String type, String policy) {
    ObjectNode scale = JSON.createObjectNode();
    scale.put("type", type);
    scale.put("policy", policy);
    return post("/v1.0/vnfs/" + vnf + "/actions", wrap("scale", scale));
  }

  /** The VNF's status, or {@code "GONE"} once the API answers 404. */
  String vnfStatus(String vnfId) {
    Response r = get("/v1.0/vnfs/" + vnfId);
    if (r.status() == 404) {
      return "GONE";
    }
    if (r.status() != 200) {
      throw new IllegalStateException("unexpected answer " + r);
    }
    return r.text("/vnf/status");
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ObjectNode wrap(String key, ObjectNode object) {
    ObjectNode body = JSON.createObjectNode();
    body.set(key, object);
    return body;
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private Response send(String call, HttpRequest.Builder request) {
    return sendAs(call, request, authorization);
  }

  private Response sendAs(String call, HttpRequest.Builder request, String authorization) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> answer =
          http.send(
              request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofString());
      String raw = answer.body() == null ? "" : answer.body();
      Response response = new Response(call, answer.statusCode(), raw, parse(raw));
      synchronized (transcript) {
        transcript.add(response);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(call + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(call + " interrupted", e);
    }
  }

  private static JsonNode parse(String raw) {
    if (raw.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(raw);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
