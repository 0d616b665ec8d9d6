package io.nfvflow.tosca;

import java.util.List;
import java.util.Map;

/**
 * One container of a container VDU (one entry of {@code vnfcs}).
 *
 * @param name the key under {@code vnfcs}
 * @param image the container image (required)
 * @param numCpus CPU request and limit in cores, or {@code null} when not given
 * @param memBytes memory request and limit in bytes, or {@code null} when not given
 * @param ports container ports
 * @param command the command (entrypoint), empty for the image's default
 * @param args the arguments, empty for the image's default
 * @param config the {@code config} "k: v" lines as an ordered map (empty when none)
 */
public record Container(
    String name,
    String image,
    Double numCpus,
    Long memBytes,
    List<Integer> ports,
    List<String> command,
    List<String> args,
    Map<String, String> config) {

  public Container {
    ports = List.copyOf(ports);
    command = List.copyOf(command);
    args = List.copyOf(args);
    config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
  }

  /**
   * The container's name as Kubernetes needs it (a DNS-1123 label). Tacker's samples name
   * containers like {@code web_server}, which Kubernetes rejects; the parser accepts such names and
   * this maps each {@code _} to {@code -}. The parser has already checked that the result is a
   * valid label and unique within the VDU.
   */
  public String kubernetesName() {
    return name.replace('_', '-');
  }
}
