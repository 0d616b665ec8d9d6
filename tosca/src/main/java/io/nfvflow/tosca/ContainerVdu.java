package io.nfvflow.tosca;

import java.util.List;
import java.util.Map;

/**
 * A VDU deployed as containers (it has {@code vnfcs}).
 *
 * @param name node template name
 * @param namespace the {@code namespace} property, or {@code null} for the VIM's namespace
 * @param mappingPorts the {@code mapping_ports} entries (Service ports)
 * @param labels the {@code labels} entries ("key: value" split into a map, in order)
 * @param serviceType ClusterIP, NodePort or LoadBalancer (default ClusterIP)
 * @param containers the {@code vnfcs}, in template order
 */
public record ContainerVdu(
    String name,
    String namespace,
    List<PortMapping> mappingPorts,
    Map<String, String> labels,
    String serviceType,
    List<Container> containers)
    implements Vdu {

  public ContainerVdu {
    mappingPorts = List.copyOf(mappingPorts);
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    containers = List.copyOf(containers);
  }

  /** Whether any container has a {@code config} (and so the VDU needs a ConfigMap). */
  public boolean hasConfig() {
    return containers.stream().anyMatch(c -> !c.config().isEmpty());
  }
}
