package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
  void replicasFollowMinInstancesNotDefaultInstances() {
    ScalingPolicy policy = new ScalingPolicy("SP1", List.of("VDU1"), 2, 5, 4, 1, null, null);
    assertThat(KubernetesManifests.replicas(Optional.of(policy))).isEqualTo(2);
    assertThat(KubernetesManifests.replicas(Optional.empty())).isEqualTo(1);
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

  private static VduManifests translate(VnfDescriptor descriptor) {
    return KubernetesManifests.translate(descriptor, TackerSamples.VNF_ID, "vim-ns").get(0);
  }

  private static void assertGolden(VnfDescriptor descriptor, String file) throws IOException {
    String actual = yaml(KubernetesManifests.translate(descriptor, TackerSamples.VNF_ID, "vim-ns"));
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
