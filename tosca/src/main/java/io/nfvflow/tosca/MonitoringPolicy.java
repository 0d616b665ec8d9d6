package io.nfvflow.tosca;

import java.time.Duration;

/**
 * A VDU's {@code monitoring_policy} (Tacker's {@code tosca.policies.tacker.Monitoring} shape):
 * which monitor checks the VDU's management address and what a failure does.
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

  /** The monitor ({@code name}). */
  public enum Monitor {
    PING,
    HTTP_PING,
    /** No active check; the action still applies to what the VIM reports (drift, failures). */
    NOOP
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
  }
}
