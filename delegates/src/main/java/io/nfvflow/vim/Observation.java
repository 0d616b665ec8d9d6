package io.nfvflow.vim;

import java.util.List;
import java.util.Map;

/**
 * What a VNF is on its VIM right now, read after an operation reached its goal: the instances of
 * every VDU and the management address(es) of each VDU.
 *
 * @param instances every instance, ordered by VDU then name
 * @param mgmtAddresses per VDU: a {@code String} (one address, or a Kubernetes Service's cluster IP
 *     that reaches every instance) or a {@code List<String>} (one address per instance, as Tacker
 *     showed scaled VDUs); VDUs without a management address have no entry
 */
public record Observation(List<VnfInstance> instances, Map<String, Object> mgmtAddresses) {

  public Observation {
    instances = List.copyOf(instances);
    mgmtAddresses = Map.copyOf(mgmtAddresses);
  }
}
