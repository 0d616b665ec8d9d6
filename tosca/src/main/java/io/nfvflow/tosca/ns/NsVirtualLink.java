package io.nfvflow.tosca.ns;

/**
 * A VL node of an NSD ({@code tosca.nodes.nfv.VL}), inputs resolved.
 *
 * @param name the node's name
 * @param networkName the existing network it names
 * @param vendor its vendor, or {@code null}
 */
public record NsVirtualLink(String name, String networkName, String vendor) {}
