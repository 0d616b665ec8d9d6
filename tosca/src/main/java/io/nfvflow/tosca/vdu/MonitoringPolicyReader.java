package io.nfvflow.tosca.vdu;

import io.nfvflow.tosca.MonitoringPolicy;
import io.nfvflow.tosca.MonitoringPolicy.Action;
import io.nfvflow.tosca.MonitoringPolicy.Monitor;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.template.Syntax;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a VDU's {@code monitoring_policy} (Tacker's {@code tosca.policies.tacker.Monitoring} shape:
 * {@code name}, {@code parameters}, {@code actions}) into a checked {@link MonitoringPolicy}.
 * Tacker passed the parameters to its monitor drivers unchecked, and a driver ignored what it did
 * not use; here a parameter the monitor does not use is refused, so nothing is silently ignored.
 */
final class MonitoringPolicyReader {

  static final String PROPERTY = "monitoring_policy";

  private static final KeyRules KEYS = KeyRules.keys("name", "parameters", "actions");

  /** Tacker's monitor drivers return true or 'failure': the only event an action can follow. */
  private static final String FAILURE = "failure";

  private static final String DELAY = "monitoring_delay";
  private static final List<String> PARAMETERS =
      List.of(DELAY, "count", "interval", "timeout", "retry", "port");

  /** The parameters each monitor uses (the ping and http_ping drivers' keyword arguments). */
  private static final Map<Monitor, List<String>> USED =
      Map.of(
          Monitor.PING, List.of(DELAY, "count", "interval", "timeout", "retry"),
          Monitor.HTTP_PING, List.of(DELAY, "timeout", "retry", "port"),
          Monitor.NOOP, List.of(DELAY));

  private MonitoringPolicyReader() {}

  /**
   * The VDU's policy, or {@code null} when it has none. An empty {@code monitoring_policy} is none,
   * as in Tacker (which treated an empty map as its {@code noop} default).
   *
   * @param vdu the VDU's node name
   * @param props the VDU's properties
   */
  static MonitoringPolicy read(String vdu, Props props) {
    Object value = props.value(PROPERTY);
    if (value == null || (value instanceof Map<?, ?> map && map.isEmpty())) {
      return null;
    }
    Props policy = props.child(PROPERTY);
    Problems problems = new Problems();
    problems.check(() -> policy.check(KEYS));
    Monitor monitor = problems.read(() -> monitor(policy));
    Action onFailure = problems.read(() -> onFailure(policy.child("actions")));
    Parameters parameters =
        problems.read(() -> parameters(policy.child("parameters"), monitor, problems));
    problems.throwIfAny();
    return parameters.over(MonitoringPolicy.withDefaults(vdu, monitor, onFailure));
  }

  /** The parameters given, each null when absent. */
  private record Parameters(
      Integer delay,
      Integer count,
      Integer interval,
      Integer timeout,
      Integer retry,
      Integer port) {

    MonitoringPolicy over(MonitoringPolicy defaults) {
      return new MonitoringPolicy(
          defaults.vdu(),
          defaults.monitor(),
          delay == null ? defaults.monitoringDelay() : Duration.ofSeconds(delay),
          count == null ? defaults.count() : count,
          interval == null ? defaults.interval() : Duration.ofSeconds(interval),
          timeout == null ? defaults.timeout() : Duration.ofSeconds(timeout),
          retry == null ? defaults.retry() : retry,
          port == null ? defaults.port() : port,
          defaults.onFailure());
    }
  }

  private static Monitor monitor(Props policy) {
    String name = policy.requiredString("name");
    return Monitor.fromTackerName(name)
        .orElseThrow(
            () ->
                policy.invalid("name", "'" + name + "' is not one of " + names(Monitor.values())));
  }

  private static Action onFailure(Props actions) {
    Problems problems = new Problems();
    for (String key : actions.keys()) {
      if (!key.equals(FAILURE)) {
        problems.add(
            actions.invalid(key, "unknown key: a monitor reports one event, '" + FAILURE + "'"));
      }
    }
    Action action = problems.read(() -> action(actions));
    problems.throwIfAny();
    return action;
  }

  private static Action action(Props actions) {
    String choices = names(Action.values());
    String name = actions.string(FAILURE);
    if (name == null || name.isBlank()) {
      throw actions.invalid(FAILURE, "is required (one of " + choices + ")");
    }
    return Action.fromTackerName(name)
        .orElseThrow(() -> actions.invalid(FAILURE, "'" + name + "' is not one of " + choices));
  }

  /**
   * Reads the parameters; every problem goes to {@code problems}.
   *
   * @param monitor the monitor, or null when its name is wrong (then only the values are checked)
   */
  private static Parameters parameters(Props parameters, Monitor monitor, Problems problems) {
    for (String key : parameters.keys()) {
      problems.check(() -> checkUsed(parameters, key, monitor));
    }
    return new Parameters(
        problems.read(() -> atLeast(parameters, DELAY, 0)),
        problems.read(() -> atLeast(parameters, "count", 1)),
        problems.read(() -> atLeast(parameters, "interval", 1)),
        problems.read(() -> atLeast(parameters, "timeout", 1)),
        problems.read(() -> atLeast(parameters, "retry", 1)),
        problems.read(() -> port(parameters)));
  }

  private static void checkUsed(Props parameters, String key, Monitor monitor) {
    if (!PARAMETERS.contains(key)) {
      throw parameters.invalid(
          key, "unknown parameter (one of " + String.join(", ", PARAMETERS) + ")");
    }
    if (monitor != null && !USED.get(monitor).contains(key)) {
      throw parameters.invalid(
          key,
          "the "
              + monitor.tackerName()
              + " monitor does not use it (it takes "
              + String.join(", ", USED.get(monitor))
              + ")");
    }
  }

  /**
   * A whole number of at least {@code min} (seconds, or a count), or null when absent. Numeric text
   * ("45") is accepted: Tacker's policy type declares the parameters as strings.
   */
  private static Integer atLeast(Props parameters, String key, int min) {
    Integer value = number(parameters, key);
    if (value != null && value < min) {
      throw parameters.invalid(
          key, (min == 0 ? "must not be negative" : "must be more than zero") + ", got " + value);
    }
    return value;
  }

  private static Integer number(Props parameters, String key) {
    if (!parameters.has(key)) {
      return null;
    }
    Integer value = parameters.integer(key);
    if (value == null) {
      throw parameters.invalid(key, "has no value");
    }
    return value;
  }

  private static Integer port(Props parameters) {
    Integer port = number(parameters, "port");
    if (port != null && !Syntax.isPort(port)) {
      throw parameters.invalid("port", "must be between 1 and 65535, got " + port);
    }
    return port;
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
