package io.nfvflow.tosca.vnffg;

import java.util.Objects;

/**
 * networking-sfc's overlap rules between two flow classifiers ({@code FlowClassifierDbPlugin}'s
 * {@code flowclassifier_basic_conflict} and {@code flowclassifier_conflict}). A field left out
 * matches anything, so it overlaps every value.
 *
 * <ul>
 *   <li>networking-sfc refuses to create a flow classifier that fully overlaps one that exists
 *       ({@code FlowClassifierInConflict});
 *   <li>it refuses a port chain whose classifier overlaps a classifier of another port chain in
 *       every field but the logical ports ({@code PortChainFlowClassifierInConflict}).
 * </ul>
 */
public final class FlowConflicts {

  private FlowConflicts() {}

  /** Overlap in ethertype, protocol, prefixes and port ranges (the logical ports ignored). */
  public static boolean basic(FlowMatch a, FlowMatch b) {
    return Objects.equals(a.ethertype(), b.ethertype())
        && wildcard(a.protocol(), b.protocol())
        && prefixes(a.sourceIpPrefix(), b.sourceIpPrefix())
        && prefixes(a.destinationIpPrefix(), b.destinationIpPrefix())
        && ports(a.sourcePortMin(), a.sourcePortMax(), b.sourcePortMin(), b.sourcePortMax())
        && ports(
            a.destinationPortMin(),
            a.destinationPortMax(),
            b.destinationPortMin(),
            b.destinationPortMax());
  }

  /** A basic overlap on the same logical ports (or where either leaves them out). */
  public static boolean full(FlowMatch a, FlowMatch b) {
    return basic(a, b)
        && wildcard(a.logicalSourcePort(), b.logicalSourcePort())
        && wildcard(a.logicalDestinationPort(), b.logicalDestinationPort());
  }

  private static boolean wildcard(String a, String b) {
    return a == null || b == null || a.equalsIgnoreCase(b);
  }

  private static boolean prefixes(String a, String b) {
    return a == null || b == null || Cidr.parse(a).overlaps(Cidr.parse(b));
  }

  private static boolean ports(Integer aMin, Integer aMax, Integer bMin, Integer bMax) {
    boolean first = aMin == null || bMax == null || aMin <= bMax;
    boolean second = aMax == null || bMin == null || bMin <= aMax;
    return first && second;
  }
}
