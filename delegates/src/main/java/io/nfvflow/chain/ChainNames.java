package io.nfvflow.chain;

/**
 * Names and the owner marker of every networking-sfc object nfvflow makes for a VNFFG. Names derive
 * only from nfvflow ids (and, for a flow classifier, from its match: networking-sfc cannot change a
 * classifier's match, so a changed match is a new classifier); looking a name up before creating
 * makes every step idempotent.
 */
public final class ChainNames {

  private ChainNames() {}

  /** The marker in the description of every object of a VNFFG: {@code nfvflow.io/vnffg-id=<id>}. */
  public static String owner(String vnffgId) {
    return "nfvflow.io/vnffg-id=" + vnffgId;
  }

  /** A port chain: {@code nfvflow-pc-<nfp id>}. */
  public static String portChain(String nfpId) {
    return "nfvflow-pc-" + nfpId;
  }

  /** A port pair group: {@code nfvflow-ppg-<nfp id>-<hop index>}. */
  public static String portPairGroup(String nfpId, int hop) {
    return "nfvflow-ppg-" + nfpId + "-" + hop;
  }

  /** A port pair: {@code nfvflow-pp-<nfp id>-<hop index>-<ingress port id>}. */
  public static String portPair(String nfpId, int hop, String ingressPort) {
    return "nfvflow-pp-" + nfpId + "-" + hop + "-" + ingressPort;
  }

  /**
   * A flow classifier: {@code nfvflow-fc-<classifier id>-<8 hex digits of its match>}. The digits
   * are a CRC-32 of the match's fields written out in a fixed order, so they stay the same across
   * JDKs and restarts (a record's own hash code is not specified to).
   */
  public static String flowClassifier(String classifierId, io.nfvflow.tosca.vnffg.FlowMatch match) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(
        java.util.Arrays.asList(
                match.ethertype(),
                match.protocol(),
                match.sourcePortMin(),
                match.sourcePortMax(),
                match.destinationPortMin(),
                match.destinationPortMax(),
                match.sourceIpPrefix(),
                match.destinationIpPrefix(),
                match.logicalSourcePort(),
                match.logicalDestinationPort())
            .toString()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "nfvflow-fc-%s-%08x".formatted(classifierId, crc.getValue());
  }
}
