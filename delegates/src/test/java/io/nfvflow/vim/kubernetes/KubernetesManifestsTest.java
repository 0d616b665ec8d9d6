package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VnfOnVim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Golden files: the manifests for Tacker's container samples. After an intended change, rerun with
 * {@code -Dgolden.update=true} and review the diff of {@code src/test/resources/golden/}.
 */
class KubernetesManifestsTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void containerizedSampleMatchesGoldenFile() throws IOException {
    assertGolden(TackerSamples.containerized(), "tosca-vnfd-containerized.yaml");
  }

  @Test
  void twoContainersSampleMatchesGoldenFile() throws IOException {
    assertGolden(TackerSamples.twoContainers(), "tosca-vnfd-containerized-two-containers.yaml");
  }

  @Test
  void configMapOnlyForContainersWithConfig() {
    assertThat(translate(TackerSamples.containerized()).configMaps()).hasSize(1);
    assertThat(translate(TackerSamples.twoContainers()).configMaps()).isEmpty();
  }

  @Test
  void noAutoscalerWithoutScalingPolicy() {
    VduManifests m = translate(TackerSamples.single("VDU1", null, "nginx"));
    assertThat(m.autoscaler()).isEmpty();
    assertThat(m.deployment().getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void vduNamespaceOverridesVimNamespace() {
    assertThat(translate(TackerSamples.single("VDU1", "edge", "nginx")).namespace())
        .isEqualTo("edge");
    assertThat(translate(TackerSamples.single("VDU1", null, "nginx")).namespace())
        .isEqualTo("vim-ns");
  }

  @Test
  void aNewVnfRunsDefaultInstancesClampedToMinAndMax() {
    assertThat(replicas(KubernetesFixtures.scaled(2, 5, 4))).isEqualTo(4);
    assertThat(replicas(KubernetesFixtures.scaled(2, 5, 9))).isEqualTo(5);
    assertThat(replicas(KubernetesFixtures.scaled(2, 5, 0))).isEqualTo(2);
    assertThat(replicas(TackerSamples.single("VDU1", null, "nginx"))).isEqualTo(1);
  }

  @Test
  void aScaledVnfRunsItsTargetAndTheAutoscalerFloorFollows() {
    VduManifests m =
        translate(
            new VnfOnVim(
                KubernetesFixtures.vim("https://127.0.0.1:6443", "vim-ns"),
                TackerSamples.VNF_ID,
                KubernetesFixtures.scaled(1, 3, 2),
                Map.of("SP1", 3)));

    assertThat(m.instances()).isEqualTo(3);
    assertThat(m.deployment().getSpec().getReplicas()).isEqualTo(3);
    assertThat(m.autoscaler().orElseThrow().getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(m.autoscaler().orElseThrow().getSpec().getMaxReplicas()).isEqualTo(3);
    assertThat(m.autoscaler().orElseThrow().getSpec().getTargetCPUUtilizationPercentage())
        .isEqualTo(50);
  }

  @Test
  void aScalingPolicyWithoutCpuTargetMakesNoAutoscaler() {
    var d = KubernetesFixtures.scaled(1, 3, 2);
    var p = d.scalingPolicies().get(0);
    VduManifests m =
        translate(
            new io.nfvflow.tosca.VnfDescriptor(
                d.description(),
                d.metadata(),
                d.workflows(),
                d.vdus(),
                d.connectionPoints(),
                d.virtualLinks(),
                java.util.List.of(
                    new io.nfvflow.tosca.ScalingPolicy(
                        p.name(), p.targets(), 1, 3, 2, 1, null, null)),
                java.util.List.of()));

    assertThat(m.autoscaler()).isEmpty();
    assertThat(m.deployment().getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void anAutoscalerFloorIsAtLeastOne() {
    VduManifests m = translate(KubernetesFixtures.scaled(0, 3, 0));

    assertThat(m.deployment().getSpec().getReplicas()).isZero();
    assertThat(m.autoscaler().orElseThrow().getSpec().getMinReplicas()).isEqualTo(1);
  }

  @Test
  void cpuQuantities() {
    assertThat(KubernetesManifests.cpu(0.2).toString()).isEqualTo("200m");
    assertThat(KubernetesManifests.cpu(2.0).toString()).isEqualTo("2");
    assertThat(KubernetesManifests.cpu(1.25).toString()).isEqualTo("1250m");
  }

  @Test
  void everyObjectAndThePodTemplateCarryOwnershipLabels() {
    VduManifests m = translate(TackerSamples.containerized());
    for (HasMetadata o : m.all()) {
      assertThat(o.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/managed-by", "nfvflow")
          .containsEntry("nfvflow.io/vnf-id", TackerSamples.VNF_ID)
          .containsEntry("nfvflow.io/vdu", "VDU1")
          .containsEntry("app", "webserver");
    }
    assertThat(m.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("nfvflow.io/vnf-id", TackerSamples.VNF_ID)
        .containsEntry("app", "webserver");
  }

  static String yaml(List<VduManifests> manifests) {
    return manifests.stream()
        .flatMap(m -> m.all().stream())
        .map(Serialization::asYaml)
        .collect(Collectors.joining());
  }

  private static int replicas(VnfDescriptor descriptor) {
    return translate(descriptor).deployment().getSpec().getReplicas();
  }

  private static VduManifests translate(VnfDescriptor descriptor) {
    return KubernetesManifests.translate(vnf(descriptor)).get(0);
  }

  private static VduManifests translate(VnfOnVim vnf) {
    return KubernetesManifests.translate(vnf).get(0);
  }

  private static VnfOnVim vnf(VnfDescriptor descriptor) {
    return new VnfOnVim(
        KubernetesFixtures.vim("https://127.0.0.1:6443", "vim-ns"),
        TackerSamples.VNF_ID,
        descriptor);
  }

  private static void assertGolden(VnfDescriptor descriptor, String file) throws IOException {
    String actual = yaml(KubernetesManifests.translate(vnf(descriptor)));
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
