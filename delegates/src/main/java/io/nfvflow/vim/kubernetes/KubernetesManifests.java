package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerBuilder;
import io.nfvflow.tosca.Container;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.PortMapping;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.vim.VnfOnVim;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates the container VDUs of a descriptor, at the VNF's desired scale, into Kubernetes
 * objects. Pure: no client, no I/O, the same input always gives the same objects (the golden-file
 * tests hold it to that).
 */
final class KubernetesManifests {

  /** The namespace when neither the VDU nor the VIM names one. */
  static final String DEFAULT_NAMESPACE = "default";

  private static final String TCP = "TCP";

  private KubernetesManifests() {}

  /**
   * The objects of every container VDU of a VNF, in descriptor order. A VDU's Deployment runs
   * {@link VnfOnVim#instances(String)} replicas: {@code default_instances} clamped to {@code
   * [min_instances, max_instances]} for a new VNF (Tacker ignored {@code default_instances} for
   * containers; nfvflow honours it), the scale's target afterwards.
   */
  static List<VduManifests> translate(VnfOnVim vnf) {
    String vimNamespace = KubernetesClients.namespace(vnf.vim());
    return vnf.descriptor().containerVdus().stream()
        .map(
            vdu ->
                translate(
                    vdu,
                    vnf.vnfId(),
                    namespace(vdu, vimNamespace),
                    vnf.instances(vdu.name()),
                    vnf.policy(vdu.name()).map(vnf::floor).orElse(1),
                    vnf.policy(vdu.name())))
        .toList();
  }

  /** Every namespace of the VDUs' objects, in a stable order. */
  static List<String> namespaces(List<VduManifests> manifests) {
    return manifests.stream().map(VduManifests::namespace).distinct().sorted().toList();
  }

  /** The namespace of a VDU: its {@code namespace} property overrides the VIM's. */
  static String namespace(ContainerVdu vdu, String vimNamespace) {
    if (vdu.namespace() != null && !vdu.namespace().isBlank()) {
      return vdu.namespace();
    }
    return vimNamespace != null && !vimNamespace.isBlank() ? vimNamespace : DEFAULT_NAMESPACE;
  }

  private static VduManifests translate(
      ContainerVdu vdu,
      String vnfId,
      String namespace,
      int instances,
      int floor,
      Optional<ScalingPolicy> policy) {
    String name = KubernetesNames.objectName(vnfId, vdu.name());
    List<ConfigMap> configMaps =
        vdu.containers().stream()
            .filter(c -> !c.config().isEmpty())
            .map(c -> configMap(vdu, c, vnfId, namespace))
            .toList();
    return new VduManifests(
        vdu.name(),
        namespace,
        instances,
        configMaps,
        deployment(vdu, vnfId, namespace, name, instances),
        vdu.mappingPorts().isEmpty()
            ? Optional.empty()
            : Optional.of(service(vdu, vnfId, namespace, name)),
        // only a CPU target makes an autoscaler; without one the scale API alone sets the count
        policy
            .filter(p -> p.targetCpuUtilizationPercentage() != null)
            .map(p -> autoscaler(vdu, vnfId, namespace, name, floor, p)));
  }

  /** The ConfigMap of a container: named per container so that each gets only its own keys. */
  static String configMapName(ContainerVdu vdu, Container container, String vnfId) {
    return KubernetesNames.objectName(vnfId, vdu.name(), container.name());
  }

  private static ConfigMap configMap(
      ContainerVdu vdu, Container container, String vnfId, String namespace) {
    return new ConfigMapBuilder()
        .withMetadata(meta(vdu, vnfId, namespace, configMapName(vdu, container, vnfId)))
        .withData(container.config())
        .build();
  }

  private static Deployment deployment(
      ContainerVdu vdu, String vnfId, String namespace, String name, int instances) {
    return new DeploymentBuilder()
        .withMetadata(meta(vdu, vnfId, namespace, name))
        .withNewSpec()
        .withReplicas(instances)
        .withNewSelector()
        .withMatchLabels(KubernetesLabels.ownership(vnfId, vdu.name()))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(KubernetesLabels.all(vnfId, vdu.name(), vdu.labels()))
        .endMetadata()
        .withNewSpec()
        .withContainers(vdu.containers().stream().map(c -> container(vdu, c, vnfId)).toList())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.Container container(
      ContainerVdu vdu, Container container, String vnfId) {
    ContainerBuilder builder =
        new ContainerBuilder()
            .withName(KubernetesNames.containerName(container.name()))
            .withImage(container.image())
            .withCommand(container.command().isEmpty() ? null : container.command())
            .withArgs(container.args().isEmpty() ? null : container.args())
            .withPorts(
                container.ports().stream()
                    .map(
                        p ->
                            new ContainerPortBuilder()
                                .withContainerPort(p)
                                .withProtocol(TCP)
                                .build())
                    .toList())
            .withResources(resources(container));
    if (!container.config().isEmpty()) {
      builder.withEnvFrom(
          new EnvFromSourceBuilder()
              .withNewConfigMapRef()
              .withName(configMapName(vdu, container, vnfId))
              .endConfigMapRef()
              .build());
    }
    return builder.build();
  }

  /** {@code num_cpus} and {@code mem_size} are both request and limit (guaranteed QoS). */
  private static ResourceRequirements resources(Container container) {
    Map<String, Quantity> amounts = new java.util.LinkedHashMap<>();
    if (container.numCpus() != null) {
      amounts.put("cpu", cpu(container.numCpus()));
    }
    if (container.memBytes() != null) {
      amounts.put("memory", new Quantity(Long.toString(container.memBytes())));
    }
    if (amounts.isEmpty()) {
      return null;
    }
    return new ResourceRequirementsBuilder().withRequests(amounts).withLimits(amounts).build();
  }

  /** Cores as a quantity: 0.2 → {@code 200m}, 2.0 → {@code 2}. */
  static Quantity cpu(double cores) {
    long millis = Math.round(cores * 1000);
    return new Quantity(millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m");
  }

  private static Service service(ContainerVdu vdu, String vnfId, String namespace, String name) {
    return new ServiceBuilder()
        .withMetadata(meta(vdu, vnfId, namespace, name))
        .withNewSpec()
        .withType(vdu.serviceType() == null ? "ClusterIP" : vdu.serviceType())
        .withSelector(KubernetesLabels.ownership(vnfId, vdu.name()))
        .withPorts(vdu.mappingPorts().stream().map(KubernetesManifests::servicePort).toList())
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.ServicePort servicePort(PortMapping mapping) {
    // a Service with several ports must name each; the port number makes a stable name
    return new ServicePortBuilder()
        .withName("port-" + mapping.port())
        .withProtocol(TCP)
        .withPort(mapping.port())
        .withTargetPort(new IntOrString(mapping.targetPort()))
        .build();
  }

  /**
   * The VDU's autoscaler. Its floor is the operator's level ({@link VnfOnVim#floor}), not {@code
   * min_instances}: a manual scale must stick, and an autoscaler whose floor stayed lower could
   * take a scale-out back, one whose floor stayed higher would undo a scale-in. An autoscaler's
   * floor is at least 1 (the API rejects 0); a Deployment at 0 replicas is left alone by its
   * autoscaler.
   */
  private static HorizontalPodAutoscaler autoscaler(
      ContainerVdu vdu,
      String vnfId,
      String namespace,
      String name,
      int instances,
      ScalingPolicy policy) {
    int floor = Math.max(1, instances);
    // autoscaling/v1: the API servers we support (1.20) have no autoscaling/v2
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(meta(vdu, vnfId, namespace, name))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(name)
        .endScaleTargetRef()
        .withMinReplicas(floor)
        .withMaxReplicas(Math.max(floor, policy.maxInstances()))
        .withTargetCPUUtilizationPercentage(policy.targetCpuUtilizationPercentage())
        .endSpec()
        .build();
  }

  private static ObjectMeta meta(ContainerVdu vdu, String vnfId, String namespace, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(KubernetesLabels.all(vnfId, vdu.name(), vdu.labels()))
        .build();
  }
}
