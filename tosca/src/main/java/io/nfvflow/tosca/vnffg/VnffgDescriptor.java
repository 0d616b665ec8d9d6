package io.nfvflow.tosca.vnffg;

import java.util.List;

/**
 * A parsed, validated VNFFGD ({@code tosca.groups.nfv.VNFFG} groups and their {@code
 * tosca.nodes.nfv.FP.TackerV2} or legacy {@code FP.Tacker} forwarding paths), {@code get_input}
 * resolved.
 *
 * @param templateName {@code metadata.template_name}, or {@code null}
 * @param description the template's {@code description}, or {@code null}
 * @param paths every forwarding path of every VNFFG group, in the template's order (Tacker used
 *     only the first); each becomes its own NFP and port chain
 * @param constituentVnfds the VNFD names of all groups' {@code constituent_vnfs}, in order, without
 *     duplicates: the keys a {@code vnf_mapping} may have
 */
public record VnffgDescriptor(
    String templateName,
    String description,
    List<ForwardingPath> paths,
    List<String> constituentVnfds) {

  public VnffgDescriptor {
    paths = List.copyOf(paths);
    constituentVnfds = List.copyOf(constituentVnfds);
  }
}
