package io.nfvflow.tosca.ns;

import java.util.List;

/**
 * A parsed NSD.
 *
 * @param description the template's description ({@code null} when none)
 * @param templateName {@code metadata.template_name}, or {@code null}
 * @param imports the names of the VNFDs it imports, in order
 * @param vnfs the VNF nodes, in template order
 * @param virtualLinks the VL nodes, in template order
 * @param vnffgs the VNFFG groups, in template order
 */
public record NsDescriptor(
    String description,
    String templateName,
    List<String> imports,
    List<VnfNode> vnfs,
    List<NsVirtualLink> virtualLinks,
    List<VnffgGroup> vnffgs) {

  public NsDescriptor {
    imports = List.copyOf(imports);
    vnfs = List.copyOf(vnfs);
    virtualLinks = List.copyOf(virtualLinks);
    vnffgs = List.copyOf(vnffgs);
  }
}
