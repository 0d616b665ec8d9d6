package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VnfInstance;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a VNF is on Kubernetes right now: one instance per pod that is not being deleted, and a
 * management address per VDU.
 *
 * <ul>
 *   <li>An instance's status is its pod's phase ({@code Running}, {@code Pending}, ...), the
 *       Kubernetes word for it; readiness is what the wait checks before anything is observed.
 *   <li>An instance's addresses are its pod IP (none while the pod has none); ports are empty:
 *       plain pods have no network ports of their own (Kuryr ports come later).
 *   <li>A VDU with a Service is managed through its cluster IP, which reaches every instance (one
 *       {@code String}); a VDU without Service through its pods' IPs (a {@code String} for one pod,
 *       a {@code List<String>} for several, as Tacker showed scaled VDUs).
 * </ul>
 */
final class WorkloadObservation {

  private WorkloadObservation() {}

  static Observation observe(
      KubernetesClient client, List<VduManifests> manifests, List<Pod> pods) {
    List<VnfInstance> instances =
        pods.stream()
            .map(WorkloadObservation::instance)
            .sorted(Comparator.comparing(VnfInstance::vdu).thenComparing(VnfInstance::name))
            .toList();
    Map<String, Object> mgmt = new LinkedHashMap<>();
    for (VduManifests m : manifests) {
      if (m.service().isPresent()) {
        String ip = clusterIp(client, m.service().get());
        if (ip != null && !ip.isBlank() && !"None".equals(ip)) {
          mgmt.put(m.vduName(), ip);
        }
      } else {
        List<String> ips =
            instances.stream()
                .filter(i -> i.vdu().equals(m.vduName()))
                .flatMap(i -> i.addresses().stream())
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

  private static VnfInstance instance(Pod pod) {
    String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return new VnfInstance(
        Objects.requireNonNullElse(pod.getMetadata().getLabels().get(KubernetesLabels.VDU), ""),
        pod.getMetadata().getUid(),
        pod.getMetadata().getName(),
        phase == null ? "Unknown" : phase,
        ip == null || ip.isBlank() ? List.of() : List.of(ip),
        Map.of());
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
