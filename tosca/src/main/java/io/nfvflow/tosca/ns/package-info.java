/**
 * Network service descriptors (NSDs) in Tacker's shape: {@code imports} naming onboarded VNFDs, VNF
 * nodes typed by a VNFD's {@code substitution_mappings.node_type}, VL nodes naming networks, and
 * optional forwarding paths grouped into VNFFGs. Also the VNFD side of substitution ({@link
 * io.nfvflow.tosca.ns.Substitution}).
 */
package io.nfvflow.tosca.ns;
