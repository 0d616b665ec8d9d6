package io.nfvflow.vim.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfvflow.tosca.VnfDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden files: the Heat templates for Tacker's VM samples. After an intended change, rerun with
 * {@code -Dheat.golden.update=true} and review the diff of {@code src/test/resources/golden/heat/}.
 * A nested template is stored as {@code <sample>.<file>}.
 */
class HeatTemplatesGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/heat");

  @Test
  void helloWorld() throws IOException {
    assertGolden("hello-world", HotSamples.sample("hello-world"));
  }

  @Test
  void multiVdu() throws IOException {
    assertGolden("multi-vdu", HotSamples.sample("multi-vdu"));
  }

  @Test
  void withParams() throws IOException {
    assertGolden("with-params", HotSamples.sample("with-params", "param-values"));
  }

  @Test
  void scale() throws IOException {
    HeatStack stack = assertGolden("scale", HotSamples.sample("scale"));
    assertThat(stack.files()).containsOnlyKeys("SP1_res.yaml");
  }

  @Test
  void network() throws IOException {
    assertGolden("network", HotSamples.sample("network"));
  }

  private static HeatStack assertGolden(String sample, VnfDescriptor descriptor)
      throws IOException {
    HeatStack stack = HotSamples.translate(descriptor);
    assertValidHot(stack.template());
    assertFile(sample + ".yaml", stack.template());
    for (Map.Entry<String, String> nested : stack.files().entrySet()) {
      assertValidHot(nested.getValue());
      assertFile(sample + "." + nested.getKey(), nested.getValue());
    }
    return stack;
  }

  private static void assertValidHot(String template) {
    assertThat(HotSamples.tree(template))
        .containsKeys("heat_template_version", "resources")
        .containsEntry("heat_template_version", HotTemplate.VERSION);
  }

  private static void assertFile(String file, String actual) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("heat.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden)
        .as("golden file %s: create it with -Dheat.golden.update=true and review it", golden)
        .exists();
    assertThat(actual).as(file).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
