package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Finding;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.PollCadence;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimProbe;
import io.nfvflow.vim.VimResource;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The {@code kubernetes} VIM type: container VDUs as ConfigMaps, Deployments, Services and
 * HorizontalPodAutoscalers ({@code autoscaling/v1}) in the VIM's namespace (or the VDU's own {@code
 * namespace}).
 *
 * <p>Every object carries the labels {@code app.kubernetes.io/managed-by: nfvflow}, {@code
 * nfvflow.io/vnf-id} and {@code nfvflow.io/vdu}; that is how {@link #resources}, {@link #remove}
 * and {@link #progress} find a VNF's objects (in any namespace the credentials may list, else the
 * VIM's), and how {@link #apply} tells its own objects from others of the same name (those make it
 * fail: REJECTED). The lifecycle steps themselves are the delegates of this package.
 *
 * <h2>Replicas</h2>
 *
 * A VDU's Deployment runs the VNF's desired instances ({@link VnfOnVim#instances(String)}): a new
 * VNF starts with the scaling policy's {@code default_instances} clamped to {@code [min_instances,
 * max_instances]} (Tacker ignored {@code default_instances} for containers and started at 1; we
 * honour it), a VDU without policy with 1. A scale changes the replicas through the Deployment's
 * scale subresource, to the absolute target the operation stored, so a retried step does not scale
 * twice.
 *
 * <h2>Scale and the HorizontalPodAutoscaler</h2>
 *
 * A scaling policy's VDU gets an autoscaler, as in Tacker. So that a manual scale sticks instead of
 * being undone by the autoscaler, <b>a scale moves the autoscaler's floor</b>:
 *
 * <ul>
 *   <li>{@code minReplicas} = the desired instances (at least 1, the API's lower bound), {@code
 *       maxReplicas} = the policy's {@code max_instances}, {@code targetCPUUtilizationPercentage} =
 *       the policy's {@code target_cpu_utilization_percentage};
 *   <li>the Deployment's replicas are set to the desired count too.
 * </ul>
 *
 * After a scale out to N the autoscaler may still add pods up to {@code max_instances} under load,
 * but never goes below N; after a scale in to N it may go down to N again. So {@code min_instances}
 * bounds what an operator may ask for, and the last manual scale is the autoscaler's floor. A
 * scale-in lowers the floor before it lowers the replicas, so the autoscaler cannot raise them
 * again in between. While the autoscaler runs above the floor, a wait for READY sees the
 * Deployment's spec differ from the desired count and keeps waiting (recording the autoscaler's own
 * changes as the VNF's level is separate work).
 *
 * <h2>Heal</h2>
 *
 * {@link #watch} tells the engine when a VNF's objects changed; {@link #diagnose} then says what is
 * wrong, comparing exactly as {@link #apply} converges (so an apply repairs every drift it finds,
 * and replicas an autoscaler chose within its range are not drift). A heal deletes the pods it
 * selected ({@link KubernetesWorkloads#replacePods}: their ReplicaSets replace them) and applies.
 */
@Component
public class KubernetesDriver implements VimDriver {

  /** The VIM type served. */
  public static final String TYPE = "kubernetes";

  private static final Set<String> SERVICE_TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  /** At most this many objects are named in a pending removal (the text is a process variable). */
  static final int NAMED_REMAINING = 10;

  private final KubernetesClients clients;
  private final KubernetesWorkloads workloads;

  public KubernetesDriver(KubernetesClients clients, KubernetesWorkloads workloads) {
    this.clients = clients;
    this.workloads = workloads;
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Asks the API server for its version, then lists namespaces. Credentials that may not list
   * namespaces (namespace-scoped service accounts) still pass when they may work in the VIM's
   * namespace; its name is then the only region.
   */
  @Override
  public VimProbe probe(VimConnection vim) {
    try (KubernetesClient client = clients.probeClient(vim)) {
      VersionInfo version = client.getKubernetesVersion();
      String detail = "Kubernetes " + version.getGitVersion() + " at " + vim.authUrl();
      return VimProbe.reachable(regions(client, vim), detail);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 401 || e.getCode() == 403) {
        throw rejectedCredentials(vim, e);
      }
      return VimProbe.unreachable(
          "Kubernetes API server at %s: %s".formatted(vim.authUrl(), KubernetesErrors.reason(e)));
    } catch (RuntimeException e) {
      // a malformed URL or a TLS setup problem (bad CA PEM) also means: cannot talk to it
      return VimProbe.unreachable(
          "Kubernetes API server at %s: %s"
              .formatted(vim.authUrl(), KubernetesErrors.rootCause(e)));
    }
  }

  private static List<String> regions(KubernetesClient client, VimConnection vim) {
    try {
      return client.namespaces().list().getItems().stream()
          .map(Namespace::getMetadata)
          .map(m -> m.getName())
          .sorted()
          .toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      String ns = KubernetesClients.namespace(vim);
      // may the credentials work in their own namespace at all?
      client.apps().deployments().inNamespace(ns).list();
      return List.of(ns);
    }
  }

  private static VimException rejectedCredentials(VimConnection vim, KubernetesClientException e) {
    return new VimException(
        VimException.Kind.UNAUTHORIZED,
        "Kubernetes API server at %s rejected the credentials: %s"
            .formatted(vim.authUrl(), KubernetesErrors.reason(e)),
        e);
  }

  @Override
  public void checkDeployable(VnfDescriptor descriptor) {
    for (Vdu vdu : descriptor.vdus()) {
      if (vdu instanceof VmVdu) {
        throw ToscaException.unsupported(
            vdu.name(), null, "VM VDUs need an OpenStack VIM, this VIM is Kubernetes");
      }
      check((ContainerVdu) vdu);
    }
  }

  private static void check(ContainerVdu vdu) {
    if (!LABEL_VALUE.matcher(vdu.name()).matches()) {
      throw ToscaException.unsupported(
          vdu.name(),
          null,
          "on Kubernetes a VDU name must be a label value (at most 63 letters, digits, '-', '_',"
              + " '.')");
    }
    if (vdu.serviceType() != null && !SERVICE_TYPES.contains(vdu.serviceType())) {
      throw ToscaException.invalid(
          vdu.name(), "service_type", "must be one of ClusterIP, NodePort, LoadBalancer");
    }
    for (Map.Entry<String, String> label : vdu.labels().entrySet()) {
      if (label.getKey().equals(KubernetesLabels.MANAGED_BY)
          || label.getKey().startsWith("nfvflow.io/")) {
        throw ToscaException.invalid(
            vdu.name(), "labels", "label '" + label.getKey() + "' is reserved for nfvflow");
      }
    }
    vdu.containers().stream()
        .flatMap(c -> c.config().keySet().stream())
        .filter(key -> !CONFIG_KEY.matcher(key).matches())
        .findFirst()
        .ifPresent(
            key -> {
              throw ToscaException.invalid(
                  vdu.name(),
                  "config",
                  "'" + key + "' is not a valid key (letters, digits, '-', '_', '.')");
            });
  }

  @Override
  public List<VimResource> resources(VimConnection vim, String vnfId) {
    return workloads.resources(vim, vnfId);
  }

  /** Three retries five seconds apart: an API server that hiccups answers again within that. */
  @Override
  public String retryCycle() {
    return "R3/PT5S";
  }

  /**
   * A safety net only: the watch reports every change a wait looks at ({@link #watch}), and the
   * engine ends the wait with it. The timer catches what a watch missed (an informer reconnecting,
   * a change in the instant before the wait subscribed): after 2 s, then 4 s, 8 s, then every 10 s.
   */
  @Override
  public PollCadence cadence() {
    return new PollCadence(Duration.ofSeconds(2), 2, Duration.ofSeconds(10));
  }

  /**
   * Converges ConfigMaps, Deployments (then replicas, through the scale subresource), Services and
   * autoscalers, in that order: the same work as the steps of {@code vnf-apply-kubernetes}.
   */
  @Override
  public void apply(VnfOnVim vnf) {
    workloads.applyConfigMaps(vnf);
    workloads.applyDeployments(vnf);
    workloads.applyServices(vnf);
    workloads.applyAutoscalers(vnf);
  }

  /**
   * Deletes autoscalers (so they stop scaling), Services, Deployments (their ReplicaSets and pods
   * follow by garbage collection) and ConfigMaps with the VNF's label, in any namespace. Needs no
   * descriptor.
   */
  @Override
  public void remove(VnfOnVim vnf) {
    workloads.deleteAutoscalers(vnf);
    workloads.deleteServices(vnf);
    workloads.deleteDeployments(vnf);
    workloads.deleteConfigMaps(vnf);
  }

  /**
   * READY: every desired Deployment is rolled out at exactly the desired count (see {@link
   * KubernetesWorkloads#readiness}); fails with {@link LcmErrors#WORKLOAD_FAILED} when a pod can
   * never start or the controller may not create pods (a quota). GONE: no object of any kind with
   * the VNF's label is left, in any namespace (needs no descriptor).
   */
  @Override
  public Progress progress(VnfOnVim vnf, WaitGoal goal) {
    return switch (goal) {
      case READY -> ready(workloads.readiness(vnf));
      case GONE -> gone(workloads.remaining(vnf));
    };
  }

  private static Progress ready(WorkloadStatus status) {
    if (status.ready()) {
      return Progress.reached();
    }
    return status
        .failure()
        .map(reason -> Progress.failed(LcmErrors.WORKLOAD_FAILED, reason))
        .orElseGet(() -> Progress.pending(status.describe()));
  }

  private static Progress gone(List<String> left) {
    if (left.isEmpty()) {
      return Progress.reached();
    }
    String named = String.join(", ", left.subList(0, Math.min(left.size(), NAMED_REMAINING)));
    int more = left.size() - NAMED_REMAINING;
    return Progress.pending("left: " + named + (more > 0 ? " and " + more + " more" : ""));
  }

  /**
   * The pods per VDU with the Neutron ports Kuryr gave them, and the management addresses; see
   * {@link WorkloadObservation} and {@link PodPorts}.
   */
  @Override
  public Observation observe(VnfOnVim vnf) {
    return workloads.observe(vnf);
  }

  /**
   * Drift (desired objects missing, edited, not the VNF's, owned extras; replicas off the desired
   * count where no autoscaler governs them, or outside its range where one does), VDUs whose
   * Deployment is not Available and pods that can never start; see {@link Diagnosis}. Read-only.
   */
  @Override
  public List<Finding> diagnose(VnfOnVim vnf) {
    return workloads.diagnose(vnf);
  }

  /**
   * One set of informers per VIM on the Deployments, Services, ConfigMaps and autoscalers nfvflow
   * manages and on their pods ({@link VnfWatch}): a Deployment's replica change is reported as
   * {@code instancesChanged}, a deletion, an edit or a change of availability as {@code
   * vnfChanged}, a change of a pod's Kuryr ports as {@code vnfChanged(vnfId, "ports")}, and what
   * else a wait for READY or GONE looks at (a rollout's counts and conditions, a pod's readiness,
   * scheduling or container that cannot start, a pod's deletion) as {@code vnfChanged(vnfId,
   * "status")}. Together they end {@code vnf-wait}'s pauses, so {@link #cadence} is a safety net.
   */
  @Override
  public java.util.Optional<AutoCloseable> watch(
      VimConnection vim, io.nfvflow.vim.VimChanges changes) {
    return java.util.Optional.of(VnfWatch.start(clients.client(vim), vim, changes));
  }
}
