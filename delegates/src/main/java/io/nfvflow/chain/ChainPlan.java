package io.nfvflow.chain;

import io.nfvflow.tosca.vnffg.FlowMatch;
import java.util.List;

/**
 * What one VNFFG should be on networking-sfc. Every object's name derives from nfvflow ids ({@link
 * ChainNames}), and every object's description carries the owner marker {@link ChainNames#owner},
 * so steps find what they made by listing, never by remembering.
 *
 * @param vnffgId the VNFFG's id
 * @param vnffgName its name (for descriptions people read)
 * @param neutronVimId the OpenStack VIM whose Neutron holds every port of the chain
 * @param paths one entry per NFP
 */
public record ChainPlan(String vnffgId, String vnffgName, String neutronVimId, List<Path> paths) {

  public ChainPlan {
    paths = List.copyOf(paths);
  }

  /**
   * This plan without the port pairs of some instances of one VNF: what the chain converges to
   * before an operation removes those instances (see {@link ChainInventory#plansWithout}).
   */
  public ChainPlan without(String vnfId, java.util.Set<String> instanceIds) {
    List<Path> kept = new java.util.ArrayList<>();
    for (Path p : paths) {
      List<Group> groups =
          p.groups().stream()
              .map(
                  g ->
                      !g.vnfId().equals(vnfId)
                          ? g
                          : new Group(
                              g.index(),
                              g.vnfId(),
                              g.vnfName(),
                              g.pairs().stream()
                                  .filter(pair -> !instanceIds.contains(pair.instanceId()))
                                  .toList()))
              .toList();
      kept.add(
          new Path(
              p.nfpId(),
              p.name(),
              p.pathId(),
              p.symmetrical(),
              p.correlation(),
              groups,
              p.classifiers()));
    }
    return new ChainPlan(vnffgId, vnffgName, neutronVimId, kept);
  }

  /**
   * One NFP: one port chain.
   *
   * @param nfpId the NFP's id
   * @param name the NFP's name (the FP node's)
   * @param pathId the wanted {@code chain_id}, or {@code null} to let networking-sfc allocate
   * @param symmetrical {@code chain_parameters.symmetric}
   * @param correlation {@code chain_parameters.correlation} ({@code mpls} or {@code nsh})
   * @param groups one port pair group per hop, in path order
   * @param classifiers the flow classifiers of the chain
   */
  public record Path(
      String nfpId,
      String name,
      Integer pathId,
      boolean symmetrical,
      String correlation,
      List<Group> groups,
      List<Classifier> classifiers) {

    public Path {
      groups = List.copyOf(groups);
      classifiers = List.copyOf(classifiers);
    }
  }

  /**
   * One hop: the port pair group of one VNF in one NFP.
   *
   * @param index the hop's position in the path (0 first)
   * @param vnfId the VNF's id
   * @param vnfName its name
   * @param pairs one port pair per instance (pod, server) of the VNF
   */
  public record Group(int index, String vnfId, String vnfName, List<Pair> pairs) {

    public Group {
      pairs = List.copyOf(pairs);
    }
  }

  /**
   * One port pair: an instance's ingress and egress Neutron ports (the same port when the hop has
   * one connection point).
   *
   * @param instanceId the pod uid or server id
   * @param instanceName the pod or server name
   * @param ingressPort Neutron port id
   * @param egressPort Neutron port id
   * @param correlation {@code service_function_parameters.correlation}, or {@code null} when the
   *     hop has {@code sfc_encap: false}
   */
  public record Pair(
      String instanceId,
      String instanceName,
      String ingressPort,
      String egressPort,
      String correlation) {}

  /**
   * One flow classifier.
   *
   * @param classifierId nfvflow's classifier id
   * @param name its name from the descriptor, or {@code null}
   * @param match what it matches
   */
  public record Classifier(String classifierId, String name, FlowMatch match) {}
}
