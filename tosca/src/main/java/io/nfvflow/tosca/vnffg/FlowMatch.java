package io.nfvflow.tosca.vnffg;

/**
 * A flow classifier's match in networking-sfc's fields; {@code null} = not matched on. Every Tacker
 * criterion networking-sfc can express maps to one of these; one it cannot express is refused by
 * the parser, never dropped.
 *
 * <p>networking-sfc takes the protocol only by name, and only {@code tcp}, {@code udp} and {@code
 * icmp} (no numbers, no {@code icmpv6}); port ranges only with {@code tcp} or {@code udp}; prefixes
 * only of the ethertype's IP version. The parser refuses anything else.
 *
 * @param ethertype {@code IPv4} (default) or {@code IPv6} (from {@code eth_type} 0x0800 / 0x86dd)
 * @param protocol {@code tcp}, {@code udp} or {@code icmp} (from {@code ip_proto} 6, 17, 1)
 * @param logicalSourcePort a Neutron port id ({@code network_src_port_id}); always set, as
 *     networking-sfc's OVS driver requires
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
