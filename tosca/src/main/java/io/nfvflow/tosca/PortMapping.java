package io.nfvflow.tosca;

/**
 * One {@code mapping_ports} entry: "port:targetPort" or "port" (target = port).
 *
 * @param port the Service port
 * @param targetPort the container port
 */
public record PortMapping(int port, int targetPort) {}
