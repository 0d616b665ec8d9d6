package io.nfvflow.tosca.vnffg;

import java.util.List;

/**
 * One forwarding path (an FP node): the NFP and the port chain it becomes.
 *
 * @param name the FP node's name (the NFP's name)
 * @param group the VNFFG group whose member it is
 * @param pathId {@code properties.id} (networking-sfc's {@code chain_id}), or {@code null} to let
 *     networking-sfc allocate one
 * @param symmetrical {@code properties.symmetrical} (default false)
 * @param correlation {@code properties.correlation}: {@code mpls} (default) or {@code nsh}
 * @param hops the VNFs the path passes through, in order (two consecutive path entries with the
 *     same forwarder are one hop: ingress then egress)
 * @param classifiers the flow classifiers (TackerV2: one per criteria entry; legacy: one from all
 *     entries when each entry is one criterion of its own key, the original shape, else one per
 *     entry as Tacker 8.0.0 reads them); empty for a path without a policy
 */
public record ForwardingPath(
    String name,
    String group,
    Integer pathId,
    boolean symmetrical,
    String correlation,
    List<Hop> hops,
    List<Classifier> classifiers) {

  public ForwardingPath {
    hops = List.copyOf(hops);
    classifiers = List.copyOf(classifiers);
  }
}
