package io.nfvflow.tosca;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A VDU's {@code monitoring_policy} (Tacker's {@code tosca.policies.tacker.Monitoring} shape):
 * which monitor checks the VDU's management address and what a failure does. nfvflow reads it on VM
 * and on container VDUs (Tacker monitored VMs only); {@link VnfDescriptor#monitoringPolicy(String)}
 * gives it, every parameter checked and defaulted.
 *
 * <pre>
 * monitoring_policy:
 *   name: ping            # ping | http_ping | noop
 *   parameters: {monitoring_delay: 45, count: 3, interval: 1, timeout: 2, retry: 1, port: 80}
 *   actions: {failure: respawn}   # respawn | vdu_autoheal | log | log_and_kill
 * </pre>
 *
 * @param vdu the VDU's node name
 * @param monitor the monitor
 * @param monitoringDelay how long after an instantiate or heal before the first check ({@code
 *     monitoring_delay}, seconds; Tacker's default 30 s)
 * @param count ping: echo requests per try ({@code count}, default 5)
 * @param interval ping: between echo requests ({@code interval}, seconds, default 1)
 * @param timeout per reply (ping) or request (http_ping) ({@code timeout}, seconds, default 5)
 * @param retry tries before the check counts as failed ({@code retry}; ping default 1, http_ping
 *     default 5)
 * @param port http_ping: the port ({@code port}, default 80)
 * @param onFailure what a failure does ({@code actions.failure})
 */
public record MonitoringPolicy(
    String vdu,
    Monitor monitor,
    Duration monitoringDelay,
    int count,
    Duration interval,
    Duration timeout,
    int retry,
    int port,
    Action onFailure) {

  public MonitoringPolicy {
    Objects.requireNonNull(vdu, "vdu");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(monitoringDelay, "monitoringDelay");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(onFailure, "onFailure");
  }

  /**
   * A policy with every parameter at Tacker's default: delay 30 s, count 5, interval 1 s, timeout 5
   * s, retry 1 for ping and 5 for http_ping (and noop), port 80. These are Tacker's: {@code
   * [tacker] boot_wait}, {@code [monitor_ping]} and the http_ping driver's own.
   */
  public static MonitoringPolicy withDefaults(String vdu, Monitor monitor, Action onFailure) {
    return new MonitoringPolicy(
        vdu,
        monitor,
        Duration.ofSeconds(30),
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        monitor == Monitor.PING ? 1 : 5,
        80,
        onFailure);
  }

  /** The monitor ({@code name}). */
  public enum Monitor {
    PING,
    HTTP_PING,
    /** No active check; the action still applies to what the VIM reports (drift, failures). */
    NOOP;

    /** The name a descriptor gives: {@code ping}, {@code http_ping} or {@code noop}. */
    public String tackerName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The monitor a descriptor names (exactly as Tacker spells it), if it is one. */
    public static Optional<Monitor> fromTackerName(String name) {
      return Arrays.stream(values()).filter(m -> m.tackerName().equals(name)).findFirst();
    }
  }

  /** What a failure does ({@code actions.failure}). */
  public enum Action {
    /** Heal the failed instance (Tacker rebuilt the whole stack; nfvflow heals the instance). */
    RESPAWN,
    /** Heal the failed instance. */
    VDU_AUTOHEAL,
    /** One MONITOR event per change of state, nothing else. */
    LOG,
    /** Terminate the VNF and mark it DEAD. */
    LOG_AND_KILL;

    /** Whether this action heals. */
    public boolean heals() {
      return this == RESPAWN || this == VDU_AUTOHEAL;
    }

    /** The name a descriptor gives: {@code respawn}, {@code vdu_autoheal}, ... */
    public String tackerName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The action a descriptor names (exactly as Tacker spells it), if it is one. */
    public static Optional<Action> fromTackerName(String name) {
      return Arrays.stream(values()).filter(a -> a.tackerName().equals(name)).findFirst();
    }
  }
}
