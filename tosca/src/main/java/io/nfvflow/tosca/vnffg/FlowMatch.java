package io.nfvflow.tosca.vnffg;

/**
 * A flow classifier's match in networking-sfc's fields; {@code null} = not matched on. Every Tacker
 * criterion networking-sfc can express maps to one of these; one it cannot express is refused by
 * the parser, never dropped.
 *
 * @param ethertype {@code IPv4} (default) or {@code IPv6} (from {@code eth_type} 0x0800 / 0x86dd)
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, or a protocol number as a
 *     string, as networking-sfc accepts it (from {@code ip_proto})
 * @param logicalSourcePort a Neutron port id ({@code network_src_port_id})
 * @param logicalDestinationPort a Neutron port id ({@code network_dst_port_id})
 */
public record FlowMatch(
    String ethertype,
    String protocol,
    Integer sourcePortMin,
    Integer sourcePortMax,
    Integer destinationPortMin,
    Integer destinationPortMax,
    String sourceIpPrefix,
    String destinationIpPrefix,
    String logicalSourcePort,
    String logicalDestinationPort) {}
