package io.nfvflow.engine.vnffg;

import io.nfvflow.chain.ChainException;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.engine.vnf.InstantiatedState;
import io.nfvflow.engine.vnf.VnfDescriptors;
import io.nfvflow.engine.vnf.VnfEntity;
import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.tosca.vnffg.Hop;
import io.nfvflow.vim.VnfInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A hop's port pairs: one per instance of the VNF (pod, server), read from the VNF's instantiated
 * state — Heat's ports for VMs, Kuryr's for pods. An instance without a port for the hop's
 * connection points yet (a pod Kuryr has not wired) is left out until it has one.
 */
@Component
class ChainHops {

  private final InstantiatedState state;
  private final VnfDescriptors descriptors;

  ChainHops(InstantiatedState state, VnfDescriptors descriptors) {
    this.state = state;
    this.descriptors = descriptors;
  }

  /** The connection point of a VNF's descriptor, if it has one of that name. */
  static Optional<ConnectionPoint> cp(VnfDescriptor descriptor, String name) {
    return descriptor.connectionPoints().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * @throws ChainException when no instance of the VNF has the hop's ports
   */
  ChainPlan.Group group(int index, Hop hop, VnfEntity vnf, String correlation) {
    VnfDescriptor descriptor = descriptors.of(vnf);
    ConnectionPoint ingress =
        cp(descriptor, hop.ingress()).orElseThrow(() -> missingCp(vnf, hop.ingress()));
    cp(descriptor, hop.egress()).orElseThrow(() -> missingCp(vnf, hop.egress()));
    List<ChainPlan.Pair> pairs = new ArrayList<>();
    List<String> unwired = new ArrayList<>();
    for (VnfInstance i : state.stored(vnf.id())) {
      if (!i.vdu().equals(ingress.vdu())) {
        continue;
      }
      String in = i.ports().get(hop.ingress());
      String out = i.ports().get(hop.egress());
      if (in == null || out == null) {
        unwired.add(i.name());
        continue;
      }
      pairs.add(new ChainPlan.Pair(i.id(), i.name(), in, out, correlation));
    }
    if (pairs.isEmpty()) {
      throw new ChainException(
          "VNF %s has no Neutron port for connection point %s on any instance%s"
              .formatted(
                  vnf.name(),
                  hop.ingress(),
                  unwired.isEmpty()
                      ? " (it has no instance of VDU " + ingress.vdu() + ")"
                      : " (instances without one: "
                          + String.join(", ", unwired)
                          + "; a pod's port comes from Kuryr's openstack.org/kuryr-vif record)"));
    }
    return new ChainPlan.Group(index, vnf.id(), vnf.name(), pairs);
  }

  private static ChainException missingCp(VnfEntity vnf, String cp) {
    return new ChainException(
        "VNF %s's descriptor has no connection point %s".formatted(vnf.name(), cp));
  }
}
