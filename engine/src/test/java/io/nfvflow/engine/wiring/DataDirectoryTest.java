package io.nfvflow.engine.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirectoryTest {

  @Test
  void aRelativeDataDirBecomesAbsoluteForEveryUse() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addLast(
            new MapPropertySource(
                "app",
                Map.of(
                    "nfvflow.data-dir", "data",
                    "spring.datasource.url", "jdbc:h2:file:${nfvflow.data-dir}/nfvflow")));

    new DataDirectory().postProcessEnvironment(env, null);

    String expected = Path.of("data").toAbsolutePath().normalize().toString();
    assertThat(env.getProperty("nfvflow.data-dir")).isEqualTo(expected);
    assertThat(env.getProperty("spring.datasource.url"))
        .isEqualTo("jdbc:h2:file:" + expected + "/nfvflow");
  }

  @Test
  void anAbsoluteDataDirStaysAsItIs() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addLast(new MapPropertySource("app", Map.of("nfvflow.data-dir", "/var/lib/nfvflow")));
    new DataDirectory().postProcessEnvironment(env, null);
    assertThat(env.getProperty("nfvflow.data-dir")).isEqualTo("/var/lib/nfvflow");
  }
}
