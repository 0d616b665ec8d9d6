package io.nfvflow.engine.wiring;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code nfvflow.data-dir} absolute before anything uses it: H2 refuses database paths that
 * are implicitly relative to the working directory, and the default ({@code data}) and many
 * operators' settings are relative.
 */
public class DataDirectory implements EnvironmentPostProcessor {

  static final String PROPERTY = "nfvflow.data-dir";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String configured = env.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      return;
    }
    String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
    env.getPropertySources()
        .addFirst(new MapPropertySource("nfvflow-data-dir", Map.of(PROPERTY, absolute)));
  }
}
