package io.nfvflow.vim.kubernetes;

import io.nfvflow.tosca.Container;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.PortMapping;
import io.nfvflow.tosca.ToscaParser;
import io.nfvflow.tosca.VnfDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Tacker's container samples ({@code samples/tosca-templates/vnfd/}), read by the real parser. */
final class TackerSamples {

  static final String VNF_ID = "3f2a9c1e-5b7d-4e21-9a0c-6d8e1f2b3c4d";

  private TackerSamples() {}

  /** {@code tosca-vnfd-containerized.yaml}. */
  static VnfDescriptor containerized() {
    return parse("tosca-vnfd-containerized.yaml");
  }

  /** {@code tosca-vnfd-containerized-two-containers.yaml}. */
  static VnfDescriptor twoContainers() {
    return parse("tosca-vnfd-containerized-two-containers.yaml");
  }

  /**
   * Parses a sample copied verbatim from Tacker 8.0.0 into {@code
   * src/test/resources/tacker-samples} (copied, so that the module's tests need nothing outside the
   * repository).
   */
  private static VnfDescriptor parse(String sample) {
    try (InputStream in = TackerSamples.class.getResourceAsStream("/tacker-samples/" + sample)) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ToscaParser().parse(yaml, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-container VDU without policy, for driver tests. */
  static VnfDescriptor single(String vduName, String namespace, String image) {
    Container c =
        new Container(
            "app", image, 0.1, 64_000_000L, List.of(8080), List.of(), List.of(), Map.of("k", "v"));
    ContainerVdu vdu =
        new ContainerVdu(
            vduName,
            namespace,
            List.of(new PortMapping(80, 8080)),
            Map.of(),
            "ClusterIP",
            List.of(c));
    return new VnfDescriptor(
        "test", Map.of(), Map.of(), List.of(vdu), List.of(), List.of(), List.of(), List.of());
  }
}
