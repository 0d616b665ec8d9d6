package io.nfvflow.tosca;

/**
 * The subnet of a virtual link that asks for a new network ({@code cidr} and friends, inherited by
 * {@code tosca.nodes.nfv.VL} from {@code tosca.nodes.network.Network}).
 *
 * @param ipVersion {@code ip_version}: 4 (default) or 6
 * @param cidr {@code cidr}, for example {@code 20.0.0.0/24}
 * @param startIp {@code start_ip} of the allocation pool, or {@code null}
 * @param endIp {@code end_ip} of the allocation pool, or {@code null}
 * @param gatewayIp {@code gateway_ip}, or {@code null}
 * @param dhcpEnabled {@code dhcp_enabled}, or {@code null} for the cloud's default
 */
public record Subnet(
    int ipVersion,
    String cidr,
    String startIp,
    String endIp,
    String gatewayIp,
    Boolean dhcpEnabled) {}
