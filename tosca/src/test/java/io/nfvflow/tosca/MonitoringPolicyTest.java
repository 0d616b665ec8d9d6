package io.nfvflow.tosca;

import static io.nfvflow.tosca.Templates.assertInvalid;
import static io.nfvflow.tosca.Templates.assertUnsupported;
import static io.nfvflow.tosca.Templates.parse;
import static io.nfvflow.tosca.Templates.refusal;
import static io.nfvflow.tosca.Templates.withNodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.tosca.MonitoringPolicy.Action;
import io.nfvflow.tosca.MonitoringPolicy.Monitor;
import io.nfvflow.tosca.ToscaException.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A VDU's {@code monitoring_policy}: Tacker's shape, read into a checked, typed policy. */
class MonitoringPolicyTest {

  /** A VM VDU with the given monitoring_policy (YAML, indented under the key). */
  private static String vm(String policy) {
    return withNodes(Templates.VM_VDU + "        monitoring_policy:\n" + policy.strip().indent(10));
  }

  private static String container(String policy) {
    return withNodes(
        """
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
                vnfcs:
                  web: {image: nginx}
                monitoring_policy:
        """
            + policy.strip().indent(10));
  }

  private static MonitoringPolicy policyOf(String yaml) {
    return parse(yaml).monitoringPolicy("VDU1").orElseThrow();
  }

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  @Test
  void readsEveryPingParameter() {
    assertThat(
            policyOf(
                vm(
                    """
                    name: ping
                    parameters:
                      monitoring_delay: 45
                      count: 3
                      interval: 2
                      timeout: 4
                      retry: 6
                    actions:
                      failure: respawn
                    """)))
        .isEqualTo(
            new MonitoringPolicy(
                "VDU1",
                Monitor.PING,
                seconds(45),
                3,
                seconds(2),
                seconds(4),
                6,
                80,
                Action.RESPAWN));
  }

  @Test
  void pingWithoutParametersTakesTackersDefaults() {
    MonitoringPolicy policy = policyOf(vm("{name: ping, actions: {failure: log}}"));
    assertThat(policy).isEqualTo(MonitoringPolicy.withDefaults("VDU1", Monitor.PING, Action.LOG));
    assertThat(policy.monitoringDelay()).isEqualTo(seconds(30));
    assertThat(policy.count()).isEqualTo(5);
    assertThat(policy.interval()).isEqualTo(seconds(1));
    assertThat(policy.timeout()).isEqualTo(seconds(5));
    assertThat(policy.retry()).isEqualTo(1);
    assertThat(policy.port()).isEqualTo(80);
  }

  @Test
  void httpPingReadsItsParametersAndRetriesFiveTimesByDefault() {
    MonitoringPolicy policy =
        policyOf(
            vm(
                """
                name: http_ping
                parameters: {timeout: 10, port: 8000}
                actions: {failure: vdu_autoheal}
                """));
    assertThat(policy.monitor()).isEqualTo(Monitor.HTTP_PING);
    assertThat(policy.timeout()).isEqualTo(seconds(10));
    assertThat(policy.port()).isEqualTo(8000);
    assertThat(policy.retry()).isEqualTo(5);
    assertThat(policy.monitoringDelay()).isEqualTo(seconds(30));
    assertThat(policy.onFailure()).isEqualTo(Action.VDU_AUTOHEAL);
    assertThat(policyOf(vm("{name: http_ping, parameters: {retry: 2}, actions: {failure: log}}")))
        .extracting(MonitoringPolicy::retry, MonitoringPolicy::port)
        .containsExactly(2, 80);
  }

  @Test
  void noopTakesOnlyADelay() {
    MonitoringPolicy policy =
        policyOf(
            vm(
                "{name: noop, parameters: {monitoring_delay: 0}, actions: {failure: log_and_kill}}"));
    assertThat(policy.monitor()).isEqualTo(Monitor.NOOP);
    assertThat(policy.monitoringDelay()).isEqualTo(Duration.ZERO);
    assertThat(policy.onFailure()).isEqualTo(Action.LOG_AND_KILL);
  }

  @ParameterizedTest
  @CsvSource({
    "respawn, RESPAWN, true",
    "vdu_autoheal, VDU_AUTOHEAL, true",
    "log, LOG, false",
    "log_and_kill, LOG_AND_KILL, false"
  })
  void readsEveryFailureAction(String written, Action action, boolean heals) {
    MonitoringPolicy policy = policyOf(vm("{name: ping, actions: {failure: " + written + "}}"));
    assertThat(policy.onFailure()).isEqualTo(action);
    assertThat(action.heals()).isEqualTo(heals);
    assertThat(action.tackerName()).isEqualTo(written);
  }

  @Test
  void numericTextAndInputsAreNumbersToo() {
    String yaml =
        vm("""
                name: ping
                parameters: {monitoring_delay: "45", count: {get_input: pings}}
                actions: {failure: {get_input: on_failure}}
                """)
            .replace(
                "topology_template:\n",
                """
                topology_template:
                  inputs:
                    pings: {type: string}
                    on_failure: {type: string, default: respawn}
                """);
    MonitoringPolicy policy = parse(yaml, Map.of("pings", "4")).monitoringPolicy("VDU1").get();
    assertThat(policy.monitoringDelay()).isEqualTo(seconds(45));
    assertThat(policy.count()).isEqualTo(4);
    assertThat(policy.onFailure()).isEqualTo(Action.RESPAWN);
  }

  @Test
  void aContainerVduIsMonitoredToo() {
    VnfDescriptor descriptor =
        parse(
            container("{name: http_ping, parameters: {port: 8080}, actions: {failure: respawn}}"));
    assertThat(descriptor.containerVdus()).hasSize(1);
    assertThat(descriptor.monitoringPolicy("VDU1").orElseThrow())
        .extracting(MonitoringPolicy::monitor, MonitoringPolicy::port, MonitoringPolicy::onFailure)
        .containsExactly(Monitor.HTTP_PING, 8080, Action.RESPAWN);
  }

  @Test
  void aVduWithoutPolicyHasNone() {
    VnfDescriptor descriptor = parse(withNodes(Templates.VM_VDU));
    assertThat(descriptor.monitoringPolicy("VDU1")).isEmpty();
    assertThat(descriptor.monitoringPolicies()).isEmpty();
    // Tacker read an empty policy as its default, noop: not monitored
    assertThat(parse(vm("{}")).monitoringPolicy("VDU1")).isEmpty();
    assertThat(parse(vm("{name: ping, actions: {failure: log}}")).monitoringPolicy("VDU2"))
        .isEmpty();
  }

  @Test
  void eachVduHasItsOwnPolicy() {
    String yaml =
        withNodes(
            Templates.VM_VDU
                + """
                        monitoring_policy: {name: ping, actions: {failure: log}}
                    VDU2:
                      type: tosca.nodes.nfv.VDU.Tacker
                      properties:
                        image: cirros
                        flavor: m1.tiny
                    VDU3:
                      type: tosca.nodes.nfv.VDU.Tacker
                      properties:
                        image: cirros
                        flavor: m1.tiny
                        monitoring_policy: {name: http_ping, actions: {failure: respawn}}
                """);
    VnfDescriptor descriptor = parse(yaml);
    assertThat(descriptor.monitoringPolicies())
        .extracting(MonitoringPolicy::vdu, MonitoringPolicy::monitor)
        .containsExactly(tuple("VDU1", Monitor.PING), tuple("VDU3", Monitor.HTTP_PING));
    assertThat(descriptor.monitoringPolicy("VDU2")).isEmpty();
  }

  @Test
  void theRawMapStaysOnTheVmVdu() {
    assertThat(
            parse(vm("{name: ping, actions: {failure: log}}")).vmVdus().get(0).monitoringPolicy())
        .isEqualTo(Map.of("name", "ping", "actions", Map.of("failure", "log")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "{name: reboot, actions: {failure: log}}; monitoring_policy.name;"
            + " 'reboot' is not one of ping, http_ping, noop",
        "{name: http-ping, actions: {failure: log}}; monitoring_policy.name;"
            + " 'http-ping' is not one of ping, http_ping, noop",
        "{name: tosca.policies.tacker.Monitoring.Ping, actions: {failure: log}};"
            + " monitoring_policy.name; is not one of ping, http_ping, noop",
        "{actions: {failure: log}}; monitoring_policy.name; is required",
        "{name: ping, actions: {failure: reboot}}; monitoring_policy.actions.failure;"
            + " 'reboot' is not one of respawn, vdu_autoheal, log, log_and_kill",
        "{name: ping}; monitoring_policy.actions.failure;"
            + " is required (one of respawn, vdu_autoheal, log, log_and_kill)",
        "{name: ping, actions: {}}; monitoring_policy.actions.failure; is required",
        "{name: ping, actions: {failure: log, success: log}}; monitoring_policy.actions.success;"
            + " unknown key: a monitor reports one event, 'failure'",
        "{name: ping, actions: [respawn]}; monitoring_policy.actions; expected a map",
        "{name: ping, actions: {failure: log}, severity: high}; monitoring_policy.severity;"
            + " unknown key",
        "ping; monitoring_policy; expected a map, not a single value",
        "{name: ping, parameters: [1], actions: {failure: log}}; monitoring_policy.parameters;"
            + " expected a map",
        "{name: ping, parameters: {colour: red}, actions: {failure: log}};"
            + " monitoring_policy.parameters.colour; unknown parameter (one of monitoring_delay,"
            + " count, interval, timeout, retry, port)",
        "{name: ping, parameters: {port: 80}, actions: {failure: log}};"
            + " monitoring_policy.parameters.port; the ping monitor does not use it",
        "{name: http_ping, parameters: {count: 3}, actions: {failure: log}};"
            + " monitoring_policy.parameters.count; the http_ping monitor does not use it (it takes"
            + " monitoring_delay, timeout, retry, port)",
        "{name: noop, parameters: {timeout: 3}, actions: {failure: log}};"
            + " monitoring_policy.parameters.timeout; the noop monitor does not use it",
        "{name: ping, parameters: {count: 0}, actions: {failure: log}};"
            + " monitoring_policy.parameters.count; must be more than zero, got 0",
        "{name: ping, parameters: {interval: -1}, actions: {failure: log}};"
            + " monitoring_policy.parameters.interval; must be more than zero, got -1",
        "{name: ping, parameters: {timeout: 0}, actions: {failure: log}};"
            + " monitoring_policy.parameters.timeout; must be more than zero",
        "{name: ping, parameters: {retry: 0}, actions: {failure: log}};"
            + " monitoring_policy.parameters.retry; must be more than zero",
        "{name: ping, parameters: {monitoring_delay: -5}, actions: {failure: log}};"
            + " monitoring_policy.parameters.monitoring_delay; must not be negative, got -5",
        "{name: ping, parameters: {interval: 1.5}, actions: {failure: log}};"
            + " monitoring_policy.parameters.interval; expected a whole number, got '1.5'",
        "{name: ping, parameters: {count: lots}, actions: {failure: log}};"
            + " monitoring_policy.parameters.count; expected a whole number",
        "{name: ping, parameters: {count: null}, actions: {failure: log}};"
            + " monitoring_policy.parameters.count; has no value",
        "{name: http_ping, parameters: {port: 70000}, actions: {failure: log}};"
            + " monitoring_policy.parameters.port; must be between 1 and 65535, got 70000",
        "{name: http_ping, parameters: {port: 0}, actions: {failure: log}};"
            + " monitoring_policy.parameters.port; must be between 1 and 65535, got 0"
      })
  void badPoliciesAreNamed(String policy, String property, String reason) {
    assertInvalid(vm(policy), "VDU1", property, reason);
  }

  @Test
  void aContainerVdusPolicyIsCheckedAlike() {
    assertInvalid(
        container("{name: ping, actions: {failure: reboot}}"),
        "VDU1",
        "monitoring_policy.actions.failure",
        "'reboot' is not one of respawn, vdu_autoheal, log, log_and_kill");
  }

  @Test
  void everyProblemOfAPolicyIsNamedWithTheVdusOwn() {
    ToscaException e =
        refusal(
                withNodes(
                    """
                        VDU1:
                          type: tosca.nodes.nfv.VDU.Tacker
                          properties:
                            flavor: m1.tiny
                            monitoring_policy:
                              name: ping
                              parameters: {count: 0, port: 80}
                              actions: {failure: reboot}
                        VDU2:
                          type: tosca.nodes.nfv.VDU.Tacker
                          properties:
                            image: cirros
                            flavor: m1.tiny
                            monitoring_policy: {name: pong, actions: {failure: log}}
                    """))
            .actual();
    assertThat(e.problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(
            tuple("VDU1", "image"),
            tuple("VDU1", "monitoring_policy.actions.failure"),
            tuple("VDU1", "monitoring_policy.parameters.port"),
            tuple("VDU1", "monitoring_policy.parameters.count"),
            tuple("VDU2", "monitoring_policy.name"));
    assertThat(e.getMessage())
        .startsWith("5 problems: ")
        .contains(
            "node 'VDU1', property 'monitoring_policy.actions.failure': 'reboot' is not one of"
                + " respawn, vdu_autoheal, log, log_and_kill");
  }

  @Test
  void aWrongPolicyDoesNotHideItsVduFromTheOtherRules() {
    ToscaException e =
        refusal(
                container("{name: pong, actions: {failure: log}}")
                    + Templates.VM_VDU.replace("VDU1", "VDU2"))
            .actual();
    assertThat(e.problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(tuple("VDU1", "monitoring_policy.name"), tuple("VDU2", null));
    assertThat(e.problems().get(1).reason()).contains("must not mix container VDUs");
  }

  @Test
  void applicationMonitoringStaysRefusedOnBothKinds() {
    String zabbix = "app_monitoring_policy: {name: zabbix}";
    assertUnsupported(
        withNodes(Templates.VM_VDU + "        " + zabbix + "\n"),
        "VDU1",
        "app_monitoring_policy",
        "application monitoring (Zabbix) is not supported");
    assertUnsupported(
        withNodes(
            """
                VDU1:
                  type: tosca.nodes.nfv.VDU.Tacker
                  properties:
                    vnfcs:
                      web: {image: nginx}
            """
                + "        "
                + zabbix
                + "\n"),
        "VDU1",
        "app_monitoring_policy",
        "application monitoring (Zabbix) is not supported");
  }

  @Test
  void aDescriptorBuiltWithoutPoliciesHasNone() {
    VnfDescriptor descriptor =
        new VnfDescriptor(
            "", Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    assertThat(descriptor.monitoringPolicies()).isEmpty();
    assertThat(descriptor.monitoringPolicy("VDU1")).isEmpty();
  }

  @Test
  void aDescriptorHoldsOnePolicyPerVdu() {
    MonitoringPolicy ping = MonitoringPolicy.withDefaults("VDU1", Monitor.PING, Action.LOG);
    assertThatThrownBy(
            () ->
                new VnfDescriptor(
                    "",
                    Map.of(),
                    Map.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(ping, ping)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesAreTackers() {
    assertThat(Monitor.fromTackerName("http_ping")).contains(Monitor.HTTP_PING);
    assertThat(Monitor.fromTackerName("PING")).isEmpty();
    assertThat(Monitor.NOOP.tackerName()).isEqualTo("noop");
    assertThat(Action.fromTackerName("vdu_autoheal")).contains(Action.VDU_AUTOHEAL);
    assertThat(Action.fromTackerName("heal")).isEmpty();
    assertThat(MonitoringPolicy.withDefaults("VDU1", Monitor.HTTP_PING, Action.LOG).retry())
        .isEqualTo(5);
  }
}
