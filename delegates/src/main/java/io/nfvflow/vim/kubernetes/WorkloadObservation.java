package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VnfInstance;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a VNF is on Kubernetes right now: one instance per pod that is not being deleted, and a
 * management address per VDU.
 *
 * <ul>
 *   <li>An instance's status is its pod's phase ({@code Running}, {@code Pending}, ...), the
 *       Kubernetes word for it; readiness is what the wait checks before anything is observed.
 *   <li>An instance's addresses are its pod IP (none while the pod has none), then the fixed IPs of
 *       its Kuryr ports that are not the pod IP; its ports are the Neutron ports Kuryr gave the
 *       pod, per connection point of its VDU ({@link PodPorts}; none for plain pods).
 *   <li>A VDU with a Service is managed through its cluster IP, which reaches every instance (one
 *       {@code String}); a VDU without Service through its pods' IPs (a {@code String} for one pod,
 *       a {@code List<String>} for several, as Tacker showed scaled VDUs) — pod IPs only, never
 *       further Kuryr addresses.
 * </ul>
 */
final class WorkloadObservation {

  private WorkloadObservation() {}

  static Observation observe(
      KubernetesClient client, List<VduManifests> manifests, List<Pod> pods, PodPorts ports) {
    List<Pod> sorted =
        pods.stream()
            .sorted(
                Comparator.comparing(WorkloadObservation::vdu)
                    .thenComparing(p -> p.getMetadata().getName()))
            .toList();
    List<VnfInstance> instances = sorted.stream().map(p -> instance(p, ports)).toList();
    Map<String, Object> mgmt = new LinkedHashMap<>();
    for (VduManifests m : manifests) {
      if (m.service().isPresent()) {
        String ip = clusterIp(client, m.service().get());
        if (ip != null && !ip.isBlank() && !"None".equals(ip)) {
          mgmt.put(m.vduName(), ip);
        }
      } else {
        List<String> ips =
            sorted.stream()
                .filter(p -> vdu(p).equals(m.vduName()))
                .map(WorkloadObservation::podIp)
                .filter(Objects::nonNull)
                .toList();
        if (ips.size() == 1) {
          mgmt.put(m.vduName(), ips.get(0));
        } else if (!ips.isEmpty()) {
          mgmt.put(m.vduName(), ips);
        }
      }
    }
    return new Observation(instances, mgmt);
  }

  private static VnfInstance instance(Pod pod, PodPorts ports) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    PodPorts.Ports kuryr = ports.of(pod, vdu(pod));
    Set<String> addresses = new LinkedHashSet<>();
    Optional.ofNullable(podIp(pod)).ifPresent(addresses::add);
    addresses.addAll(kuryr.addresses());
    return new VnfInstance(
        vdu(pod),
        pod.getMetadata().getUid(),
        pod.getMetadata().getName(),
        phase == null ? "Unknown" : phase,
        List.copyOf(addresses),
        kuryr.byCp());
  }

  private static String vdu(Pod pod) {
    return Objects.requireNonNullElse(pod.getMetadata().getLabels().get(KubernetesLabels.VDU), "");
  }

  /** The pod IP, or {@code null} while it has none. */
  private static String podIp(Pod pod) {
    String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    return ip == null || ip.isBlank() ? null : ip;
  }

  private static String clusterIp(KubernetesClient client, Service wanted) {
    Service live = KubernetesObjects.get(client, wanted);
    if (live == null) {
      throw new VimException(
          VimException.Kind.NOT_FOUND,
          "Service %s does not exist".formatted(KubernetesObjects.ref(wanted)));
    }
    return live.getSpec().getClusterIP();
  }
}
