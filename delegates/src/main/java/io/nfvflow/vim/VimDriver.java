package io.nfvflow.vim;

import io.nfvflow.tosca.VnfDescriptor;
import java.util.List;

/**
 * What every VIM type offers nfvflow outside of its own BPMN steps. A VIM type is one package
 * {@code io.nfvflow.vim.<type>} with a driver bean implementing this interface and the delegates of
 * its steps; the lifecycle workflows reach those steps by call activities named {@code
 * vnf-<operation>-<type>}.
 *
 * <p>Implementations must never log or return secret values of a {@link VimConnection}.
 */
public interface VimDriver {

  /** The VIM type this driver serves, as in the API ({@code kubernetes}, {@code openstack}). */
  String type();

  /**
   * Checks that the VIM answers and accepts the credentials.
   *
   * @return REACHABLE with the regions (Kubernetes: namespaces the credentials may list), or
   *     UNREACHABLE with the reason when the endpoint does not answer
   * @throws VimException of kind {@link VimException.Kind#UNAUTHORIZED} when the VIM rejects the
   *     credentials
   */
  VimProbe probe(VimConnection vim);

  /**
   * Checks that a descriptor can be deployed on this VIM type (for example: container VDUs on
   * Kubernetes).
   *
   * @throws io.nfvflow.tosca.ToscaException naming the node and the reason when it cannot
   */
  void checkDeployable(VnfDescriptor descriptor);

  /**
   * The VIM resources that nfvflow created for a VNF, found by ownership label or tag.
   *
   * @param vim the VIM the VNF runs on
   * @param vnfId the VNF's id
   */
  List<VimResource> resources(VimConnection vim, String vnfId);
}
