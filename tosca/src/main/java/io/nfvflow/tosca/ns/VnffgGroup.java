package io.nfvflow.tosca.ns;

import java.util.List;
import java.util.Map;

/**
 * A VNFFG group of an NSD, as the VNFFG the NS creates from it.
 *
 * @param name the group's name (e.g. VNFFG1)
 * @param description the group's description, or {@code null}
 * @param constituentVnfds the VNFD names it chains ({@code constituent_vnfs})
 * @param vnffgdTemplate a complete VNFFGD tree (TOSCA version, description, the NSD's inputs, the
 *     group's forwarding path nodes and the group itself), which {@link
 *     io.nfvflow.tosca.vnffg.VnffgdParser} accepts; the NS creates its VNFFG with it as an inline
 *     template and the NS's {@code param_values.nsd} as parameters
 */
public record VnffgGroup(
    String name,
    String description,
    List<String> constituentVnfds,
    Map<String, Object> vnffgdTemplate) {

  public VnffgGroup {
    constituentVnfds = List.copyOf(constituentVnfds);
  }
}
