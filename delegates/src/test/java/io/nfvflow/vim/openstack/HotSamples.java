package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nfvflow.tosca.ToscaParser;
import io.nfvflow.tosca.VnfDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Tacker's VNFD samples (the tosca module's copy of the corpus), parsed by the real parser, and
 * test flavors.
 */
final class HotSamples {

  static final String VNF_ID = "7c1e4f2a-9b3d-4a5e-8f6c-0d2b1a3e5f7c";

  /** A DevStack-like flavor set, deliberately listed out of size order. */
  static final List<FlavorInfo> FLAVORS =
      List.of(
          new FlavorInfo("m1.large", 4, 8192, 80),
          new FlavorInfo("m1.tiny", 1, 512, 1),
          new FlavorInfo("m1.medium", 2, 4096, 40),
          new FlavorInfo("m1.small", 1, 2048, 20));

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private HotSamples() {}

  /** {@code samples/tosca-templates/vnfd/tosca-vnfd-<name>.yaml}, without parameters. */
  static VnfDescriptor sample(String name) {
    return new ToscaParser().parse(read(vnfd(name)), Map.of());
  }

  /** A sample with the parameter values of another sample file (Tacker's {@code param_values}). */
  static VnfDescriptor sample(String name, String paramsSample) {
    ToscaParser parser = new ToscaParser();
    return parser.parse(read(vnfd(name)), parser.parseParamValues(read(vnfd(paramsSample))));
  }

  /** A descriptor written inline in a test: its node templates (and policies) only. */
  static VnfDescriptor parse(String nodeTemplatesAndPolicies) {
    String yaml =
        "tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0\n"
            + "topology_template:\n  node_templates:\n"
            + nodeTemplatesAndPolicies;
    return new ToscaParser().parse(yaml, Map.of());
  }

  static HeatStack translate(VnfDescriptor descriptor) {
    return HeatTemplates.translate(VNF_ID, descriptor, FLAVORS);
  }

  /** A generated template read back as plain maps and lists, as Heat would read it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(String template) {
    try {
      return YAML.readValue(template, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path vnfd(String name) {
    return tacker().resolve("samples/tosca-templates/vnfd/tosca-vnfd-" + name + ".yaml");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's copy of Tacker's corpus, found by walking up from the working directory. */
  static Path tacker() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tosca/src/test/resources/tacker-8.0.0");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "tosca/src/test/resources/tacker-8.0.0 not found above " + Path.of("").toAbsolutePath());
  }
}
