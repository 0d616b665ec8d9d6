package io.nfvflow.vim;

import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import java.util.Map;
import java.util.Optional;

/**
 * A VNF as a driver sees it for one call: where it runs, what it is, and the instantiated state the
 * driver converges the VIM to. Lives only for one step; never stored in a process variable.
 *
 * @param vim the VIM, secrets decrypted
 * @param vnfId the VNF's id (the value of every ownership label and tag)
 * @param descriptor the VNF's descriptor, {@code get_input} resolved
 * @param floors per scaling policy name, the operator's level when an autoscaler scaled the VNF
 *     since (see {@link #floor}); no entry: the level in {@code scale}
 * @param scale the desired number of instances per scaling policy name. A policy without an entry
 *     runs its {@link #initialInstances initial} count. During a scale this is already the
 *     operation's target (written before any VIM call, so a retried step aims at the same number);
 *     during its rollback it is the level before the scale.
 */
public record VnfOnVim(
    VimConnection vim,
    String vnfId,
    VnfDescriptor descriptor,
    Map<String, Integer> scale,
    Map<String, Integer> floors) {

  public VnfOnVim {
    scale = Map.copyOf(scale);
    floors = Map.copyOf(floors);
  }

  /** A VNF whose autoscalers' floors are its levels (no autoscaler scaled it). */
  public VnfOnVim(
      VimConnection vim, String vnfId, VnfDescriptor descriptor, Map<String, Integer> scale) {
    this(vim, vnfId, descriptor, scale, Map.of());
  }

  /**
   * The lowest count an autoscaler of the policy's targets may go to: the operator's last level (a
   * scale, or the initial count). An autoscaler's own scaling changes {@link #instances} but not
   * this floor, so applying the VNF again neither pins the autoscaler at its peak nor undoes it.
   */
  public int floor(ScalingPolicy policy) {
    Integer stored = floors.get(policy.name());
    return stored != null ? clamp(policy, stored) : instances(policy);
  }

  /** A VNF at its initial scale (no instantiated state yet). */
  public VnfOnVim(VimConnection vim, String vnfId, VnfDescriptor descriptor) {
    this(vim, vnfId, descriptor, Map.of());
  }

  /** The desired number of instances of a scaling policy's targets. */
  public int instances(ScalingPolicy policy) {
    Integer stored = scale.get(policy.name());
    return stored != null ? clamp(policy, stored) : initialInstances(policy);
  }

  /**
   * The desired number of instances of a VDU: its scaling policy's count, else 1.
   *
   * @param vdu the VDU's node name
   */
  public int instances(String vdu) {
    return policy(vdu).map(this::instances).orElse(1);
  }

  /** The scaling policy that targets a VDU, if any. */
  public Optional<ScalingPolicy> policy(String vdu) {
    return descriptor.scalingPolicyFor(vdu);
  }

  /**
   * A new VNF's count: {@code default_instances} clamped to {@code [min_instances, max_instances]}.
   */
  public static int initialInstances(ScalingPolicy policy) {
    return clamp(policy, policy.defaultInstances());
  }

  private static int clamp(ScalingPolicy policy, int n) {
    return Math.max(policy.minInstances(), Math.min(policy.maxInstances(), n));
  }
}
