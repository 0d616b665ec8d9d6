package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VnfInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every server nfvflow owns in a VIM's project, in one paged listing of Nova's {@code GET
 * /servers/detail}: the periodic look for failed and gone servers costs a request per page of the
 * project, never one per VNF. A server is nfvflow's when its metadata has {@link
 * HotServers#VNF_ID_KEY} (Heat puts it there from the template; scaling group members too).
 */
final class ServerSurvey {

  /** Nova's default {@code max_limit}; a cloud configured lower answers shorter pages. */
  static final int PAGE = 1000;

  private static final Comparator<VnfInstance> BY_VDU_THEN_NAME =
      Comparator.comparing(VnfInstance::vdu, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(VnfInstance::name, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final OpenStackClients clients;

  ServerSurvey(OpenStackClients clients) {
    this.clients = clients;
  }

  /**
   * nfvflow's servers in the VIM's project by VNF id, each VNF's sorted by VDU then name: Nova's
   * status and addresses, no ports (Nova's listing has none; observing a VNF gives them).
   */
  Map<String, List<VnfInstance>> survey(VimConnection vim) {
    return clients.call(
        vim,
        "list the Nova servers of project " + vim.projectName(),
        os -> {
          Map<String, List<VnfInstance>> byVnf = new TreeMap<>();
          Set<String> markers = new HashSet<>();
          String marker = null;
          while (true) {
            JsonNode page = OpenStackCalls.serverPage(PAGE, marker);
            JsonNode servers = page == null ? null : page.path("servers");
            if (servers == null || servers.isEmpty()) {
              break;
            }
            servers.forEach(server -> add(byVnf, server));
            if (!hasNext(page)) {
              break;
            }
            marker = servers.get(servers.size() - 1).path("id").asText();
            if (!markers.add(marker)) {
              throw new VimException(
                  VimException.Kind.TRANSIENT,
                  "Nova's server listing returned the page after " + marker + " twice");
            }
          }
          byVnf.replaceAll(
              (vnf, instances) -> instances.stream().sorted(BY_VDU_THEN_NAME).toList());
          return byVnf;
        });
  }

  private static void add(Map<String, List<VnfInstance>> byVnf, JsonNode server) {
    JsonNode metadata = server.path("metadata");
    String vnf = metadata.path(HotServers.VNF_ID_KEY).asText("");
    if (vnf.isBlank()) {
      return;
    }
    byVnf
        .computeIfAbsent(vnf, v -> new ArrayList<>())
        .add(
            new VnfInstance(
                metadata.path(HotServers.VDU_KEY).asText(null),
                server.path("id").asText(),
                server.path("name").asText(null),
                server.path("status").asText(null),
                addresses(server.path("addresses")),
                Map.of()));
  }

  /** Every address of every network, in Nova's order. */
  private static List<String> addresses(JsonNode byNetwork) {
    List<String> addresses = new ArrayList<>();
    byNetwork.forEach(
        network ->
            network.forEach(
                address -> {
                  String addr = address.path("addr").asText("");
                  if (!addr.isBlank()) {
                    addresses.add(addr);
                  }
                }));
    return addresses;
  }

  /** Nova links the next page only when this one is full. */
  private static boolean hasNext(JsonNode page) {
    for (JsonNode link : page.path("servers_links")) {
      if ("next".equals(link.path("rel").asText())) {
        return true;
      }
    }
    return false;
  }
}
