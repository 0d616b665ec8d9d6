package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Finding;
import io.nfvflow.vim.openstack.StackServers.NeutronPort;
import io.nfvflow.vim.openstack.StackServers.NovaServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is wrong with a VNF's stack, as {@link Finding}s: the stack failed (VNF), a server in ERROR
 * or SHUTOFF or gone (INSTANCE, scaling group members included), a port gone (VNF: drift). Pure:
 * the cloud was read before.
 */
final class StackDiagnosis {

  /** Nova statuses of a server that will not recover by itself. */
  private static final Set<String> FAILED = Set.of("ERROR", "SHUTOFF");

  private StackDiagnosis() {}

  /** The one finding when there is no stack of the VNF. */
  static Finding missing(String stack) {
    return Finding.drift(null, "Heat stack %s is missing".formatted(stack), null);
  }

  static List<Finding> of(
      VnfDescriptor descriptor,
      StackState stack,
      List<StackResource> resources,
      List<NovaServer> servers,
      List<NeutronPort> ports) {
    List<Finding> findings = new ArrayList<>();
    if (stack.failed()) {
      findings.add(
          Finding.drift(
              null,
              "Heat stack %s is %s".formatted(stack.name(), stack.describe()),
              stack.updated()));
    }
    servers.forEach(server -> server(server).ifPresent(findings::add));
    Set<String> known = ports.stream().map(NeutronPort::id).collect(Collectors.toSet());
    for (StackResource port : resources) {
      if (port.isA(StackServers.PORT) && port.created() && !known.contains(port.physicalId())) {
        findings.add(
            Finding.drift(
                vduOf(descriptor, port.name()),
                "port %s (%s) is missing".formatted(port.name(), port.physicalId()),
                null));
      }
    }
    return findings;
  }

  private static Optional<Finding> server(NovaServer server) {
    if (server.missing()) {
      return Optional.of(
          Finding.instance(
              server.vdu(),
              server.id(),
              "server %s of %s is gone (Nova does not know it)"
                  .formatted(server.id(), server.vdu()),
              null));
    }
    if (!FAILED.contains(server.status())) {
      return Optional.empty();
    }
    String reason =
        "server %s of %s is %s".formatted(server.label(), server.vdu(), server.status());
    if ("ERROR".equals(server.status())) {
      reason += ": " + (server.fault() == null ? "Nova gave no fault" : server.fault());
    }
    return Optional.of(Finding.instance(server.vdu(), server.id(), reason, server.updated()));
  }

  /** The VDU a connection point binds to, when the descriptor says. */
  private static String vduOf(VnfDescriptor descriptor, String cp) {
    if (descriptor == null) {
      return null;
    }
    return descriptor.connectionPoints().stream()
        .filter(c -> c.name().equals(cp))
        .map(ConnectionPoint::vdu)
        .findFirst()
        .orElse(null);
  }
}
