package io.nfvflow.tosca.vnffg;

/**
 * One VNF in a forwarding path.
 *
 * @param forwarder the VNFD name ({@code forwarder})
 * @param ingress the connection point traffic enters by ({@code capability})
 * @param egress the connection point traffic leaves by: the second entry's capability, else the
 *     same as {@code ingress}
 * @param sfcEncap {@code sfc_encap} (default true); false: the port pair has no correlation (an SFC
 *     proxy)
 */
public record Hop(String forwarder, String ingress, String egress, boolean sfcEncap) {}
