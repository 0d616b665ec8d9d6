package io.nfvflow.engine.vnf;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of lifecycle workflows, handed to every process as a variable. How often a wait polls is
 * the VIM type's own cadence (its driver's), not a setting.
 *
 * @param readyTimeout how long a wait (workloads ready, a stack complete, objects gone) lasts
 */
@ConfigurationProperties("nfvflow.lcm")
public record LcmSettings(Duration readyTimeout) {

  public LcmSettings {
    readyTimeout = readyTimeout == null ? Duration.ofMinutes(5) : readyTimeout;
  }
}
