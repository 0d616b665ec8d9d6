package io.nfvflow.tosca;

import static io.nfvflow.tosca.Templates.VM_VDU;
import static io.nfvflow.tosca.Templates.assertInvalid;
import static io.nfvflow.tosca.Templates.assertUnsupported;
import static io.nfvflow.tosca.Templates.parse;
import static io.nfvflow.tosca.Templates.withNodes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTest {

  private static String withPolicies(String policies) {
    return withNodes(
            VM_VDU
                + """
                    VL1:
                      type: tosca.nodes.nfv.VL
                      properties: {network_name: net0}
                """)
        + "  policies:\n"
        + policies.indent(4);
  }

  private static String scaling(String properties) {
    return withPolicies(
        "- SP1:\n    type: tosca.policies.tacker.Scaling\n    properties:\n"
            + properties.indent(6));
  }

  private static final String BOUNDS =
      "increment: 1\nmin_instances: 1\nmax_instances: 3\ndefault_instances: 2\n";

  @Test
  void readsAScalingPolicyWithTargetsUnderProperties() {
    ScalingPolicy policy =
        parse(
                scaling(
                    "targets: [VDU1]\n"
                        + BOUNDS
                        + "cooldown: 120\ntarget_cpu_utilization_percentage: 50"))
            .scalingPolicies()
            .get(0);
    assertThat(policy)
        .isEqualTo(new ScalingPolicy("SP1", java.util.List.of("VDU1"), 1, 3, 2, 1, 120, 50));
  }

  @Test
  void acceptsTargetsAtPolicyLevel() {
    String yaml =
        withPolicies(
            "- SP1:\n    type: tosca.policies.tacker.Scaling\n    targets: [VDU1]\n    properties:\n"
                + BOUNDS.indent(6));
    VnfDescriptor d = parse(yaml);
    assertThat(d.scalingPolicyFor("VDU1")).map(ScalingPolicy::name).contains("SP1");
    assertThat(d.scalingPolicies().get(0).cooldown()).isNull();
  }

  @Test
  void targetsTwiceIsInvalid() {
    String yaml =
        withPolicies(
            "- SP1:\n    type: tosca.policies.tacker.Scaling\n    targets: [VDU1]\n    properties:\n"
                + ("targets: [VDU1]\n" + BOUNDS).indent(6));
    assertInvalid(yaml, "SP1", "targets", "give targets once");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "targets: [VDU1]\\nincrement: 1\\nmax_instances: 3\\ndefault_instances: 1; min_instances; is required",
        "targets: [VDU1]\\nincrement: 1\\nmin_instances: 4\\nmax_instances: 3\\ndefault_instances: 4; min_instances; is more than max_instances",
        "targets: [VDU1]\\nincrement: 1\\nmin_instances: 1\\nmax_instances: 3\\ndefault_instances: 5; default_instances; is not between",
        "targets: [VDU1]\\nincrement: 0\\nmin_instances: 1\\nmax_instances: 3\\ndefault_instances: 1; increment; at least 1",
        "targets: [VDU1]\\nincrement: 1\\nmin_instances: 1\\nmax_instances: 3\\ndefault_instances: 1\\ntarget_cpu_utilization_percentage: 150; target_cpu_utilization_percentage; between 1 and 100",
        "targets: [VDU1]\\nincrement: 1\\nmin_instances: 1\\nmax_instances: 3\\ndefault_instances: 1\\nwarmup: 3; warmup; unknown property"
      })
  void badBoundsAreNamed(String lines, String property, String reason) {
    assertInvalid(scaling(lines.replace("\\n", "\n")), "SP1", property, reason);
  }

  @Test
  void targetsMustExistAndBeVdus() {
    assertInvalid(
        scaling("targets: [VDU9]\n" + BOUNDS),
        "SP1",
        "targets",
        "'VDU9' must be a VDU, but it is no such node");
    assertInvalid(scaling("targets: [VL1]\n" + BOUNDS), "SP1", "targets", "'VL1' must be a VDU");
    assertInvalid(scaling(BOUNDS), "SP1", "targets", "needs at least one target");
  }

  @Test
  void aVduHasAtMostOneScalingPolicy() {
    String policy =
        "    type: tosca.policies.tacker.Scaling\n    properties:\n"
            + ("targets: [VDU1]\n" + BOUNDS).indent(6);
    assertInvalid(
        withPolicies("- SP1:\n" + policy + "- SP2:\n" + policy),
        "SP2",
        "targets",
        "already scaled by policy 'SP1'");
  }

  @ParameterizedTest
  @CsvSource({
    "tosca.policies.tacker.Placement",
    "tosca.policies.tacker.Monitoring",
    "tosca.policies.tacker.Reservation",
    "tosca.policies.tacker.Failure.Respawn"
  })
  void otherTackerPolicyTypesAreUnsupported(String type) {
    assertUnsupported(
        withPolicies("- P1:\n    type: " + type + "\n    targets: [VDU1]"),
        "P1",
        "type",
        "policy type '" + type + "' is not supported");
  }

  @ParameterizedTest
  @CsvSource({
    "tosca.policies.tacker.Monitoring",
    "tosca.policies.tacker.Monitoring.Ping",
    "tosca.policies.tacker.Monitoring.HttpPing",
    "tosca.policies.tacker.Monitoring.NoOp"
  })
  void monitoringPoliciesPointToTheVduProperty(String type) {
    assertUnsupported(
        withPolicies("- P1:\n    type: " + type + "\n    targets: [VDU1]"),
        "P1",
        "type",
        "give the VDU a monitoring_policy property");
  }

  @Test
  void unknownPolicyTypeIsInvalid() {
    assertInvalid(
        withPolicies("- P1:\n    type: acme.Policy"),
        "P1",
        "type",
        "unknown policy type 'acme.Policy'");
  }

  @Test
  void policiesMustBeAList() {
    assertInvalid(
        withPolicies("SP1:\n  type: tosca.policies.tacker.Scaling"),
        null,
        "topology_template.policies",
        "expected a list");
  }
}
