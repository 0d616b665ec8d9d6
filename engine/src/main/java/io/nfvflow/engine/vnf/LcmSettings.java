package io.nfvflow.engine.vnf;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of lifecycle workflows, handed to every process as variables.
 *
 * @param pollInterval time between two readiness polls
 * @param readyTimeout how long instantiation waits for workloads to become ready
 */
@ConfigurationProperties("nfvflow.lcm")
public record LcmSettings(Duration pollInterval, Duration readyTimeout) {

  public LcmSettings {
    pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    readyTimeout = readyTimeout == null ? Duration.ofMinutes(5) : readyTimeout;
  }
}
