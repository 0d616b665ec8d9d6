package io.nfvflow.tosca;

/**
 * A {@code tosca.nodes.nfv.VL}: the network a connection point attaches to.
 *
 * @param name node template name
 * @param networkName {@code network_name}
 * @param vendor {@code vendor}, or {@code null}
 * @param subnet the subnet to create, or {@code null} when {@code network_name} names an existing
 *     network (Tacker creates a new network with this subnet when the VL gives a {@code cidr})
 */
public record VirtualLink(String name, String networkName, String vendor, Subnet subnet) {

  /** A VL that refers to an existing network; kept for source compatibility. */
  public VirtualLink(String name, String networkName, String vendor) {
    this(name, networkName, vendor, null);
  }

  /** Whether the VL asks for a new network (it has a subnet) rather than naming an existing one. */
  public boolean createsNetwork() {
    return subnet != null;
  }
}
