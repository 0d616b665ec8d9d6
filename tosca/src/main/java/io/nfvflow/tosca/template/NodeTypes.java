package io.nfvflow.tosca.template;

import io.nfvflow.tosca.ToscaException;
import java.util.Map;

/** The node types of the Tacker NFV profile: the ones supported and the known, refused ones. */
public final class NodeTypes {

  /** A virtual deployment unit: containers or a VM. */
  public static final String VDU = "tosca.nodes.nfv.VDU.Tacker";

  /** A connection point. */
  public static final String CP = "tosca.nodes.nfv.CP.Tacker";

  /** A virtual link (network). */
  public static final String VL = "tosca.nodes.nfv.VL";

  /** Forwarding paths: they make a template a VNFFG descriptor. */
  public static final String FP = "tosca.nodes.nfv.FP.Tacker";

  /** Forwarding paths, version 2. */
  public static final String FP_V2 = "tosca.nodes.nfv.FP.TackerV2";

  private static final String SOL001 =
      "ETSI NFV-SOL 001 descriptors are not supported by this parser (Tacker NFV profile only)";

  private static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("tosca.nodes.BlockStorage.Tacker", "block storage volumes are not supported"),
          Map.entry(
              "tosca.nodes.BlockStorageAttachment", "block storage volumes are not supported"),
          Map.entry("tosca.nodes.BlockStorage", "block storage volumes are not supported"),
          Map.entry(
              "tosca.nodes.nfv.VNFC.Tacker",
              "software components installed into a VDU (VNFC) are not supported"),
          Map.entry(
              "tosca.nodes.SoftwareComponent",
              "software components installed into a VDU are not supported"),
          Map.entry("tosca.nodes.network.FloatingIP", "floating IPs are not supported"),
          Map.entry(FP, "forwarding paths belong in a VNFFG descriptor, not in a VNFD"),
          Map.entry(FP_V2, "forwarding paths belong in a VNFFG descriptor, not in a VNFD"),
          Map.entry("tosca.nodes.Compute", "use " + VDU + " for a VDU"),
          Map.entry("tosca.nodes.nfv.VDU", "use " + VDU + " for a VDU"),
          Map.entry("tosca.nodes.nfv.CP", "use " + CP + " for a connection point"),
          Map.entry("tosca.nodes.network.Port", "use " + CP + " for a connection point"),
          Map.entry("tosca.nodes.network.Network", "use " + VL + " for a virtual link"),
          Map.entry("tosca.nodes.nfv.VNF", "a VNF node belongs in a network service descriptor"),
          Map.entry("tosca.nodes.nfv.Vdu.Compute", SOL001),
          Map.entry("tosca.nodes.nfv.Vdu.VirtualBlockStorage", SOL001),
          Map.entry("tosca.nodes.nfv.VduCp", SOL001),
          Map.entry("tosca.nodes.nfv.VnfVirtualLink", SOL001));

  private NodeTypes() {}

  /** Refuses a node whose type is not one of VDU, CP and VL: unsupported if known, else invalid. */
  public static void requireSupported(NodeTemplate node) {
    String type = node.type();
    if (type.equals(VDU) || type.equals(CP) || type.equals(VL)) {
      return;
    }
    if (REFUSED.containsKey(type)) {
      throw ToscaException.unsupported(
          node.name(), null, "node type '" + type + "' is not supported: " + REFUSED.get(type));
    }
    throw ToscaException.invalid(node.name(), null, "unknown node type '" + type + "'");
  }
}
