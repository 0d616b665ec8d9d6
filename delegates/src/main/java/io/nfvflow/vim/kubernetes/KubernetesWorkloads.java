package io.nfvflow.vim.kubernetes;

import static io.nfvflow.vim.kubernetes.KubernetesObjects.ref;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.nfvflow.vim.Finding;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimResource;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The workload operations of the Kubernetes steps and driver. Every operation is idempotent:
 * applies converge ({@link Convergence}: create what is missing, update what differs, delete owned
 * extras), deletes find objects by the {@code nfvflow.io/vnf-id} label in any namespace (so they
 * also clean up what a failed instantiate left behind, and need no descriptor), and already-gone
 * objects are fine.
 *
 * <p>Replicas: a VDU's Deployment runs the VNF's desired instances ({@link VnfOnVim#instances}),
 * set through the scale subresource. When an autoscaler governs the VDU, its floor is the desired
 * count too (see {@link KubernetesDriver}).
 */
@Component
public class KubernetesWorkloads {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesWorkloads.class);

  /** Waiting reasons after which a container will not start without someone changing things. */
  static final Set<String> FATAL_WAITING_REASONS =
      Set.of(
          "ImagePullBackOff",
          "ErrImagePull",
          "InvalidImageName",
          "CrashLoopBackOff",
          "CreateContainerConfigError",
          "CreateContainerError",
          "RunContainerError");

  /** What {@link #resources} lists: what we create, and the pods that run the VNF. */
  static final List<Class<? extends HasMetadata>> LISTED_KINDS =
      List.of(
          HorizontalPodAutoscaler.class,
          Service.class,
          Deployment.class,
          Pod.class,
          ConfigMap.class);

  /** What must be gone before a VNF is: also what the Deployments made. */
  static final List<Class<? extends HasMetadata>> ALL_KINDS =
      List.of(
          HorizontalPodAutoscaler.class,
          Service.class,
          Deployment.class,
          ReplicaSet.class,
          Pod.class,
          ConfigMap.class);

  private final KubernetesClients clients;

  public KubernetesWorkloads(KubernetesClients clients) {
    this.clients = clients;
  }

  public void applyConfigMaps(VnfOnVim vnf) {
    convergence(vnf)
        .converge(
            ConfigMap.class,
            manifests(vnf).stream().flatMap(m -> m.configMaps().stream()).toList(),
            OwnedFields.CONFIG_MAPS);
  }

  /**
   * Converges the Deployments, then sets each one's replicas to the desired count through the scale
   * subresource. An autoscaler whose floor is above the desired count (a scale-in, a rollback) gets
   * its floor lowered first, or it would raise the replicas again before {@link #applyAutoscalers}
   * runs.
   */
  public void applyDeployments(VnfOnVim vnf) {
    Convergence convergence = convergence(vnf);
    KubernetesClient client = clients.client(vnf.vim());
    List<VduManifests> manifests = manifests(vnf);
    for (VduManifests m : manifests) {
      Deployment live = convergence.object(m.deployment(), OwnedFields.DEPLOYMENTS);
      m.autoscaler().ifPresent(hpa -> lowerFloor(client, convergence, hpa, vnf.vnfId()));
      convergence.scale(live, m.instances());
    }
    convergence.deleteExtras(
        Deployment.class, manifests.stream().map(VduManifests::deployment).toList());
  }

  public void applyServices(VnfOnVim vnf) {
    convergence(vnf)
        .converge(
            Service.class,
            manifests(vnf).stream().flatMap(m -> m.service().stream()).toList(),
            OwnedFields.SERVICES);
  }

  /**
   * Converges the autoscalers (floor = desired count, ceiling = {@code max_instances}), then sets
   * the replicas of each autoscaled Deployment to the desired count again: an autoscaler whose
   * floor was still the old count may have moved them meanwhile.
   */
  public void applyAutoscalers(VnfOnVim vnf) {
    Convergence convergence = convergence(vnf);
    KubernetesClient client = clients.client(vnf.vim());
    List<VduManifests> manifests = manifests(vnf);
    convergence.converge(
        HorizontalPodAutoscaler.class,
        manifests.stream().flatMap(m -> m.autoscaler().stream()).toList(),
        OwnedFields.AUTOSCALERS);
    for (VduManifests m : manifests) {
      if (m.autoscaler().isPresent()) {
        Deployment live = KubernetesObjects.get(client, m.deployment());
        if (live != null) {
          convergence.scale(live, m.instances());
        }
      }
    }
  }

  private static void lowerFloor(
      KubernetesClient client,
      Convergence convergence,
      HorizontalPodAutoscaler wanted,
      String vnfId) {
    HorizontalPodAutoscaler live = KubernetesObjects.get(client, wanted);
    if (live != null
        && KubernetesLabels.ownedBy(live.getMetadata().getLabels(), vnfId)
        && live.getSpec().getMinReplicas() != null
        && live.getSpec().getMinReplicas() > wanted.getSpec().getMinReplicas()) {
      convergence.object(wanted, OwnedFields.AUTOSCALERS);
    }
  }

  public void deleteConfigMaps(VnfOnVim vnf) {
    convergence(vnf).deleteAll(ConfigMap.class);
  }

  public void deleteDeployments(VnfOnVim vnf) {
    convergence(vnf).deleteAll(Deployment.class);
  }

  public void deleteServices(VnfOnVim vnf) {
    convergence(vnf).deleteAll(Service.class);
  }

  public void deleteAutoscalers(VnfOnVim vnf) {
    convergence(vnf).deleteAll(HorizontalPodAutoscaler.class);
  }

  /**
   * Whether every Deployment runs exactly the desired count of ready pods, or why one never will: a
   * ReplicaFailure of a Deployment or ReplicaSet (quota, admission), or a pod that cannot start.
   */
  public WorkloadStatus readiness(VnfOnVim vnf) {
    KubernetesClient client = clients.client(vnf.vim());
    List<VduManifests> manifests = manifests(vnf);
    List<Pod> pods = livePods(client, manifests, vnf.vnfId());
    List<String> notReady = new ArrayList<>();
    Optional<String> failure = Optional.empty();
    for (VduManifests m : manifests) {
      Deployment live = KubernetesObjects.get(client, m.deployment());
      if (live == null) {
        notReady.add("Deployment %s does not exist".formatted(ref(m.deployment())));
        continue;
      }
      int target = target(live, m);
      DeploymentReadiness.notReady(live, target)
          .or(() -> podCount(live, m, pods, target))
          .ifPresent(notReady::add);
      failure = failure.or(() -> DeploymentReadiness.failure(live));
    }
    if (notReady.isEmpty()) {
      return new WorkloadStatus(List.of(), Optional.empty());
    }
    Optional<String> why =
        failure
            .or(() -> replicaSetFailure(client, manifests, vnf.vnfId()))
            .or(
                () ->
                    pods.stream()
                        .map(KubernetesWorkloads::podFailure)
                        .flatMap(Optional::stream)
                        .findFirst());
    return new WorkloadStatus(notReady, why);
  }

  /**
   * The count a VDU must reach: the desired instances, or more where its autoscaler has already
   * raised the replicas above that floor (waiting for exactly the floor would then never end).
   */
  private static int target(Deployment live, VduManifests m) {
    Integer spec = live.getSpec() == null ? null : live.getSpec().getReplicas();
    return m.autoscaler().isPresent() && spec != null
        ? Math.max(m.instances(), spec)
        : m.instances();
  }

  /** The pods a VDU runs must be exactly the target count (the status may lag behind). */
  private static Optional<String> podCount(
      Deployment live, VduManifests m, List<Pod> pods, int target) {
    long count =
        pods.stream()
            .filter(p -> m.namespace().equals(p.getMetadata().getNamespace()))
            .filter(p -> m.vduName().equals(p.getMetadata().getLabels().get(KubernetesLabels.VDU)))
            .count();
    return count == target
        ? Optional.empty()
        : Optional.of("Deployment %s: %d pods, %d desired".formatted(ref(live), count, target));
  }

  private static Optional<String> replicaSetFailure(
      KubernetesClient client, List<VduManifests> manifests, String vnfId) {
    return KubernetesManifests.namespaces(manifests).stream()
        .flatMap(ns -> KubernetesObjects.list(client, ReplicaSet.class, ns, vnfId).stream())
        .sorted(Comparator.comparing(KubernetesObjects::ref))
        .map(DeploymentReadiness::failure)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The VNF's pods that are not being deleted, by namespace and name. */
  private static List<Pod> livePods(
      KubernetesClient client, List<VduManifests> manifests, String vnfId) {
    return KubernetesManifests.namespaces(manifests).stream()
        .flatMap(ns -> KubernetesObjects.list(client, Pod.class, ns, vnfId).stream())
        .filter(p -> !KubernetesObjects.terminating(p))
        .sorted(Comparator.comparing(KubernetesObjects::ref))
        .toList();
  }

  /**
   * What is left of the VNF ({@code Kind ns/name}) in any namespace; empty when everything is gone.
   * Needs no descriptor.
   */
  public List<String> remaining(VnfOnVim vnf) {
    KubernetesClient client = clients.client(vnf.vim());
    List<String> left = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : ALL_KINDS) {
      KubernetesObjects.listAnywhere(client, kind, vnf.vim(), vnf.vnfId()).stream()
          .map(KubernetesObjects::describe)
          .sorted()
          .forEach(left::add);
    }
    return left;
  }

  /**
   * The VNF's pods per VDU, with their Kuryr ports, and each VDU's management address; see {@link
   * WorkloadObservation} and {@link PodPorts}.
   */
  public Observation observe(VnfOnVim vnf) {
    KubernetesClient client = clients.client(vnf.vim());
    List<VduManifests> manifests = manifests(vnf);
    List<Pod> pods = livePods(client, manifests, vnf.vnfId());
    PodPorts ports =
        PodPorts.read(client, KubernetesManifests.namespaces(manifests), vnf.descriptor());
    return WorkloadObservation.observe(client, manifests, pods, ports);
  }

  /** What is wrong with the VNF against its desired state; see {@link Diagnosis}. Read-only. */
  public List<Finding> diagnose(VnfOnVim vnf) {
    KubernetesClient client = clients.client(vnf.vim());
    List<VduManifests> manifests = manifests(vnf);
    return Diagnosis.of(client, vnf, manifests, livePods(client, manifests, vnf.vnfId()));
  }

  /**
   * Deletes the pods of the given instances, so that their ReplicaSets replace them. A pod is one
   * of the VNF's (label {@code nfvflow.io/vnf-id}, in any namespace the credentials may list, else
   * the VIM's) whose uid is the instance's id, or, for an instance without id, whose name is the
   * instance's name. A pod that is gone or already being deleted is skipped, so a re-run after a
   * crash deletes nothing new: replacements have new names and uids.
   *
   * @return the pods deleted ({@code ns/name})
   */
  public List<String> replacePods(VnfOnVim vnf, List<VnfInstance> instances) {
    KubernetesClient client = clients.client(vnf.vim());
    List<Pod> pods = KubernetesObjects.listAnywhere(client, Pod.class, vnf.vim(), vnf.vnfId());
    List<String> deleted = new ArrayList<>();
    for (VnfInstance instance : instances) {
      pods.stream()
          .filter(p -> isPodOf(instance, p) && !KubernetesObjects.terminating(p))
          .findFirst()
          .ifPresent(
              pod -> {
                KubernetesErrors.run(
                    "delete " + KubernetesObjects.describe(pod),
                    () -> client.resource(pod).delete());
                LOG.info(
                    "deleted pod {} (instance {} of VDU {}) of VNF {}: its ReplicaSet replaces it",
                    ref(pod),
                    pod.getMetadata().getUid(),
                    instance.vdu(),
                    vnf.vnfId());
                deleted.add(ref(pod));
              });
    }
    return deleted;
  }

  private static boolean isPodOf(VnfInstance instance, Pod pod) {
    if (instance.id() != null && !instance.id().isBlank()) {
      return instance.id().equals(pod.getMetadata().getUid());
    }
    return instance.name() != null && instance.name().equals(pod.getMetadata().getName());
  }

  /**
   * The objects we created for a VNF and its pods, in any namespace the credentials may list, else
   * in the VIM's namespace.
   */
  public List<VimResource> resources(VimConnection vim, String vnfId) {
    KubernetesClient client = clients.client(vim);
    List<VimResource> found = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : LISTED_KINDS) {
      KubernetesObjects.listAnywhere(client, kind, vim, vnfId)
          .forEach(o -> found.add(new VimResource(ref(o), o.getKind(), o.getMetadata().getUid())));
    }
    found.sort(Comparator.comparing(VimResource::type).thenComparing(VimResource::name));
    return found;
  }

  private Convergence convergence(VnfOnVim vnf) {
    return new Convergence(clients.client(vnf.vim()), vnf);
  }

  private static List<VduManifests> manifests(VnfOnVim vnf) {
    return KubernetesManifests.translate(vnf);
  }

  /** Why a pod can never become ready without a change, if so. */
  static Optional<String> podFailure(Pod pod) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    Stream<ContainerStatus> statuses =
        Stream.concat(
            Optional.ofNullable(pod.getStatus().getInitContainerStatuses())
                .orElse(List.of())
                .stream(),
            Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream());
    Optional<String> container =
        statuses
            .filter(s -> s.getState() != null && s.getState().getWaiting() != null)
            .filter(s -> FATAL_WAITING_REASONS.contains(s.getState().getWaiting().getReason()))
            .findFirst()
            .map(
                s ->
                    "pod %s: container %s: %s"
                        .formatted(
                            ref(pod),
                            s.getName(),
                            reason(
                                s.getState().getWaiting().getReason(),
                                s.getState().getWaiting().getMessage())));
    if (container.isPresent()) {
      return container;
    }
    return Optional.ofNullable(pod.getStatus().getConditions()).orElse(List.of()).stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
        .filter(c -> "Unschedulable".equals(c.getReason()))
        .findFirst()
        .map(
            (PodCondition c) ->
                "pod %s: %s".formatted(ref(pod), reason(c.getReason(), c.getMessage())));
  }

  private static String reason(String reason, String message) {
    return message == null || message.isBlank() ? reason : reason + ": " + message;
  }
}
