package io.nfvflow.vim.openstack;

import static io.nfvflow.vim.openstack.HotTemplate.getParam;
import static io.nfvflow.vim.openstack.HotTemplate.getResource;
import static io.nfvflow.vim.openstack.HotTemplate.ordered;

import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VmVdu;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code tosca.policies.tacker.Scaling} policy as Heat: the targeted VDUs (with their ports) form
 * one nested template, and an {@code OS::Heat::AutoScalingGroup} runs as many copies of it as the
 * stack parameter {@code <policy>_desired_capacity} says.
 *
 * <p>Unlike Tacker there are no {@code OS::Heat::ScalingPolicy} resources: a signal is relative
 * ("one more"), so a signal retried after a crash scales twice. nfvflow scales by a stack update
 * that sets the parameter to the absolute target instead; a retried update asks for the same
 * number. The parameter has no default, so an update that forgets it fails instead of silently
 * resetting the VNF to its initial size.
 */
final class HotScaling {

  private static final String GROUP = "OS::Heat::AutoScalingGroup";

  private HotScaling() {}

  /** The nested template's file name, as the group's resource type and the stack's files key. */
  static String nestedFile(ScalingPolicy policy) {
    return policy.name() + "_res.yaml";
  }

  /**
   * Adds the group and its capacity parameter to the top-level template and returns the nested
   * template.
   *
   * @return the nested template's file name and YAML
   */
  static Map.Entry<String, String> add(HotTemplate top, HotVnf vnf, ScalingPolicy policy) {
    if (policy.targetCpuUtilizationPercentage() != null) {
      throw ToscaException.unsupported(
          policy.name(),
          "target_cpu_utilization_percentage",
          "CPU-driven autoscaling is only supported for container VDUs; on OpenStack, scale"
              + " through the scale API");
    }
    HotTemplate nested = new HotTemplate();
    HotRefs refs = HotRefs.nested();
    List<VmVdu> targets = targets(vnf, policy);
    for (VmVdu vdu : targets) {
      refuseFixedAddresses(vnf, vdu, policy);
      HotServers.add(nested, refs, vnf, vdu);
    }
    for (String name : refs.passedIn()) {
      nested.parameter(name, "The top-level stack's " + name);
    }
    String description =
        "One instance of scaling policy "
            + policy.name()
            + ": "
            + String.join(", ", targets.stream().map(VmVdu::name).toList());
    top.numberParameter(
        HeatTemplates.capacityParameter(policy.name()),
        "How many instances of " + policy.name() + " run (set by nfvflow on create and scale)",
        policy.minInstances(),
        policy.maxInstances());
    top.resource(
        policy.name(), HeatTemplates.scalingGroup(policy.name()), GROUP, group(policy, refs));
    return Map.entry(nestedFile(policy), HotYaml.write(nested.toMap(description)));
  }

  /**
   * The targets in descriptor order, so the nested template does not depend on how they were
   * listed.
   */
  private static List<VmVdu> targets(HotVnf vnf, ScalingPolicy policy) {
    return vnf.vdus().stream().filter(vdu -> policy.targets().contains(vdu.name())).toList();
  }

  private static Map<String, Object> group(ScalingPolicy policy, HotRefs refs) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String name : refs.passedIn()) {
      properties.put(name, getResource(name));
    }
    return ordered(
        "min_size", policy.minInstances(),
        "max_size", policy.maxInstances(),
        "desired_capacity", getParam(HeatTemplates.capacityParameter(policy.name())),
        "resource",
            ordered(
                "type",
                nestedFile(policy),
                "properties",
                properties.isEmpty() ? null : properties));
  }

  /** Every member of the group would ask for the same MAC or IP: only the first would get it. */
  private static void refuseFixedAddresses(HotVnf vnf, VmVdu vdu, ScalingPolicy policy) {
    if (policy.maxInstances() < 2) {
      return;
    }
    for (ConnectionPoint cp : vnf.ports(vdu)) {
      String property = cp.macAddress() != null ? "mac_address" : "ip_address";
      if (cp.macAddress() != null || cp.ipAddress() != null) {
        throw ToscaException.invalid(
            cp.name(),
            property,
            "a fixed address cannot be given to a port of "
                + vdu.name()
                + ", which scaling policy "
                + policy.name()
                + " runs up to "
                + policy.maxInstances()
                + " times");
      }
    }
  }
}
