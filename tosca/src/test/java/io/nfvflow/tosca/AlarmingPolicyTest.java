package io.nfvflow.tosca;

import static io.nfvflow.tosca.Templates.assertInvalid;
import static io.nfvflow.tosca.Templates.assertUnsupported;
import static io.nfvflow.tosca.Templates.parse;
import static io.nfvflow.tosca.Templates.refusal;
import static io.nfvflow.tosca.Templates.withNodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.tosca.ToscaException.Problem;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlarmingPolicyTest {

  private static final String VM_VDU =
      """
          VDU1:
            type: tosca.nodes.nfv.VDU.Tacker
            properties:
              image: cirros
              flavor: m1.tiny
              metadata: {metering.server_group: SG1}
      """;

  private static final String CONTAINER_VDU =
      """
          VDU1:
            type: tosca.nodes.nfv.VDU.Tacker
            properties:
              vnfcs: {web: {image: nginx}}
      """;

  private static final String SP1 =
      """
      - SP1:
          type: tosca.policies.tacker.Scaling
          properties: {targets: [VDU1], increment: 1, min_instances: 1, max_instances: 3,
                       default_instances: 1}
      """;

  private static final String TRIGGER =
      """
      event_type: {type: tosca.events.resource.utilization, implementation: ceilometer}
      metric: cpu_util
      condition: {threshold: 80, constraint: utilization greater_than 80%, granularity: 60,
                  evaluations: 1, aggregation_method: mean, resource_type: instance,
                  comparison_operator: gt}
      metadata: SG1
      action: [SP1]
      """;

  private static final String POLICY = "AP1";
  private static final String NAME = "hcpu";
  private static final String PATH = "triggers." + NAME + ".";

  /** A VM VNFD with SP1 and an Alarming policy AP1 holding the given triggers (name: body). */
  private static String alarming(String vdu, String triggers) {
    return withNodes(vdu)
        + "  policies:\n"
        + (SP1 + "- " + POLICY + ":\n    type: tosca.policies.tacker.Alarming\n    triggers:\n")
            .indent(4)
        + triggers.indent(10);
  }

  /** One trigger named hcpu, TRIGGER changed by replacing a text. */
  private static String trigger(String from, String to) {
    return alarming(VM_VDU, NAME + ":\n" + TRIGGER.replace(from, to).indent(2));
  }

  @Test
  void tackersAlarmScaleSampleScalesOutAndIn() throws Exception {
    String yaml =
        Files.readString(
            TackerCorpus.tacker()
                .resolve("samples/tosca-templates/vnfd/tosca-vnfd-alarm-scale.yaml"));
    assertThat(parse(yaml).alarmTriggers())
        .containsExactly(
            new AlarmTrigger(
                "vdu_cpu_usage_monitoring_policy",
                "vdu_hcpu_usage_scaling_out",
                "SP1",
                true,
                "cpu_util"),
            new AlarmTrigger(
                "vdu_cpu_usage_monitoring_policy",
                "vdu_lcpu_usage_scaling_in",
                "SP1",
                false,
                "cpu_util"));
  }

  @ParameterizedTest
  @CsvSource({"gt, SP1-out", "ge, SP1-out", "lt, SP1-in", "le, SP1-in"})
  void theComparisonOperatorGivesTheDirection(String operator, String action) {
    assertThat(parse(trigger("comparison_operator: gt", "comparison_operator: " + operator)))
        .extracting(d -> d.alarmTriggers().get(0).action())
        .isEqualTo(action);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eq", "ne", "greater"})
  void anOperatorWithoutDirectionIsInvalid(String operator) {
    assertInvalid(
        trigger("comparison_operator: gt", "comparison_operator: " + operator),
        POLICY,
        PATH + "condition.comparison_operator",
        "'" + operator + "' gives no direction: gt or ge scale out, lt or le scale in");
  }

  @ParameterizedTest
  @ValueSource(strings = {"respawn", "log", "log_and_kill", "notify", "vdu_autoheal"})
  void tackersOtherActionsAreUnsupported(String action) {
    assertUnsupported(
        trigger("action: [SP1]", "action: [" + action + "]"),
        POLICY,
        PATH + "action",
        "alarm action '"
            + action
            + "' is not supported yet; nfvflow scales from alarms; heal comes with a later"
            + " release");
  }

  @Test
  void anActionMustNameAScalingPolicyOfTheTemplate() {
    assertInvalid(
        trigger("action: [SP1]", "action: [SP9]"),
        POLICY,
        PATH + "action",
        "'SP9' is not a policy of this template: an action names a Scaling policy");
    assertInvalid(
        trigger("action: [SP1]", "action: [AP1]"),
        POLICY,
        PATH + "action",
        "'AP1' is a tosca.policies.tacker.Alarming policy, not a Scaling policy");
    assertInvalid(trigger("action: [SP1]", "action: []"), POLICY, PATH + "action", "is required");
  }

  @Test
  void aTriggerScalesOnePolicy() {
    String yaml =
        alarming(
                VM_VDU + VM_VDU.replace("VDU1", "VDU2"),
                NAME + ":\n" + TRIGGER.replace("action: [SP1]", "action: [SP1, SP2]").indent(2))
            .replace(
                "- AP1:",
                SP1.replace("SP1", "SP2").replace("VDU1", "VDU2").indent(4).strip()
                    + "\n    - AP1:");
    assertInvalid(
        yaml,
        POLICY,
        PATH + "action",
        "names the Scaling policies [SP1, SP2]: a trigger scales one policy");
  }

  @Test
  void onlyInstancesCanBeWatched() {
    assertInvalid(
        trigger("resource_type: instance", "resource_type: instance_disk"),
        POLICY,
        PATH + "condition.resource_type",
        "'instance_disk' is not a valid resource type: only instance");
    assertInvalid(
        trigger("resource_type: instance,", ""),
        POLICY,
        PATH + "condition.resource_type",
        "is required and must be instance");
  }

  @Test
  void metadataMustNameAVdusServerGroup() {
    assertInvalid(
        trigger("metadata: SG1", "metadata: SG2"),
        POLICY,
        PATH + "metadata",
        "'SG2' matches no VDU's metering.server_group (VDU1: SG1)");
    assertInvalid(
        trigger("metadata: SG1", ""),
        POLICY,
        PATH + "metadata",
        "is required: the metering.server_group of the VDU whose servers the alarm watches");
    assertInvalid(
        alarming(
            VM_VDU.replace("metadata: {metering.server_group: SG1}", "key_name: k"),
            NAME + ":\n" + TRIGGER.indent(2)),
        POLICY,
        PATH + "metadata",
        "(no VDU sets one: give it in the VDU's properties.metadata)");
  }

  @Test
  void containerVnfdsAlarmWithoutMetadata() {
    String withoutMetadata = TRIGGER.replace("metadata: SG1\n", "");
    assertThat(parse(alarming(CONTAINER_VDU, NAME + ":\n" + withoutMetadata.indent(2))))
        .extracting(d -> d.alarmTriggers().get(0).scalingPolicy())
        .isEqualTo("SP1");
    assertInvalid(
        alarming(CONTAINER_VDU, NAME + ":\n" + TRIGGER.indent(2)),
        POLICY,
        PATH + "metadata",
        "(container VDUs have none: leave metadata out)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"a/b\"", "\"cpu high\"", "\"..\"", "\"x%25y\""})
  void aTriggerNameMustBeAUrlPathSegment(String name) {
    String bare = name.replace("\"", "");
    assertInvalid(
        alarming(VM_VDU, name + ":\n" + TRIGGER.indent(2)),
        POLICY,
        "triggers." + bare,
        "trigger name '" + bare + "' cannot be a path segment of its alarm URL");
  }

  @Test
  void triggerNamesAreUniqueAcrossAlarmingPolicies() {
    String yaml =
        alarming(VM_VDU, NAME + ":\n" + TRIGGER.indent(2))
            + ("- AP2:\n    type: tosca.policies.tacker.Alarming\n    triggers:\n").indent(4)
            + (NAME + ":\n" + TRIGGER.indent(2)).indent(10);
    assertInvalid(yaml, "AP2", "triggers." + NAME, "Alarming policy 'AP1' has a trigger");
  }

  @Test
  void everyProblemOfATriggerIsNamedTogether() {
    String yaml =
        alarming(
            VM_VDU,
            NAME
                + ":\n"
                + TRIGGER
                    .replace("metric: cpu_util\n", "")
                    .replace("resource_type: instance", "resource_type: network")
                    .replace("metadata: SG1", "metadata: SG7")
                    .replace("action: [SP1]", "action: [respawn, SP9]")
                    .indent(2));
    ToscaException e = refusal(yaml).actual();
    assertThat(e.problems())
        .extracting(Problem::node, Problem::property, Problem::unsupported)
        .containsExactly(
            tuple(POLICY, PATH + "metric", false),
            tuple(POLICY, PATH + "condition.resource_type", false),
            tuple(POLICY, PATH + "metadata", false),
            tuple(POLICY, PATH + "action", true),
            tuple(POLICY, PATH + "action", false));
  }

  @Test
  void aBrokenScalingPolicyIsNotAlsoCalledUnknown() {
    String yaml =
        alarming(VM_VDU, NAME + ":\n" + TRIGGER.indent(2))
            .replace("max_instances: 3", "max_instances: 0");
    assertThat(refusal(yaml).actual().problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(tuple("SP1", "max_instances"));
  }

  @Test
  void anAlarmingPolicyNeedsTriggers() {
    assertInvalid(
        withNodes(VM_VDU)
            + "  policies:\n"
            + "- AP1: {type: tosca.policies.tacker.Alarming}".indent(4),
        "AP1",
        "triggers",
        "an Alarming policy needs at least one trigger");
  }

  @Test
  void aDescriptorWithoutAlarmingPolicyHasNoTriggers() {
    assertThat(parse(withNodes(VM_VDU)).alarmTriggers()).isEmpty();
  }
}
