package io.nfvflow.vim.openstack;

import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.VimResource;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.openstack.StackServers.NeutronPort;
import io.nfvflow.vim.openstack.StackServers.NovaServer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.openstack.heat.domain.HeatResourceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first half of a heal on OpenStack, as Tacker's {@code vdu_autoheal} did it: Heat's resources
 * are marked unhealthy ({@code CHECK_FAILED}), and the stack update that follows ({@link
 * HeatStacks#heal}) replaces them. Unlike Tacker, a server inside a scaling group is found too: it
 * is marked in the member stack that holds it, which is where Heat addresses it.
 */
final class HeatHealing {

  private static final Logger LOG = LoggerFactory.getLogger(HeatHealing.class);

  private final OpenStackClients clients;
  private final HeatStacks stacks;
  private final StackServers servers;

  HeatHealing(OpenStackClients clients, HeatStacks stacks, StackServers servers) {
    this.clients = clients;
    this.stacks = stacks;
    this.servers = servers;
  }

  /**
   * Marks unhealthy what the next stack update must replace:
   *
   * <ul>
   *   <li>each server of {@code serverIds} that is still in the stack (found by physical id in the
   *       stack or its nested stacks; one that is not, was replaced already and is skipped), and
   *       the ports of its stack bound to it: those its server references in Heat (which still
   *       holds when Nova deleted the server and Neutron unbound the port) or whose {@code
   *       device_id} is it. Heat then replaces the server and its ports, so no port of the failed
   *       server stays;
   *   <li>whatever was chosen, every server of the stack that Nova no longer knows, and every port
   *       that Neutron no longer knows: Heat's update would leave the server missing (it does not
   *       look at what exists), and would fail on the port ("Unable to find port with name or id"
   *       while validating the server that uses it); marked, both are recreated (checked on the
   *       sandbox, OpenStack Zed).
   * </ul>
   *
   * A resource marked already is not marked again, so a re-run after a crash changes nothing. No
   * stack (or one being deleted): nothing to mark; the update creates it afresh (or refuses).
   *
   * @param reason Heat's {@code resource_status_reason} of each mark, for an operator
   * @return the resources marked by this call
   * @throws VimException TRANSIENT while Heat has locked a resource (it is working on the stack)
   */
  List<StackResource> markUnhealthy(VnfOnVim vnf, Collection<String> serverIds, String reason) {
    VimConnection vim = vnf.vim();
    String name = HeatTemplates.stackName(vnf.vnfId());
    Optional<StackState> found = stacks.find(vim, name).filter(s -> !s.deleting());
    if (found.isEmpty()) {
      return List.of();
    }
    StackState stack = found.get();
    if (!stack.ownedBy(vnf.vnfId())) {
      throw new VimException(
          Kind.REJECTED,
          "Heat stack %s is not owned by VNF %s (no tag %s)"
              .formatted(name, vnf.vnfId(), HeatStacks.ownerTag(vnf.vnfId())));
    }
    List<StackResource> resources = stacks.listing(vim, stack);
    List<StackResource> doomed = doomed(vim, name, resources, Set.copyOf(serverIds));
    List<StackResource> marked = new ArrayList<>();
    for (StackResource resource : doomed) {
      if (!resource.marked()) {
        mark(vim, resource, reason);
        marked.add(resource);
      }
    }
    return marked;
  }

  /** The servers and ports the update must replace, servers first, each once. */
  private List<StackResource> doomed(
      VimConnection vim, String name, List<StackResource> resources, Set<String> chosen) {
    List<StackResource> ports = created(resources, StackServers.PORT);
    List<NeutronPort> known = servers.ports(vim, name, vimResources(ports));
    Set<String> knownIds = known.stream().map(NeutronPort::id).collect(Collectors.toSet());
    Map<String, String> serverOfPort =
        known.stream()
            .filter(p -> !p.server().isBlank())
            .collect(Collectors.toMap(NeutronPort::id, NeutronPort::server, (a, b) -> a));
    Set<String> gone =
        servers.servers(vim, name, vimResources(created(resources, StackServers.SERVER))).stream()
            .filter(NovaServer::missing)
            .map(NovaServer::id)
            .collect(Collectors.toSet());
    Set<StackResource> doomed = new LinkedHashSet<>();
    for (StackResource server : created(resources, StackServers.SERVER)) {
      if (chosen.contains(server.physicalId()) || gone.contains(server.physicalId())) {
        doomed.add(server);
        ports.stream().filter(p -> boundTo(p, server, serverOfPort)).forEach(doomed::add);
      }
    }
    ports.stream().filter(p -> !knownIds.contains(p.physicalId())).forEach(doomed::add);
    return List.copyOf(doomed);
  }

  private static boolean boundTo(
      StackResource port, StackResource server, Map<String, String> serverOfPort) {
    boolean sameStack = port.stack() != null && port.stack().equals(server.stack());
    return sameStack
        && (port.requiredBy().contains(server.name())
            || server.physicalId().equals(serverOfPort.get(port.physicalId())));
  }

  private void mark(VimConnection vim, StackResource resource, String reason) {
    if (resource.stack() == null) {
      throw new VimException(
          Kind.REJECTED,
          "Heat gave no stack for resource %s (%s): it cannot be marked unhealthy"
              .formatted(resource.name(), resource.physicalId()));
    }
    String[] stack = resource.stack().split("/");
    String action =
        "mark resource %s (%s) of Heat stack %s unhealthy"
            .formatted(resource.name(), resource.physicalId(), stack[0]);
    clients.call(
        vim,
        action,
        os -> {
          ActionResponse response =
              os.heat()
                  .resources()
                  .markUnhealthy(
                      stack[0],
                      stack[1],
                      resource.name(),
                      HeatResourceHealth.builder()
                          .markUnhealthy(true)
                          .resourceStatusReason(reason)
                          .build());
          if (response != null && !response.isSuccess() && response.getCode() == 409) {
            // Heat holds the resource's lock while it works on it: later, it is free again
            throw new VimException(
                Kind.TRANSIENT, "%s: %s (HTTP 409)".formatted(action, response.getFault()));
          }
          OpenStackErrors.check(action, response);
          return null;
        });
    LOG.info(
        "Heat stack {}: resource {} ({}) marked unhealthy",
        stack[0],
        resource.name(),
        resource.physicalId());
  }

  private static List<StackResource> created(List<StackResource> resources, String type) {
    return resources.stream().filter(r -> r.isA(type) && r.created()).toList();
  }

  private static List<VimResource> vimResources(List<StackResource> resources) {
    return resources.stream().map(StackResource::toVimResource).toList();
  }
}
