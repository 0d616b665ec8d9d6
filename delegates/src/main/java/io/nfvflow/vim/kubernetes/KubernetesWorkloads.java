package io.nfvflow.vim.kubernetes;

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
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The workload operations of the Kubernetes steps. Every operation is idempotent: creates look
 * before they create, deletes find objects by the {@code nfvflow.io/vnf-id} label (so they also
 * clean up what a failed instantiate left behind), and already-gone objects are fine.
 *
 * <p>No server-side apply or strategic merge patch: plain create keeps us compatible with every API
 * server and with fabric8's mock server.
 */
@Component
public class KubernetesWorkloads {

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

  /** The kinds we create, in deletion order (autoscaler first so it stops scaling). */
  static final List<Class<? extends HasMetadata>> CREATED_KINDS =
      List.of(HorizontalPodAutoscaler.class, Service.class, Deployment.class, ConfigMap.class);

  /** What must be gone before a VNF is: also what the Deployments made. */
  static final List<Class<? extends HasMetadata>> ALL_KINDS =
      List.of(
          HorizontalPodAutoscaler.class,
          Service.class,
          Deployment.class,
          ReplicaSet.class,
          Pod.class,
          ConfigMap.class);

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesWorkloads.class);

  private final KubernetesClients clients;

  public KubernetesWorkloads(KubernetesClients clients) {
    this.clients = clients;
  }

  public void createConfigMaps(KubernetesVnf vnf) {
    create(vnf, m -> List.copyOf(m.configMaps()));
  }

  public void createDeployments(KubernetesVnf vnf) {
    create(vnf, m -> List.of(m.deployment()));
  }

  public void createServices(KubernetesVnf vnf) {
    create(vnf, m -> m.service().<List<HasMetadata>>map(List::of).orElse(List.of()));
  }

  public void createAutoscalers(KubernetesVnf vnf) {
    create(vnf, m -> m.autoscaler().<List<HasMetadata>>map(List::of).orElse(List.of()));
  }

  public void deleteConfigMaps(KubernetesVnf vnf) {
    delete(vnf, ConfigMap.class);
  }

  public void deleteDeployments(KubernetesVnf vnf) {
    delete(vnf, Deployment.class);
  }

  public void deleteServices(KubernetesVnf vnf) {
    delete(vnf, Service.class);
  }

  public void deleteAutoscalers(KubernetesVnf vnf) {
    delete(vnf, HorizontalPodAutoscaler.class);
  }

  /** Whether every Deployment is ready, or why a pod never will be. */
  public WorkloadStatus readiness(KubernetesVnf vnf) {
    KubernetesClient client = clients.client(vnf.vim());
    List<String> notReady = new ArrayList<>();
    Optional<String> deploymentFailure = Optional.empty();
    for (VduManifests m : vnf.manifests()) {
      Deployment live = get(client, m.deployment());
      if (live == null) {
        notReady.add("Deployment %s does not exist".formatted(ref(m.deployment())));
      } else {
        DeploymentReadiness.notReady(live).ifPresent(notReady::add);
        deploymentFailure = deploymentFailure.or(() -> DeploymentReadiness.failure(live));
      }
    }
    if (notReady.isEmpty()) {
      return new WorkloadStatus(List.of(), Optional.empty());
    }
    if (deploymentFailure.isPresent()) {
      return new WorkloadStatus(notReady, deploymentFailure);
    }
    Optional<String> failure =
        vnf.namespaces().stream()
            .flatMap(ns -> list(client, Pod.class, ns, vnf.vnfId()).stream())
            .sorted(Comparator.comparing(p -> ref(p)))
            .map(KubernetesWorkloads::podFailure)
            .flatMap(Optional::stream)
            .findFirst();
    return new WorkloadStatus(notReady, failure);
  }

  /** What is left of the VNF ({@code Kind ns/name}); empty when everything is gone. */
  public List<String> remaining(KubernetesVnf vnf) {
    KubernetesClient client = clients.client(vnf.vim());
    List<String> left = new ArrayList<>();
    for (String ns : vnf.namespaces()) {
      for (Class<? extends HasMetadata> kind : ALL_KINDS) {
        list(client, kind, ns, vnf.vnfId()).forEach(o -> left.add(o.getKind() + " " + ref(o)));
      }
    }
    return left;
  }

  /** The cluster IP of each VDU's Service (VDUs without a Service have no entry). */
  public Map<String, String> serviceAddresses(KubernetesVnf vnf) {
    KubernetesClient client = clients.client(vnf.vim());
    Map<String, String> addresses = new LinkedHashMap<>();
    for (VduManifests m : vnf.manifests()) {
      m.service()
          .ifPresent(
              wanted -> {
                Service live = get(client, wanted);
                if (live == null) {
                  throw new VimException(
                      VimException.Kind.NOT_FOUND,
                      "Service %s does not exist".formatted(ref(wanted)));
                }
                addresses.put(m.vduName(), live.getSpec().getClusterIP());
              });
    }
    return addresses;
  }

  /**
   * The objects we created for a VNF, in any namespace the credentials may list, else in the VIM's
   * namespace.
   */
  public List<VimResource> resources(VimConnection vim, String vnfId) {
    KubernetesClient client = clients.client(vim);
    List<VimResource> found = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : CREATED_KINDS) {
      listAnywhere(client, kind, vim, vnfId)
          .forEach(o -> found.add(new VimResource(ref(o), o.getKind(), o.getMetadata().getUid())));
    }
    found.sort(Comparator.comparing(VimResource::type).thenComparing(VimResource::name));
    return found;
  }

  private static <T extends HasMetadata> List<T> listAnywhere(
      KubernetesClient client, Class<T> kind, VimConnection vim, String vnfId) {
    try {
      return client
          .resources(kind)
          .inAnyNamespace()
          .withLabel(KubernetesLabels.VNF_ID, vnfId)
          .list()
          .getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw KubernetesErrors.map("list " + kind.getSimpleName() + " in all namespaces", e);
      }
      // namespace-scoped credentials: the VIM's namespace is all they can see
      return list(client, kind, KubernetesClients.namespace(vim), vnfId);
    }
  }

  private void create(KubernetesVnf vnf, Function<VduManifests, List<HasMetadata>> select) {
    KubernetesClient client = clients.client(vnf.vim());
    vnf.manifests().stream()
        .flatMap(m -> select.apply(m).stream())
        .forEach(o -> createOwned(client, o, vnf.vnfId()));
  }

  /** Looks first; creates when absent; a 409 means a parallel or crashed run created it. */
  private static void createOwned(KubernetesClient client, HasMetadata wanted, String vnfId) {
    String what = wanted.getKind() + " " + ref(wanted);
    HasMetadata existing = get(client, wanted);
    if (existing == null) {
      try {
        client.resource(wanted).create();
        LOG.info("created {} for VNF {}", what, vnfId);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw KubernetesErrors.map("create " + what, e);
        }
        existing = get(client, wanted);
      }
    }
    if (existing == null || !KubernetesLabels.ownedBy(existing.getMetadata().getLabels(), vnfId)) {
      throw new VimException(
          VimException.Kind.REJECTED,
          "%s already exists and is not owned by VNF %s".formatted(what, vnfId));
    }
  }

  private void delete(KubernetesVnf vnf, Class<? extends HasMetadata> kind) {
    KubernetesClient client = clients.client(vnf.vim());
    for (String ns : vnf.namespaces()) {
      // list, then delete by name: collection deletes are not served for every kind everywhere
      // (Services on older API servers), and a name delete of a gone object is simply a no-op
      for (HasMetadata o : list(client, kind, ns, vnf.vnfId())) {
        String what = o.getKind() + " " + ref(o);
        KubernetesErrors.run("delete " + what, () -> client.resource(o).delete());
        LOG.info("deleted {} of VNF {}", what, vnf.vnfId());
      }
    }
  }

  private static <T extends HasMetadata> T get(KubernetesClient client, T wanted) {
    return KubernetesErrors.call(
        "read " + wanted.getKind() + " " + ref(wanted), () -> client.resource(wanted).get());
  }

  private static <T extends HasMetadata> List<T> list(
      KubernetesClient client, Class<T> kind, String ns, String vnfId) {
    return KubernetesErrors.call(
        "list " + kind.getSimpleName() + " in namespace " + ns,
        () ->
            client
                .resources(kind)
                .inNamespace(ns)
                .withLabel(KubernetesLabels.VNF_ID, vnfId)
                .list()
                .getItems());
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

  static String ref(HasMetadata o) {
    return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }
}
