package io.nfvflow.tosca;

/**
 * A {@code tosca.nodes.nfv.VL}: an existing network a connection point attaches to.
 *
 * @param name node template name
 * @param networkName {@code network_name}
 * @param vendor {@code vendor}, or {@code null}
 */
public record VirtualLink(String name, String networkName, String vendor) {}
