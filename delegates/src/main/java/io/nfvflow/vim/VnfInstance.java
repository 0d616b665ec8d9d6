package io.nfvflow.vim;

import java.util.List;
import java.util.Map;

/**
 * One VIM-side instance of a VDU: a pod, or a Nova server.
 *
 * @param vdu the VDU's node name
 * @param id the instance's id on the VIM (pod uid, server id)
 * @param name its name on the VIM (pod name, server name)
 * @param status the VIM's status of it ({@code Running}, {@code ACTIVE}, ...)
 * @param addresses its IP addresses, management address first when it has one
 * @param ports the id of the network port behind each connection point, where the VIM has ports
 *     (Neutron port ids on OpenStack; empty for plain pods)
 */
public record VnfInstance(
    String vdu,
    String id,
    String name,
    String status,
    List<String> addresses,
    Map<String, String> ports) {

  public VnfInstance {
    addresses = List.copyOf(addresses);
    ports = Map.copyOf(ports);
  }
}
