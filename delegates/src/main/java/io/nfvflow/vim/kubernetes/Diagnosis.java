package io.nfvflow.vim.kubernetes;

import static io.nfvflow.vim.kubernetes.KubernetesObjects.describe;
import static io.nfvflow.vim.kubernetes.KubernetesObjects.ref;
import static io.nfvflow.vim.kubernetes.KubernetesObjects.terminating;
import static io.nfvflow.vim.kubernetes.KubernetesObjects.time;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.nfvflow.vim.Finding;
import io.nfvflow.vim.VnfOnVim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One read-only look at a VNF's objects against its desired ones: what {@link
 * KubernetesDriver#diagnose} reports. It compares with the same rules as {@code apply} ({@link
 * OwnedFields#match}, the same namespaces, owned extras by label in any namespace), so whatever it
 * finds, an apply repairs, and after an apply it finds no drift.
 *
 * <ul>
 *   <li>Drift ({@link Finding.Scope#VNF}): a desired object missing or being deleted (a name cannot
 *       have a replacement while the old object is still there), there but not the VNF's, or with
 *       owned fields that differ; a Deployment's replicas other than the desired count, unless its
 *       autoscaler's range (floor to {@code max_instances}) holds them; an owned object that is not
 *       desired.
 *   <li>An unavailable VDU ({@link Finding.Scope#VDU}): its Deployment's {@code Available}
 *       condition is False, since that condition's transition, with the failing pods' reasons.
 *   <li>A failed instance ({@link Finding.Scope#INSTANCE}): a pod that is not being deleted and
 *       will never start without a change ({@link KubernetesWorkloads#podFailure}). Its VDU may be
 *       reported unavailable as well; the receiver picks the level.
 * </ul>
 */
final class Diagnosis {

  /** At most this many failing pods are named in a VDU's finding. */
  static final int NAMED_PODS = 3;

  private final KubernetesClient client;
  private final VnfOnVim vnf;
  private final List<Finding> findings = new ArrayList<>();

  private Diagnosis(KubernetesClient client, VnfOnVim vnf) {
    this.client = client;
    this.vnf = vnf;
  }

  /**
   * @param manifests the desired objects
   * @param pods the VNF's pods in the namespaces of its VDUs that are not being deleted
   */
  static List<Finding> of(
      KubernetesClient client, VnfOnVim vnf, List<VduManifests> manifests, List<Pod> pods) {
    Diagnosis d = new Diagnosis(client, vnf);
    d.objects(manifests, pods);
    pods.forEach(d::instance);
    return List.copyOf(d.findings);
  }

  private void objects(List<VduManifests> manifests, List<Pod> pods) {
    Map<String, ConfigMap> configMaps = owned(ConfigMap.class);
    Map<String, Deployment> deployments = owned(Deployment.class);
    Map<String, Service> services = owned(Service.class);
    Map<String, HorizontalPodAutoscaler> autoscalers = owned(HorizontalPodAutoscaler.class);
    for (VduManifests m : manifests) {
      String vdu = m.vduName();
      m.configMaps().forEach(w -> compare(configMaps, w, OwnedFields.CONFIG_MAPS, vdu));
      Deployment live = compare(deployments, m.deployment(), OwnedFields.DEPLOYMENTS, vdu);
      if (live != null) {
        replicas(live, m);
        availability(live, m, pods);
      }
      m.service().ifPresent(w -> compare(services, w, OwnedFields.SERVICES, vdu));
      m.autoscaler().ifPresent(w -> compare(autoscalers, w, OwnedFields.AUTOSCALERS, vdu));
    }
    extras(configMaps, manifests, m -> m.configMaps().stream());
    extras(deployments, manifests, m -> Stream.of(m.deployment()));
    extras(services, manifests, m -> m.service().stream());
    extras(autoscalers, manifests, m -> m.autoscaler().stream());
  }

  /** The VNF's objects of a kind, by {@code ns/name}, where {@code apply} looks for extras. */
  private <T extends HasMetadata> Map<String, T> owned(Class<T> kind) {
    Map<String, T> byRef = new LinkedHashMap<>();
    KubernetesObjects.listAnywhere(client, kind, vnf.vim(), vnf.vnfId())
        .forEach(o -> byRef.put(ref(o), o));
    return byRef;
  }

  /**
   * Compares one desired object with the live one, as {@code apply} would.
   *
   * @return the live object when it is there and the VNF's, else {@code null}
   */
  private <T extends HasMetadata> T compare(
      Map<String, T> owned, T wanted, OwnedFields<T> fields, String vdu) {
    // not in the labelled list: gone, someone else's, or in a namespace the list did not cover
    T live =
        owned.containsKey(ref(wanted))
            ? owned.get(ref(wanted))
            : KubernetesObjects.get(client, wanted);
    if (live == null) {
      drift(vdu, describe(wanted) + " is missing", null);
      return null;
    }
    if (terminating(live)) {
      drift(
          vdu,
          describe(wanted) + " is being deleted",
          time(live.getMetadata().getDeletionTimestamp()));
      return null;
    }
    if (!KubernetesLabels.ownedBy(live.getMetadata().getLabels(), vnf.vnfId())) {
      drift(
          vdu,
          "%s exists but is not owned by VNF %s".formatted(describe(wanted), vnf.vnfId()),
          null);
      return null;
    }
    if (!fields.match(wanted, live)) {
      drift(
          vdu,
          describe(wanted) + ": " + fields.difference(wanted, live),
          KubernetesObjects.lastWrite(live));
    }
    return live;
  }

  /**
   * Replicas other than the desired count are drift, unless an autoscaler governs the VDU and they
   * are within its range: {@code apply} makes the autoscaler's floor the desired count (at least 1)
   * and its ceiling {@code max_instances}, and the wait accepts any count the autoscaler chose
   * above the floor.
   */
  private void replicas(Deployment live, VduManifests m) {
    Integer spec = live.getSpec() == null ? null : live.getSpec().getReplicas();
    int replicas = spec == null ? 1 : spec; // the API server's default
    if (replicas == m.instances()) {
      return;
    }
    Optional<HorizontalPodAutoscalerSpec> autoscaler =
        m.autoscaler().map(HorizontalPodAutoscaler::getSpec);
    if (autoscaler.isEmpty()) {
      drift(
          m.vduName(),
          "%s: replicas %d instead of %d".formatted(describe(live), replicas, m.instances()),
          KubernetesObjects.lastWrite(live));
      return;
    }
    int floor = autoscaler.get().getMinReplicas();
    int ceiling = autoscaler.get().getMaxReplicas();
    if (replicas < floor || replicas > ceiling) {
      drift(
          m.vduName(),
          "%s: replicas %d outside the autoscaler's range %d to %d"
              .formatted(describe(live), replicas, floor, ceiling),
          KubernetesObjects.lastWrite(live));
    }
  }

  /** A Deployment whose {@code Available} condition is False, naming why its pods fail. */
  private void availability(Deployment live, VduManifests m, List<Pod> pods) {
    if (live.getStatus() == null || live.getStatus().getConditions() == null) {
      return;
    }
    live.getStatus().getConditions().stream()
        .filter(c -> "Available".equals(c.getType()) && "False".equals(c.getStatus()))
        .findFirst()
        .ifPresent(
            c ->
                findings.add(
                    Finding.vdu(
                        m.vduName(),
                        "%s is not available: %s".formatted(describe(live), why(c, m, pods)),
                        time(c.getLastTransitionTime()))));
  }

  private static String why(DeploymentCondition unavailable, VduManifests m, List<Pod> pods) {
    List<String> failing =
        pods.stream()
            .filter(p -> m.namespace().equals(p.getMetadata().getNamespace()))
            .filter(p -> m.vduName().equals(vdu(p)))
            .map(KubernetesWorkloads::podFailure)
            .flatMap(Optional::stream)
            .toList();
    if (failing.isEmpty()) {
      return Stream.of(unavailable.getReason(), unavailable.getMessage())
          .filter(s -> s != null && !s.isBlank())
          .collect(Collectors.joining(": "));
    }
    String named = String.join("; ", failing.subList(0, Math.min(NAMED_PODS, failing.size())));
    int more = failing.size() - NAMED_PODS;
    return more > 0 ? named + " and %d more pods".formatted(more) : named;
  }

  /** The objects of a kind with the VNF's label that {@code apply} would delete. */
  private <T extends HasMetadata> void extras(
      Map<String, T> owned,
      List<VduManifests> manifests,
      Function<VduManifests, Stream<? extends HasMetadata>> wanted) {
    Set<String> keep =
        manifests.stream().flatMap(wanted).map(KubernetesObjects::ref).collect(Collectors.toSet());
    owned.values().stream()
        .filter(o -> !keep.contains(ref(o)) && !terminating(o))
        .sorted(Comparator.comparing(KubernetesObjects::ref))
        .forEach(o -> drift(vdu(o), describe(o) + " is the VNF's but not desired", null));
  }

  /** A pod that will never start without a change, since its failing condition's transition. */
  private void instance(Pod pod) {
    KubernetesWorkloads.podFailure(pod)
        .ifPresent(
            reason ->
                findings.add(
                    Finding.instance(vdu(pod), pod.getMetadata().getUid(), reason, since(pod))));
  }

  /**
   * When a pod started failing: not scheduled since, or its containers not ready since (a crash
   * loop's first crash, an image that never pulled). {@code null} when the kubelet did not say.
   */
  static Instant since(Pod pod) {
    List<PodCondition> conditions =
        pod.getStatus() == null || pod.getStatus().getConditions() == null
            ? List.of()
            : pod.getStatus().getConditions();
    return Stream.of("PodScheduled", "ContainersReady", "Ready")
        .flatMap(
            type ->
                conditions.stream()
                    .filter(c -> type.equals(c.getType()) && "False".equals(c.getStatus())))
        .map(c -> time(c.getLastTransitionTime()))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private void drift(String vdu, String reason, Instant since) {
    findings.add(Finding.drift(vdu, reason, since));
  }

  private static String vdu(HasMetadata o) {
    Map<String, String> labels = o.getMetadata().getLabels();
    return labels == null ? null : labels.get(KubernetesLabels.VDU);
  }
}
