package io.nfvflow.tosca.policy;

import io.nfvflow.tosca.AlarmTrigger;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code topology_template.policies}: a list of one-entry maps, policy name to definition.
 */
public final class PolicyReader {

  static final String SCALING = "tosca.policies.tacker.Scaling";
  static final String ALARMING = "tosca.policies.tacker.Alarming";

  private static final String SECTION = "topology_template.policies";

  /** Tacker ignored these in the policies section too: only the VDU property was monitored. */
  private static final String MONITORING =
      "monitoring policies in this section; give the VDU a monitoring_policy property";

  private static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("tosca.policies.tacker.Placement", "placement (affinity) policies"),
          Map.entry("tosca.policies.Placement", "placement (affinity) policies"),
          Map.entry("tosca.policies.tacker.Monitoring", MONITORING),
          Map.entry("tosca.policies.tacker.Monitoring.NoOp", MONITORING),
          Map.entry("tosca.policies.tacker.Monitoring.Ping", MONITORING),
          Map.entry("tosca.policies.tacker.Monitoring.HttpPing", MONITORING),
          Map.entry(
              "tosca.policies.tacker.Monitoring.Zabbix",
              "application monitoring (Zabbix) policies"),
          Map.entry("tosca.policies.Monitoring", MONITORING),
          Map.entry("tosca.policies.tacker.AppMonitoring", "application monitoring policies"),
          Map.entry("tosca.policies.tacker.Failure", "failure policies"),
          Map.entry("tosca.policies.tacker.Failure.Respawn", "failure policies"),
          Map.entry("tosca.policies.tacker.Failure.Terminate", "failure policies"),
          Map.entry("tosca.policies.tacker.Failure.Log", "failure policies"),
          Map.entry("tosca.policies.tacker.Reservation", "reservation (Blazar) policies"),
          Map.entry("tosca.policies.Reservation", "reservation (Blazar) policies"),
          Map.entry("tosca.policies.Scaling", "generic scaling policies (use " + SCALING + ")"),
          Map.entry("tosca.policies.Update", "update policies"),
          Map.entry("tosca.policies.Performance", "performance policies"));

  /**
   * What the policies section asks for.
   *
   * @param scaling the Scaling policies
   * @param alarmTriggers the triggers of the Alarming policies, each scaling one of them
   */
  public record Policies(List<ScalingPolicy> scaling, List<AlarmTrigger> alarmTriggers) {}

  private PolicyReader() {}

  /**
   * Reads the policies, checking their targets against the topology and alarm triggers against the
   * VDUs read.
   */
  public static Policies read(Object raw, Inputs inputs, Topology topology, List<Vdu> vdus) {
    Problems problems = new Problems();
    Map<String, Map<String, Object>> entries = entries(raw, problems);
    Map<String, String> types = new LinkedHashMap<>();
    entries.forEach(
        (name, definition) -> {
          String type = problems.read(() -> type(name, definition));
          if (type != null) {
            types.put(name, type);
          }
        });
    AlarmingPolicyReader alarming = new AlarmingPolicyReader(inputs, types, vdus);
    List<ScalingPolicy> scaling = new ArrayList<>();
    List<AlarmTrigger> triggers = new ArrayList<>();
    types.forEach(
        (name, type) -> {
          Map<String, Object> definition = entries.get(name);
          switch (type) {
            case SCALING ->
                problems.check(
                    () ->
                        scaling.add(ScalingPolicyReader.read(name, definition, inputs, topology)));
            case ALARMING -> problems.check(() -> triggers.addAll(alarming.read(name, definition)));
            default -> problems.add(refuse(name, type));
          }
        });
    problems.check(() -> requireOnePolicyPerVdu(scaling));
    problems.check(() -> requireDistinctTriggerNames(triggers));
    problems.throwIfAny();
    return new Policies(scaling, triggers);
  }

  /** The policies by name; a malformed entry is recorded and left out. */
  private static Map<String, Map<String, Object>> entries(Object raw, Problems problems) {
    Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
    if (raw == null) {
      return entries;
    }
    if (!(raw instanceof List<?> list)) {
      throw ToscaException.invalid(null, SECTION, "expected a list of 'name: definition' entries");
    }
    for (Object item : list) {
      problems.check(() -> addEntry(entries, item));
    }
    return entries;
  }

  private static void addEntry(Map<String, Map<String, Object>> entries, Object item) {
    if (!(item instanceof Map<?, ?> map) || map.size() != 1) {
      throw ToscaException.invalid(
          null, SECTION, "each policy must be one 'name: definition' entry");
    }
    String name = String.valueOf(map.keySet().iterator().next());
    if (!(map.get(name) instanceof Map<?, ?> definition)) {
      throw ToscaException.invalid(name, null, "a policy definition must be a map");
    }
    if (entries.putIfAbsent(name, copy(definition)) != null) {
      throw ToscaException.invalid(name, null, "policy name used twice");
    }
  }

  private static Map<String, Object> copy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  private static String type(String name, Map<String, Object> definition) {
    if (!(definition.get("type") instanceof String type) || type.isBlank()) {
      throw ToscaException.invalid(name, "type", "a policy needs a type");
    }
    return type;
  }

  private static ToscaException refuse(String name, String type) {
    if (REFUSED.containsKey(type)) {
      return ToscaException.unsupported(
          name, "type", "policy type '" + type + "' is not supported (" + REFUSED.get(type) + ")");
    }
    return ToscaException.invalid(name, "type", "unknown policy type '" + type + "'");
  }

  /** Kubernetes attaches one autoscaler per Deployment, and a VDU scales one way: one policy. */
  private static void requireOnePolicyPerVdu(List<ScalingPolicy> policies) {
    Map<String, String> policyByVdu = new HashMap<>();
    Problems problems = new Problems();
    for (ScalingPolicy policy : policies) {
      for (String vdu : policy.targets()) {
        String other = policyByVdu.putIfAbsent(vdu, policy.name());
        if (other != null) {
          problems.add(
              ToscaException.invalid(
                  policy.name(),
                  "targets",
                  "VDU '"
                      + vdu
                      + "' is already scaled by policy '"
                      + other
                      + "'; a VDU may have only one scaling policy"));
        }
      }
    }
    problems.throwIfAny();
  }

  /** A trigger's name is its alarm URL's path segment and its key in the VNF's attributes. */
  private static void requireDistinctTriggerNames(List<AlarmTrigger> triggers) {
    Map<String, String> policyByTrigger = new HashMap<>();
    Problems problems = new Problems();
    for (AlarmTrigger trigger : triggers) {
      String other = policyByTrigger.putIfAbsent(trigger.name(), trigger.alarmingPolicy());
      if (other != null) {
        problems.add(
            ToscaException.invalid(
                trigger.alarmingPolicy(),
                "triggers." + trigger.name(),
                "Alarming policy '"
                    + other
                    + "' has a trigger of this name too; a VNF's alarm URLs and attributes are"
                    + " keyed by trigger name"));
      }
    }
    problems.throwIfAny();
  }
}
