package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VnfOnVim;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translates the VM VDUs of a TOSCA descriptor into a Heat (HOT) stack. Pure: no cloud calls; the
 * cloud's flavors come in as an argument.
 *
 * <p>The templates have no outputs: the driver reads servers, addresses and ports from Heat's
 * resource list, Nova and Neutron. An output over a scaling group ({@code outputs_list}) would make
 * Heat load every member stack on each look at the stack, and the wait looks often.
 *
 * <p>Resource names are the TOSCA node names (VDU → server, CP → port, VL with a cidr → net), plus
 * {@code <VL>_subnet}, {@code <VDU>_image} and {@code <SP>_group}; a scaling group's size is the
 * stack parameter {@code <SP>_desired_capacity} ({@link #parameters}). The same descriptor always
 * gives the same text.
 */
public final class HeatTemplates {

  private HeatTemplates() {}

  /** Stack name for a VNF: {@code "nfvflow-" + vnfId} (Heat names must start with a letter). */
  public static String stackName(String vnfId) {
    return "nfvflow-" + vnfId;
  }

  /** Tags that mark ownership: {@code nfvflow} and {@code "nfvflow-vnf-" + vnfId}. */
  public static List<String> tags(String vnfId) {
    return List.of("nfvflow", "nfvflow-vnf-" + vnfId);
  }

  /** The {@code OS::Heat::AutoScalingGroup} of a scaling policy: {@code <policy>_group}. */
  public static String scalingGroup(String policy) {
    return policy + "_group";
  }

  /** The stack parameter holding a scaling group's size: {@code <policy>_desired_capacity}. */
  public static String capacityParameter(String policy) {
    return policy + "_desired_capacity";
  }

  /**
   * The stack parameters for a VNF's desired state: each scaling policy's desired capacity (an
   * absolute number, so that sending them twice scales once).
   */
  public static Map<String, Integer> parameters(VnfOnVim vnf) {
    Map<String, Integer> parameters = new TreeMap<>();
    for (ScalingPolicy policy : vnf.descriptor().scalingPolicies()) {
      parameters.put(capacityParameter(policy.name()), vnf.instances(policy));
    }
    return parameters;
  }

  /**
   * Translates the VM VDUs of a descriptor.
   *
   * @param flavors the cloud's flavors, used when a VDU gives {@code nfv_compute} instead of {@code
   *     flavor}
   * @throws ToscaException naming the node when the descriptor cannot become a Heat stack: a
   *     container VDU, no flavor that fits (the message lists the flavors that exist), or a
   *     combination Heat cannot express
   */
  public static HeatStack translate(
      String vnfId, VnfDescriptor descriptor, List<FlavorInfo> flavors) {
    HotVnf vnf = HotVnf.of(vnfId, descriptor, flavors);
    HotTemplate top = new HotTemplate();
    HotNetworks.add(top, vnf);
    for (VmVdu vdu : vnf.vdus()) {
      if (vdu.imageUrl() != null) {
        HotServers.addImage(top, vnf, vdu);
      }
    }
    for (VmVdu vdu : vnf.vdus()) {
      if (!vnf.isScaled(vdu)) {
        HotServers.add(top, HotRefs.topLevel(), vnf, vdu);
      }
    }
    Map<String, String> files = new TreeMap<>();
    for (ScalingPolicy policy : descriptor.scalingPolicies()) {
      Map.Entry<String, String> nested = HotScaling.add(top, vnf, policy);
      files.put(nested.getKey(), nested.getValue());
    }
    String template = HotYaml.write(top.toMap(descriptor.description()));
    return new HeatStack(stackName(vnfId), template, files, tags(vnfId));
  }
}
