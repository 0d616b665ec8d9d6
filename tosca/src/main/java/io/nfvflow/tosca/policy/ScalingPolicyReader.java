package io.nfvflow.tosca.policy;

import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.template.Topology;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code tosca.policies.tacker.Scaling} policy and checks its bounds and targets. */
final class ScalingPolicyReader {

  private static final KeyRules POLICY_KEYS =
      KeyRules.keys("type", "description", "metadata", "properties", "targets");

  private static final KeyRules PROPERTIES =
      KeyRules.properties(
          "targets",
          "increment",
          "min_instances",
          "max_instances",
          "default_instances",
          "cooldown",
          "target_cpu_utilization_percentage");

  private ScalingPolicyReader() {}

  static ScalingPolicy read(
      String name, Map<String, Object> definition, Inputs inputs, Topology topology) {
    Problems problems = new Problems();
    problems.check(() -> POLICY_KEYS.check(name, "", definition.keySet()));
    Props props = problems.require(() -> Props.of(name, "", definition.get("properties"), inputs));
    problems.check(() -> props.check(PROPERTIES));
    Integer min = problems.read(() -> required(props, "min_instances", 0));
    Integer max = problems.read(() -> required(props, "max_instances", 1));
    Integer initial = problems.read(() -> required(props, "default_instances", 0));
    if (min != null && max != null && initial != null) {
      problems.check(() -> checkBounds(props, min, max, initial));
    }
    List<String> targets = problems.read(() -> targets(name, definition, props, topology));
    Integer increment = problems.read(() -> required(props, "increment", 1));
    Integer cooldown = problems.read(() -> optional(props, "cooldown", 0, Integer.MAX_VALUE));
    Integer cpu = problems.read(() -> optional(props, "target_cpu_utilization_percentage", 1, 100));
    problems.throwIfAny();
    return new ScalingPolicy(name, targets, min, max, initial, increment, cooldown, cpu);
  }

  private static void checkBounds(Props props, int min, int max, int initial) {
    if (min > max) {
      throw props.invalid("min_instances", min + " is more than max_instances " + max);
    }
    if (initial < min || initial > max) {
      throw props.invalid(
          "default_instances",
          initial + " is not between min_instances " + min + " and max_instances " + max);
    }
  }

  private static int required(Props props, String key, int least) {
    Integer value = props.integer(key);
    if (value == null) {
      throw props.invalid(key, "is required");
    }
    if (value < least) {
      throw props.invalid(key, "must be at least " + least);
    }
    return value;
  }

  private static Integer optional(Props props, String key, int least, int most) {
    Integer value = props.integer(key);
    if (value != null && (value < least || value > most)) {
      throw props.invalid(key, "must be between " + least + " and " + most);
    }
    return value;
  }

  /** Tacker's samples put targets at policy level or under properties; either, not both. */
  private static List<String> targets(
      String name, Map<String, Object> definition, Props props, Topology topology) {
    boolean atPolicy = definition.containsKey("targets");
    if (atPolicy && props.has("targets")) {
      throw ToscaException.invalid(
          name, "targets", "give targets once, at policy level or under properties");
    }
    List<String> targets =
        atPolicy
            ? Props.of(name, "", Map.of("targets", listOrNull(definition)), Inputs.NONE)
                .stringList("targets")
            : props.stringList("targets");
    if (targets.isEmpty()) {
      throw ToscaException.invalid(name, "targets", "a scaling policy needs at least one target");
    }
    return checkTargets(name, targets, topology);
  }

  private static Object listOrNull(Map<String, Object> definition) {
    Object targets = definition.get("targets");
    return targets == null ? List.of() : targets;
  }

  private static List<String> checkTargets(String name, List<String> targets, Topology topology) {
    Set<String> unique = new LinkedHashSet<>();
    Problems problems = new Problems();
    for (String target : targets) {
      if (!topology.isVdu(target)) {
        problems.add(
            ToscaException.invalid(
                name,
                "targets",
                "'" + target + "' must be a VDU, but it is " + topology.describe(target)));
      } else if (!unique.add(target)) {
        problems.add(ToscaException.invalid(name, "targets", "'" + target + "' is listed twice"));
      }
    }
    problems.throwIfAny();
    return List.copyOf(unique);
  }
}
