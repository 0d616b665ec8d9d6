package io.nfvflow.vim.openstack;

import static io.nfvflow.vim.openstack.OpenStackFixtures.json;
import static io.nfvflow.vim.openstack.OpenStackFixtures.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nova's servers and Neutron's ports behind WireMock, answering with the recorded JSON of {@code
 * src/test/resources/openstack/}: {@code GET /servers/{id}}, {@code GET /servers/detail} (paged
 * like Nova: by {@code limit} and {@code marker}, at most {@link #maxLimit} a page, a {@code next}
 * link when a page is full) and {@code GET /v2.0/ports?id=...}. Tests put what exists with {@link
 * #put(Server)} and {@link #put(Port)}, and delete it behind nfvflow's back with {@link #remove}.
 */
final class FakeCompute implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-compute";

  private static final Pattern SERVER = Pattern.compile(".*/compute/v2.1/servers/([^/]+)$");
  private static final Pattern DETAIL = Pattern.compile(".*/compute/v2.1/servers/detail$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PORTS = Pattern.compile(".*/network/v2.0/ports$");

  private final Map<String, Server> servers = new ConcurrentHashMap<>();
  private final Map<String, Port> ports = new ConcurrentHashMap<>();
  private volatile String base = "";
  private volatile int maxLimit = 1000;

  /**
   * A Nova server.
   *
   * @param vdu its {@code nfvflow.io:vdu} metadata, or {@code null} for none
   * @param fault Nova's fault message, or {@code null}
   * @param vnf its {@code nfvflow.io:vnf-id} metadata, or {@code null} for a server not nfvflow's
   * @param updated Nova's {@code updated}
   */
  record Server(
      String id, String name, String status, String vdu, String fault, String vnf, String updated) {

    /** A server of the test VNF, last changed when the recorded one was. */
    Server(String id, String name, String status, String vdu, String fault) {
      this(id, name, status, vdu, fault, HotSamples.VNF_ID, "2026-12-01T15:14:32Z");
    }
  }

  /** A Neutron port bound to a server. */
  record Port(String id, String name, String device, String mac, List<String> addresses) {}

  void base(String base) {
    this.base = base;
  }

  void put(Server server) {
    servers.put(server.id(), server);
  }

  void put(Port port) {
    ports.put(port.id(), port);
  }

  /** Deletes a server or port outside nfvflow (Nova unbinds the ports of a deleted server). */
  void remove(String id) {
    if (servers.remove(id) != null) {
      ports.replaceAll(
          (pid, p) ->
              p.device().equals(id) ? new Port(p.id(), p.name(), "", p.mac(), p.addresses()) : p);
    }
    ports.remove(id);
  }

  /** Nova's {@code max_limit}: the longest page it answers, whatever the limit asked. */
  void maxLimit(int maxLimit) {
    this.maxLimit = maxLimit;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl().replaceFirst("\\?.*", "");
    Matcher m;
    if (DETAIL.matcher(path).matches()) {
      return FakeHeat.answer(200, page(event));
    }
    if ((m = SERVER.matcher(path)).matches()) {
      Server server = servers.get(m.group(1));
      return server == null
          ? FakeHeat.answer(
              404,
              "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance "
                  + m.group(1)
                  + " could not be found.\"}}")
          : FakeHeat.answer(200, show(server));
    }
    if (PORTS.matcher(path).matches()) {
      QueryParameter ids = event.getRequest().queryParameter("id");
      List<String> found = new ArrayList<>();
      for (String id : ids.isPresent() ? ids.values() : List.copyOf(ports.keySet())) {
        if (ports.containsKey(id)) {
          found.add(port(ports.get(id)));
        }
      }
      return FakeHeat.answer(200, "{\"ports\": [" + String.join(",\n", found) + "]}");
    }
    return FakeHeat.answer(404, "{\"error\": \"no " + path + "\"}");
  }

  /** One page of the listing, by id, as Nova pages: after the marker, at most the limit. */
  private String page(ServeEvent event) {
    QueryParameter limitParam = event.getRequest().queryParameter("limit");
    QueryParameter markerParam = event.getRequest().queryParameter("marker");
    int limit =
        Math.min(
            maxLimit,
            limitParam.isPresent() ? Integer.parseInt(limitParam.firstValue()) : maxLimit);
    String marker = markerParam.isPresent() ? markerParam.firstValue() : null;
    List<String> page =
        servers.keySet().stream()
            .sorted()
            .filter(id -> marker == null || id.compareTo(marker) > 0)
            .limit(limit)
            .toList();
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode listed = answer.putArray("servers");
    for (String id : page) {
      listed.add(read(show(servers.get(id))).path("server"));
    }
    if (page.size() == limit) {
      answer
          .putArray("servers_links")
          .addObject()
          .put("rel", "next")
          .put(
              "href",
              "%s/compute/v2.1/servers/detail?limit=%d&marker=%s"
                  .formatted(base, limit, page.get(page.size() - 1)));
    }
    return answer.toString();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String show(Server s) {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (s.vdu() != null) {
      metadata.put("nfvflow.io:vdu", s.vdu());
    }
    if (s.vnf() != null) {
      metadata.put("nfvflow.io:vnf-id", s.vnf());
    }
    List<Map<String, Object>> addresses = new ArrayList<>();
    ports.values().stream()
        .filter(p -> p.device().equals(s.id()))
        .forEach(
            p ->
                p.addresses()
                    .forEach(
                        a ->
                            addresses.add(
                                Map.of(
                                    "version",
                                    4,
                                    "addr",
                                    a,
                                    "OS-EXT-IPS:type",
                                    "fixed",
                                    "OS-EXT-IPS-MAC:mac_addr",
                                    p.mac()))));
    String fault =
        s.fault() == null
            ? ""
            : "\"fault\": {\"code\": 500, \"created\": \"2026-12-01T15:14:30Z\", \"message\": "
                + json(s.fault())
                + "}, ";
    return recorded(
        "nova-server.json",
        Map.of(
            "base", base,
            "id", s.id(),
            "name", s.name(),
            "status", s.status(),
            "updated", s.updated(),
            "vmState", s.status().toLowerCase(java.util.Locale.ROOT),
            "metadata", json(metadata),
            "addresses", json(Map.of("net_mgmt", addresses)),
            "fault", fault));
  }

  private String port(Port p) {
    List<Map<String, String>> fixedIps = new ArrayList<>();
    p.addresses()
        .forEach(
            a ->
                fixedIps.add(
                    Map.of("subnet_id", "76bd2897-8413-443d-aa34-b44392259597", "ip_address", a)));
    return recorded(
        "neutron-port.json",
        Map.of(
            "id", p.id(),
            "name", p.name(),
            "device", p.device(),
            "mac", p.mac(),
            "fixedIps", json(fixedIps),
            "tags", json(HeatTemplates.tags(HotSamples.VNF_ID))));
  }
}
