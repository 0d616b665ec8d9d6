package io.nfvflow.tosca.policy;

import io.nfvflow.tosca.AlarmTrigger;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Reads a {@code tosca.policies.tacker.Alarming} policy: each trigger becomes an {@link
 * AlarmTrigger} that scales the one Scaling policy its {@code action} names. Tacker's other alarm
 * actions (respawn, log...) are refused until nfvflow heals.
 *
 * <p>Tacker's rules hold: {@code condition.resource_type} must be {@code instance} (Tacker:
 * InvalidResourceType), and {@code metadata} must equal the {@code metering.server_group} of a
 * VDU's {@code metadata} (Tacker: MetadataNotMatched), which selects the servers the alarm watches.
 * A VM descriptor's trigger must give it; container VDUs have no metadata, so a container
 * descriptor's trigger leaves it out (its alarm comes from a monitor outside the VIM).
 *
 * <p>Direction: {@code gt} and {@code ge} scale out, {@code lt} and {@code le} scale in. Tacker
 * scaled out on {@code gt} only and in on anything else, so its {@code ge} scaled in; nfvflow reads
 * {@code ge} as "at or above the threshold", the direction of {@code gt}. {@code eq} and {@code ne}
 * give no direction and are refused. The rest of the condition (threshold, granularity...) is for
 * the monitor that posts to the alarm URL; nfvflow does not evaluate it.
 */
final class AlarmingPolicyReader {

  private static final KeyRules POLICY_KEYS =
      KeyRules.keys("type", "description", "metadata", "triggers");

  private static final KeyRules TRIGGER_KEYS =
      KeyRules.keys("description", "event_type", "metric", "condition", "metadata", "action");

  /** Tacker's own alarm actions (its policy-action drivers), besides naming a Scaling policy. */
  private static final Set<String> TACKER_ACTIONS =
      Set.of("respawn", "log", "log_and_kill", "notify", "vdu_autoheal");

  private static final Map<String, Boolean> SCALES_OUT =
      Map.of("gt", true, "ge", true, "lt", false, "le", false);

  private static final String DIRECTIONS = "gt or ge scale out, lt or le scale in";

  /** A URL path segment that needs no escaping; 255 is Tacker's limit for an attribute key. */
  private static final Pattern TRIGGER_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

  private static final String SERVER_GROUP = "metering.server_group";

  private final Inputs inputs;
  private final Map<String, String> policyTypes;
  private final Map<String, String> vduByServerGroup = new LinkedHashMap<>();
  private final boolean vms;

  /**
   * @param policyTypes every policy of the template, name to type
   * @param vdus the VDUs read, for their server groups
   */
  AlarmingPolicyReader(Inputs inputs, Map<String, String> policyTypes, List<Vdu> vdus) {
    this.inputs = inputs;
    this.policyTypes = policyTypes;
    for (Vdu vdu : vdus) {
      if (vdu instanceof VmVdu vm && vm.metadata().containsKey(SERVER_GROUP)) {
        vduByServerGroup.putIfAbsent(vm.metadata().get(SERVER_GROUP), vm.name());
      }
    }
    this.vms = vdus.stream().anyMatch(VmVdu.class::isInstance);
  }

  List<AlarmTrigger> read(String policy, Map<String, Object> definition) {
    Problems problems = new Problems();
    problems.check(() -> POLICY_KEYS.check(policy, "", definition.keySet()));
    Props triggers =
        problems.require(() -> Props.of(policy, "triggers", definition.get("triggers"), inputs));
    if (triggers.keys().isEmpty()) {
      problems.add(
          ToscaException.invalid(
              policy, "triggers", "an Alarming policy needs at least one trigger"));
    }
    List<AlarmTrigger> read =
        problems.readEach(triggers.keys(), name -> trigger(policy, name, triggers));
    problems.throwIfAny();
    return read;
  }

  private AlarmTrigger trigger(String policy, String name, Props triggers) {
    Problems problems = new Problems();
    problems.check(() -> checkName(name, triggers));
    Props props = problems.require(() -> triggers.child(name));
    problems.check(() -> props.check(TRIGGER_KEYS));
    String metric = problems.read(() -> props.requiredString("metric"));
    Boolean out = problems.read(() -> scalesOut(props.child("condition")));
    problems.check(() -> checkMetadata(props));
    String scalingPolicy = problems.read(() -> scalingPolicy(props));
    problems.throwIfAny();
    return new AlarmTrigger(policy, name, scalingPolicy, out, metric);
  }

  private static void checkName(String name, Props triggers) {
    if (!TRIGGER_NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
      throw triggers.invalid(
          name,
          "trigger name '"
              + name
              + "' cannot be a path segment of its alarm URL: use letters, digits, '_', '-'"
              + " and '.' (not only dots), at most 255");
    }
  }

  private static boolean scalesOut(Props condition) {
    Problems problems = new Problems();
    problems.check(() -> requireInstance(condition));
    Boolean out = problems.read(() -> direction(condition));
    problems.throwIfAny();
    return out;
  }

  private static void requireInstance(Props condition) {
    String type = condition.string("resource_type");
    if (type == null) {
      throw condition.invalid("resource_type", "is required and must be instance");
    }
    if (!type.equals("instance")) {
      throw condition.invalid(
          "resource_type", "'" + type + "' is not a valid resource type: only instance");
    }
  }

  private static boolean direction(Props condition) {
    String operator = condition.string("comparison_operator");
    if (operator == null) {
      throw condition.invalid("comparison_operator", "is required: " + DIRECTIONS);
    }
    Boolean out = SCALES_OUT.get(operator);
    if (out == null) {
      throw condition.invalid(
          "comparison_operator", "'" + operator + "' gives no direction: " + DIRECTIONS);
    }
    return out;
  }

  private void checkMetadata(Props props) {
    String metadata = props.string("metadata");
    if (metadata == null && vms) {
      throw props.invalid(
          "metadata",
          "is required: the "
              + SERVER_GROUP
              + " of the VDU whose servers the alarm watches"
              + serverGroups());
    }
    if (metadata != null && !vduByServerGroup.containsKey(metadata)) {
      throw props.invalid(
          "metadata", "'" + metadata + "' matches no VDU's " + SERVER_GROUP + serverGroups());
    }
  }

  /** The server groups there are, for messages. */
  private String serverGroups() {
    if (!vduByServerGroup.isEmpty()) {
      StringJoiner groups = new StringJoiner(", ", " (", ")");
      vduByServerGroup.forEach((group, vdu) -> groups.add(vdu + ": " + group));
      return groups.toString();
    }
    return vms
        ? " (no VDU sets one: give it in the VDU's properties.metadata)"
        : " (container VDUs have none: leave metadata out)";
  }

  private String scalingPolicy(Props props) {
    List<String> actions = props.stringList("action");
    if (actions.isEmpty()) {
      throw props.invalid("action", "is required: name the Scaling policy the alarm scales");
    }
    Problems problems = new Problems();
    List<String> policies = problems.readEach(actions, action -> scalingAction(props, action));
    if (policies.size() > 1) {
      problems.add(
          props.invalid(
              "action",
              "names the Scaling policies "
                  + policies
                  + ": a trigger scales one policy; give each its own trigger"));
    }
    problems.throwIfAny();
    return policies.get(0);
  }

  private String scalingAction(Props props, String action) {
    if (TACKER_ACTIONS.contains(action)) {
      throw props.unsupported(
          "action",
          "alarm action '"
              + action
              + "' is not supported yet; nfvflow scales from alarms; heal comes with a later"
              + " release");
    }
    String type = policyTypes.get(action);
    if (type == null) {
      throw props.invalid(
          "action",
          "'" + action + "' is not a policy of this template: an action names a Scaling policy");
    }
    if (!type.equals(PolicyReader.SCALING)) {
      throw props.invalid(
          "action", "'" + action + "' is a " + type + " policy, not a Scaling policy");
    }
    return action;
  }
}
