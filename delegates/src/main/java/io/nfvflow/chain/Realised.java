package io.nfvflow.chain;

/**
 * A networking-sfc object a chain step made or found, reported to {@link
 * ChainInventory#recordRealised}.
 *
 * @param kind what it is
 * @param ownerId the nfvflow id it belongs to: an NFP's id (port chain), a classifier's id (flow
 *     classifier)
 * @param neutronId networking-sfc's id of it
 * @param chainId a port chain's {@code chain_id} (the NFP's {@code path_id}); else {@code null}
 */
public record Realised(Kind kind, String ownerId, String neutronId, Integer chainId) {

  /** The kinds of networking-sfc object nfvflow records. */
  public enum Kind {
    PORT_CHAIN,
    FLOW_CLASSIFIER
  }
}
