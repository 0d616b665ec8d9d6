package io.nfvflow.vim.kubernetes;

import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import java.util.List;

/**
 * A VNF as the Kubernetes steps see it: where it runs and what it is. Lives only for one step.
 *
 * @param vim the VIM, secrets decrypted
 * @param vnfId the VNF's id
 * @param descriptor its resolved descriptor
 */
public record KubernetesVnf(VimConnection vim, String vnfId, VnfDescriptor descriptor) {

  /** The objects of every container VDU. */
  List<VduManifests> manifests() {
    return KubernetesManifests.translate(descriptor, vnfId, KubernetesClients.namespace(vim));
  }

  /** Every namespace the VNF's objects live in, in a stable order. */
  List<String> namespaces() {
    return manifests().stream().map(VduManifests::namespace).distinct().sorted().toList();
  }
}
