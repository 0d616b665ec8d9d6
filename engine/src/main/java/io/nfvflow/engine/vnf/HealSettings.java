package io.nfvflow.engine.vnf;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Automatic healing ({@code nfvflow.heal.*}).
 *
 * @param enabled heal what the watches and surveys find; off: findings are MONITOR events only (a
 *     VIM registration can switch it off for one VIM: {@code auto_heal: false})
 * @param unavailableAfter how long a VDU may stay unavailable (after it had been ready) before it
 *     is healed
 * @param maxAttempts automatic heals of one VNF within {@code window} before healing gives up and
 *     leaves the VNF in ERROR with the reason
 * @param window see {@code maxAttempts}
 * @param pollInterval how often a VIM that cannot be watched (OpenStack) is surveyed: one batched
 *     listing of nfvflow's servers per VIM
 * @param debounce how long after a watch event the VNF is looked at (events come in bursts)
 */
@ConfigurationProperties("nfvflow.heal")
public record HealSettings(
    Boolean enabled,
    Duration unavailableAfter,
    Integer maxAttempts,
    Duration window,
    Duration pollInterval,
    Duration debounce) {

  public HealSettings {
    enabled = enabled == null || enabled;
    unavailableAfter = unavailableAfter == null ? Duration.ofSeconds(60) : unavailableAfter;
    maxAttempts = maxAttempts == null ? 3 : maxAttempts;
    window = window == null ? Duration.ofMinutes(30) : window;
    pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
    debounce = debounce == null ? Duration.ofSeconds(1) : debounce;
  }
}
