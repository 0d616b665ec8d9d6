package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimProbe;
import io.nfvflow.vim.VimResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The {@code kubernetes} VIM type: container VDUs as ConfigMaps, Deployments, Services and
 * HorizontalPodAutoscalers in the VIM's namespace (or the VDU's own {@code namespace}).
 *
 * <p>Every object carries the labels {@code app.kubernetes.io/managed-by: nfvflow}, {@code
 * nfvflow.io/vnf-id} and {@code nfvflow.io/vdu}; that is how {@link #resources} finds a VNF's
 * objects. The lifecycle steps themselves are the delegates of this package.
 */
@Component
public class KubernetesDriver implements VimDriver {

  /** The VIM type served. */
  public static final String TYPE = "kubernetes";

  private static final Set<String> SERVICE_TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

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

  // --- converging SPI: filled in by the driver work of the scale issue (#6) ---

  @Override
  public String retryCycle() {
    return "R3/PT5S";
  }

  @Override
  public io.nfvflow.vim.PollCadence cadence() {
    return new io.nfvflow.vim.PollCadence(
        java.time.Duration.ofSeconds(1), 2, java.time.Duration.ofSeconds(5));
  }

  @Override
  public void apply(io.nfvflow.vim.VnfOnVim vnf) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void remove(io.nfvflow.vim.VnfOnVim vnf) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public io.nfvflow.vim.Progress progress(
      io.nfvflow.vim.VnfOnVim vnf, io.nfvflow.vim.WaitGoal goal) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public io.nfvflow.vim.Observation observe(io.nfvflow.vim.VnfOnVim vnf) {
    throw new UnsupportedOperationException("not yet");
  }
}
