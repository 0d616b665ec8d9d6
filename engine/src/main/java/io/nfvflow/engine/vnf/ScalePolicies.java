package io.nfvflow.engine.vnf;

import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.tosca.AlarmTrigger;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Finding a VNF's scaling policy and computing a scale's target within the policy's bounds. */
final class ScalePolicies {

  private ScalePolicies() {}

  /**
   * The Scaling policy of that name.
   *
   * @throws TackerException 400 when the name is another kind of policy, 404 when unknown
   */
  static ScalingPolicy find(VnfDescriptor descriptor, String name, VnfEntity vnf) {
    for (ScalingPolicy policy : descriptor.scalingPolicies()) {
      if (policy.name().equals(name)) {
        return policy;
      }
    }
    if (descriptor.alarmTriggers().stream()
        .map(AlarmTrigger::alarmingPolicy)
        .anyMatch(name::equals)) {
      throw TackerException.badRequest(
          "VnfPolicyTypeInvalid",
          "Policy %s of VNF %s is a tosca.policies.tacker.Alarming policy, not a"
                  .formatted(name, vnf.name)
              + " tosca.policies.tacker.Scaling policy: scale by a scaling policy's name");
    }
    String known =
        descriptor.scalingPolicies().isEmpty()
            ? "its VNFD has no scaling policy"
            : "its scaling policies: "
                + descriptor.scalingPolicies().stream()
                    .map(ScalingPolicy::name)
                    .collect(Collectors.joining(", "));
    throw new TackerException(
        HttpStatus.NOT_FOUND,
        "VnfPolicyNotFound",
        "Policy %s does not exist for VNF %s (%s)".formatted(name, vnf.name, known));
  }

  /**
   * The instances after one step of {@code increment} out or in, clamped to the bounds (as Heat's
   * scaling groups do); a VNF already at the bound gets a 409 that names it.
   */
  static int target(ScalingPolicy policy, int current, boolean out, VnfEntity vnf) {
    if (out && current >= policy.maxInstances()) {
      throw TackerException.conflict(
          "VnfScaleOutOfBounds",
          "VNF %s cannot scale out by policy %s: it runs %d instances, max_instances is %d"
              .formatted(vnf.name, policy.name(), current, policy.maxInstances()));
    }
    if (!out && current <= policy.minInstances()) {
      throw TackerException.conflict(
          "VnfScaleOutOfBounds",
          "VNF %s cannot scale in by policy %s: it runs %d instances, min_instances is %d"
              .formatted(vnf.name, policy.name(), current, policy.minInstances()));
    }
    int step = Math.max(1, policy.increment());
    return out
        ? Math.min(policy.maxInstances(), current + step)
        : Math.max(policy.minInstances(), current - step);
  }
}
