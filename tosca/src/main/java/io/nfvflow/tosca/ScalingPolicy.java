package io.nfvflow.tosca;

import java.util.List;

/**
 * A {@code tosca.policies.tacker.Scaling} policy.
 *
 * @param name the policy name, for example {@code SP1}
 * @param targets the VDU names it scales
 * @param minInstances {@code min_instances}
 * @param maxInstances {@code max_instances}
 * @param defaultInstances {@code default_instances}
 * @param increment {@code increment}
 * @param cooldown {@code cooldown} seconds, or {@code null}
 * @param targetCpuUtilizationPercentage {@code target_cpu_utilization_percentage}, or {@code null}
 */
public record ScalingPolicy(
    String name,
    List<String> targets,
    int minInstances,
    int maxInstances,
    int defaultInstances,
    int increment,
    Integer cooldown,
    Integer targetCpuUtilizationPercentage) {

  public ScalingPolicy {
    targets = List.copyOf(targets);
  }
}
