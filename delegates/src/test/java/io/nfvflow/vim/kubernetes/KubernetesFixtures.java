package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.nfvflow.tosca.Container;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class KubernetesFixtures {

  private KubernetesFixtures() {}

  static VimConnection vim(String url, String namespace) {
    return new VimConnection(
        "vim-1",
        "kubernetes",
        url,
        namespace,
        Map.of(),
        new VimCredentials(null, null, "test-token", null));
  }

  static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  /**
   * {@link TackerSamples#single} (VDU1, a Service, a ConfigMap) with scaling policy SP1 on VDU1 and
   * a CPU target, so that it also gets an autoscaler.
   */
  static VnfDescriptor scaled(int min, int max, int defaultInstances) {
    VnfDescriptor d = TackerSamples.single("VDU1", null, "nginx");
    ScalingPolicy sp1 =
        new ScalingPolicy("SP1", List.of("VDU1"), min, max, defaultInstances, 1, null, 50);
    return new VnfDescriptor(
        d.description(),
        d.metadata(),
        d.workflows(),
        d.vdus(),
        d.connectionPoints(),
        d.virtualLinks(),
        List.of(sp1),
        List.of());
  }

  /**
   * VDU1 as in {@link TackerSamples#single} (Service, ConfigMap) and VDU2 with neither: no mapped
   * ports, no config.
   */
  static VnfDescriptor twoVdus() {
    VnfDescriptor d = TackerSamples.single("VDU1", null, "nginx");
    ContainerVdu vdu2 =
        new ContainerVdu(
            "VDU2",
            null,
            List.of(),
            Map.of(),
            null,
            List.of(
                new Container(
                    "worker", "busybox", null, null, List.of(), List.of(), List.of(), Map.of())));
    List<Vdu> vdus = new ArrayList<>(d.vdus());
    vdus.add(vdu2);
    return new VnfDescriptor(
        "two", Map.of(), Map.of(), vdus, List.of(), List.of(), d.scalingPolicies(), List.of());
  }

  /**
   * Plays the Deployment controller, which the mock server lacks: the status of a Deployment rolled
   * out at {@code replicas}, all updated, ready and available.
   */
  static void rolledOut(KubernetesClient client, Deployment wanted, int replicas) {
    Deployment d = client.resource(wanted).get();
    d.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withReadyReplicas(replicas)
            .withAvailableReplicas(replicas)
            .build());
    client.resource(d).updateStatus();
  }

  /** Plays the ReplicaSet controller and the kubelet: a running pod of the Deployment. */
  static Pod runningPod(KubernetesClient client, Deployment d, String name, String ip) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(d.getMetadata().getNamespace())
            .withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
            .endMetadata()
            .withNewSpec()
            .withContainers(d.getSpec().getTemplate().getSpec().getContainers())
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .withPodIP(ip)
            .endStatus()
            .build();
    Pod created = client.resource(pod).create();
    // the status subresource may drop a status sent with the create, as a real API server does
    created.setStatus(pod.getStatus());
    return client.resource(created).updateStatus();
  }
}
