package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.kubernetes.KuryrVifs.Vif;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neutron ports kuryr-kubernetes gave a VNF's pods, as connection points: nfvflow never makes
 * pod ports itself, it reads Kuryr's record of them ({@link KuryrVifs}) — a pod's KuryrPort when
 * the cluster has that custom resource (Victoria on), else the pod's {@link KuryrVifs#ANNOTATION}.
 *
 * <p>A VDU's connection points, by ({@code order}, nulls last; name) as on OpenStack, go to the
 * pod's interfaces: the first to the default one (eth0), the next ones to the additional ones by
 * interface name. A pod without record, or with one that cannot be read (logged once), has no
 * ports; connection points beyond its interfaces have none either.
 *
 * <p>KuryrPorts are listed once per observation and namespace; a cluster without the resource type
 * answers 404 (credentials that may not read it, 403): then the annotations are all there is.
 */
final class PodPorts {

  private static final Logger LOG = LoggerFactory.getLogger(PodPorts.class);

  static final ResourceDefinitionContext KURYR_PORTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("openstack.org")
          .withVersion("v1")
          .withKind("KuryrPort")
          .withPlural("kuryrports")
          .withNamespaced(true)
          .build();

  private static final Comparator<ConnectionPoint> CP_ORDER =
      Comparator.comparing(
              ConnectionPoint::order, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
          .thenComparing(ConnectionPoint::name);

  /** What was already warned about (bounded: a pod's record warns once, not every observation). */
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private static final int MAX_WARNED = 10_000;

  /**
   * A pod's ports and the addresses Kuryr gave it.
   *
   * @param byCp the Neutron port id per connection point name
   * @param addresses the fixed IPs of all its interfaces, default interface first
   */
  record Ports(Map<String, String> byCp, List<String> addresses) {
    static final Ports NONE = new Ports(Map.of(), List.of());
  }

  private final VnfDescriptor descriptor;
  private final Map<String, GenericKubernetesResource> kuryrPorts;

  private PodPorts(VnfDescriptor descriptor, Map<String, GenericKubernetesResource> kuryrPorts) {
    this.descriptor = descriptor;
    this.kuryrPorts = kuryrPorts;
  }

  /** Lists the KuryrPorts of the namespaces (when the cluster has them) for the pods to come. */
  static PodPorts read(
      KubernetesClient client, Collection<String> namespaces, VnfDescriptor descriptor) {
    Map<String, GenericKubernetesResource> byPod = new HashMap<>();
    for (String ns : namespaces) {
      kuryrPorts(client, ns).forEach(kp -> byPod.put(KubernetesObjects.ref(kp), kp));
    }
    return new PodPorts(descriptor, byPod);
  }

  private static List<GenericKubernetesResource> kuryrPorts(KubernetesClient client, String ns) {
    try {
      return client.genericKubernetesResources(KURYR_PORTS).inNamespace(ns).list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of(); // no KuryrPort CRD: Kuryr (if any) annotates pods
      }
      if (e.getCode() == 403) {
        warnOnce(
            "403 " + ns,
            "may not list KuryrPorts in namespace {}; reading pod annotations only: {}",
            ns,
            KubernetesErrors.reason(e));
        return List.of();
      }
      throw KubernetesErrors.map("list KuryrPorts in namespace " + ns, e);
    }
  }

  /** The pod's ports per connection point of its VDU, and its Kuryr addresses. */
  Ports of(Pod pod, String vdu) {
    List<Vif> vifs = vifs(pod);
    if (vifs.isEmpty()) {
      return Ports.NONE;
    }
    List<ConnectionPoint> cps =
        descriptor.connectionPoints().stream()
            .filter(cp -> vdu.equals(cp.vdu()))
            .sorted(CP_ORDER)
            .toList();
    // slot 0 is the default interface (there may be none), then the additional ones in order
    List<Vif> slots = new ArrayList<>();
    slots.add(vifs.get(0).isDefault() ? vifs.get(0) : null);
    vifs.stream().filter(v -> !v.isDefault()).forEach(slots::add);
    Map<String, String> byCp = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(cps.size(), slots.size()); i++) {
      if (slots.get(i) != null) {
        byCp.put(cps.get(i).name(), slots.get(i).portId());
      }
    }
    List<String> addresses = new ArrayList<>();
    vifs.forEach(v -> addresses.addAll(v.addresses()));
    return new Ports(byCp, addresses);
  }

  /** The pod's KuryrPort (of this very pod: same uid) if any, else its annotation. */
  private List<Vif> vifs(Pod pod) {
    GenericKubernetesResource kp = kuryrPorts.get(KubernetesObjects.ref(pod));
    if (kp != null && isOf(kp, pod)) {
      Object status = kp.getAdditionalProperties().get("status");
      return read(
          pod, "KuryrPort", String.valueOf(status), () -> KuryrVifs.fromKuryrPortStatus(status));
    }
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String annotation = annotations == null ? null : annotations.get(KuryrVifs.ANNOTATION);
    if (annotation == null) {
      return List.of();
    }
    return read(
        pod,
        "annotation " + KuryrVifs.ANNOTATION,
        annotation,
        () -> KuryrVifs.fromAnnotation(annotation));
  }

  /** Whether the KuryrPort is the pod's, not one of an earlier pod of the same name. */
  private static boolean isOf(GenericKubernetesResource kp, Pod pod) {
    Object podUid = kp.get("spec", "podUid");
    return podUid == null || podUid.equals(pod.getMetadata().getUid());
  }

  private static List<Vif> read(Pod pod, String source, String value, Supplier<List<Vif>> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      warnOnce(
          pod.getMetadata().getUid() + " " + source + " " + value.hashCode(),
          "pod {}: cannot read its Kuryr {} ({}); it has no ports",
          KubernetesObjects.ref(pod),
          source,
          e.getMessage());
      return List.of();
    }
  }

  private static void warnOnce(String key, String format, Object... args) {
    if (WARNED.size() > MAX_WARNED) {
      WARNED.clear();
    }
    if (WARNED.add(key)) {
      LOG.warn(format, args);
    }
  }
}
