package io.nfvflow.engine.vnf;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ping} and {@code http_ping} monitors of the VNFDs' {@code monitoring_policy} ({@code
 * nfvflow.heal.monitor.*}); what a failure does is the policy's, within {@link HealSettings}.
 *
 * @param enabled probe at all; off: monitoring policies act only on what the VIMs report
 * @param interval how often every monitored management address is probed (Tacker's {@code [monitor]
 *     check_intvl}, 10 s)
 * @param threads probes running at once, over all VNFs; a probe takes at most its policy's
 *     timeouts, so one VNF's dead addresses hold at most these threads for that long
 */
@ConfigurationProperties("nfvflow.heal.monitor")
public record MonitorSettings(Boolean enabled, Duration interval, Integer threads) {

  public MonitorSettings {
    enabled = enabled == null || enabled;
    interval = interval == null ? Duration.ofSeconds(10) : interval;
    threads = threads == null ? 8 : threads;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("nfvflow.heal.monitor.interval must be positive");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("nfvflow.heal.monitor.threads must be at least 1");
    }
  }
}
