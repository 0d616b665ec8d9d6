package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openstack4j.model.compute.Server;

/**
 * The servers and ports of a VNF's stack. Heat's resource list (nested stacks included) says which
 * they are and which connection point each port is (its resource name); Nova gives each server's
 * status, name and VDU, Neutron each port's server and addresses. No project-wide listing: the cost
 * grows with the VNF, not with the project.
 *
 * <p>Servers are asked for one by one: Nova has no filter by several ids that a project member may
 * use (it drops {@code uuid} silently for non-admins and lists the whole project), and its name
 * filter cannot select a stack's servers, because Heat shortens the names of servers in nested
 * stacks ({@code os-akkutb-4635n7trqmoz-...-VDU1-...}). Both checked on OpenStack Zed.
 */
final class StackServers {

  static final String SERVER = "OS::Nova::Server";
  static final String PORT = "OS::Neutron::Port";

  private final OpenStackClients clients;

  StackServers(OpenStackClients clients) {
    this.clients = clients;
  }

  /**
   * One server of the stack as Nova shows it.
   *
   * @param id the server's id
   * @param name Nova's name of it, or {@code null} when Nova does not know the server
   * @param status Nova's status ({@code ACTIVE}, {@code BUILD}, {@code ERROR}...), or {@code null}
   *     when Nova does not know the server
   * @param vdu the VDU it runs: its metadata {@code nfvflow.io:vdu}, else its Heat resource name
   * @param fault Nova's fault message of a server in ERROR, or {@code null}
   * @param updated when Nova last changed the server (its {@code updated}: a change of state sets
   *     it), or {@code null}
   */
  record NovaServer(
      String id, String name, String status, String vdu, String fault, Instant updated) {

    boolean missing() {
      return status == null;
    }

    /** Its name, or its id when Nova does not know it. */
    String label() {
      return name != null ? name : id;
    }
  }

  /**
   * One port of the stack.
   *
   * @param id the Neutron port id
   * @param cp the connection point it realises (its Heat resource name)
   * @param server the server it is bound to ({@code device_id}), or empty
   * @param addresses its fixed IPs, in Neutron's order
   */
  record NeutronPort(String id, String cp, String server, List<String> addresses) {

    NeutronPort {
      addresses = List.copyOf(addresses);
    }
  }

  /** The stack's servers (Heat's {@code OS::Nova::Server} resources) as Nova shows them. */
  List<NovaServer> servers(VimConnection vim, String stack, List<VimResource> resources) {
    List<VimResource> servers = ofType(resources, SERVER);
    if (servers.isEmpty()) {
      return List.of();
    }
    return clients.call(
        vim,
        "look up the Nova servers of Heat stack " + stack,
        os -> {
          List<NovaServer> found = new ArrayList<>();
          for (VimResource resource : servers) {
            found.add(server(resource, os.compute().servers().get(resource.id())));
          }
          return found;
        });
  }

  /** The stack's ports (Heat's {@code OS::Neutron::Port} resources), in one Neutron request. */
  List<NeutronPort> ports(VimConnection vim, String stack, List<VimResource> resources) {
    Map<String, String> cpById = new LinkedHashMap<>();
    ofType(resources, PORT).forEach(r -> cpById.put(r.id(), r.name()));
    if (cpById.isEmpty()) {
      return List.of();
    }
    JsonNode answer =
        clients.call(
            vim,
            "list the Neutron ports of Heat stack " + stack,
            os -> OpenStackCalls.ports(cpById.keySet()));
    List<NeutronPort> ports = new ArrayList<>();
    for (JsonNode port : answer == null ? List.<JsonNode>of() : answer.path("ports")) {
      String id = port.path("id").asText();
      List<String> addresses = new ArrayList<>();
      port.path("fixed_ips").forEach(ip -> addresses.add(ip.path("ip_address").asText()));
      if (cpById.containsKey(id)) {
        ports.add(
            new NeutronPort(id, cpById.get(id), port.path("device_id").asText(""), addresses));
      }
    }
    return ports;
  }

  private static NovaServer server(VimResource resource, Server server) {
    if (server == null) {
      return new NovaServer(resource.id(), null, null, resource.name(), null, null);
    }
    Map<String, String> metadata = server.getMetadata() == null ? Map.of() : server.getMetadata();
    return new NovaServer(
        server.getId(),
        server.getName(),
        server.getStatus() == null ? "UNKNOWN" : server.getStatus().name(),
        metadata.getOrDefault(HotServers.VDU_KEY, resource.name()),
        server.getFault() == null ? null : server.getFault().getMessage(),
        server.getUpdated() == null ? null : server.getUpdated().toInstant());
  }

  /** Resources of a type that exist (a resource not created yet has no physical id). */
  private static List<VimResource> ofType(List<VimResource> resources, String type) {
    return resources.stream()
        .filter(r -> type.equals(r.type()) && r.id() != null && !r.id().isBlank())
        .toList();
  }
}
