package io.nfvflow.chain;

/**
 * Port to the VNFFG inventory, implemented by the engine. Chain steps read what a VNFFG should be
 * on networking-sfc from it, computed for every run from the VNFFG's descriptor, its VNF mapping
 * and the mapped VNFs' instantiated state (their instances' ports): so a step re-run after a crash,
 * or after a chained VNF scaled or healed, converges to the same objects.
 */
public interface ChainInventory {

  /**
   * What the VNFFG should be on networking-sfc now.
   *
   * @throws IllegalStateException when the VNFFG does not exist
   * @throws ChainException when it cannot be realised now (a mapped VNF without a port for a
   *     chained connection point, ports in different Neutrons): the operation fails with that
   *     reason
   */
  ChainPlan plan(String vnffgId);

  /**
   * The OpenStack VIM whose Neutron holds the VNFFG's chain (fixed when the VNFFG is created): what
   * removal steps need, which must work even when the plan cannot be computed any more.
   *
   * @throws IllegalStateException when the VNFFG does not exist
   */
  String neutronVimId(String vnffgId);

  /**
   * Stores the networking-sfc ids of what a step made (the port chain of an NFP with its {@code
   * chain_id}, a flow classifier), so the API shows them. Idempotent.
   */
  void recordRealised(String vnffgId, Realised realised);

  /**
   * Stores, per path of the plan, the port pairs its port pair groups now hold: exactly the plan a
   * port pair group step realised, never one computed later (a chained VNF's instances may change
   * between two steps, and the chain follower compares this record with them). It is the chain the
   * API shows. Idempotent.
   */
  void recordGroups(ChainPlan realised);

  /**
   * The plans of every VNFFG that chains a VNF, each without the port pairs of the given instances
   * of that VNF: what a chain converges to before an operation removes those instances (networking-
   * sfc holds a port in a port pair, so Neutron refuses to delete it). A VNFFG whose plan cannot be
   * computed is left out.
   */
  java.util.List<ChainPlan> plansWithout(String vnfId, java.util.Set<String> instanceIds);
}
