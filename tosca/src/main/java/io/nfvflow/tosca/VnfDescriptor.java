package io.nfvflow.tosca;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed, validated VNF descriptor with every {@code get_input} already resolved.
 *
 * @param description the template's description (may be empty)
 * @param metadata the template's {@code metadata} section, as strings (without {@code workflows})
 * @param workflows process definition keys per operation from {@code metadata.workflows}, for
 *     example {@code instantiate -> my-instantiate}
 * @param vdus the virtual deployment units, container or VM, in template order
 * @param connectionPoints the connection points ({@code tosca.nodes.nfv.CP.Tacker})
 * @param virtualLinks the virtual links ({@code tosca.nodes.nfv.VL})
 * @param scalingPolicies the {@code tosca.policies.tacker.Scaling} policies
 * @param alarmTriggers the triggers of the {@code tosca.policies.tacker.Alarming} policies, each
 *     scaling one of the scaling policies out or in
 * @param monitoringPolicies the VDUs' {@code monitoring_policy}, checked, at most one per VDU, in
 *     VDU order (VM and container VDUs alike)
 */
public record VnfDescriptor(
    String description,
    Map<String, String> metadata,
    Map<String, String> workflows,
    List<Vdu> vdus,
    List<ConnectionPoint> connectionPoints,
    List<VirtualLink> virtualLinks,
    List<ScalingPolicy> scalingPolicies,
    List<AlarmTrigger> alarmTriggers,
    List<MonitoringPolicy> monitoringPolicies) {

  public VnfDescriptor {
    metadata = Map.copyOf(metadata);
    workflows = Map.copyOf(workflows);
    vdus = List.copyOf(vdus);
    connectionPoints = List.copyOf(connectionPoints);
    virtualLinks = List.copyOf(virtualLinks);
    scalingPolicies = List.copyOf(scalingPolicies);
    alarmTriggers = List.copyOf(alarmTriggers);
    monitoringPolicies = List.copyOf(monitoringPolicies);
    if (monitoringPolicies.stream().map(MonitoringPolicy::vdu).distinct().count()
        != monitoringPolicies.size()) {
      throw new IllegalArgumentException("more than one monitoring policy for a VDU");
    }
  }

  /** A descriptor without monitoring policies (the arity before them; for fixtures). */
  public VnfDescriptor(
      String description,
      Map<String, String> metadata,
      Map<String, String> workflows,
      List<Vdu> vdus,
      List<ConnectionPoint> connectionPoints,
      List<VirtualLink> virtualLinks,
      List<ScalingPolicy> scalingPolicies,
      List<AlarmTrigger> alarmTriggers) {
    this(
        description,
        metadata,
        workflows,
        vdus,
        connectionPoints,
        virtualLinks,
        scalingPolicies,
        alarmTriggers,
        List.of());
  }

  /** The VDUs that run as containers. */
  public List<ContainerVdu> containerVdus() {
    return vdus.stream()
        .filter(ContainerVdu.class::isInstance)
        .map(ContainerVdu.class::cast)
        .toList();
  }

  /** The VDUs that run as virtual machines. */
  public List<VmVdu> vmVdus() {
    return vdus.stream().filter(VmVdu.class::isInstance).map(VmVdu.class::cast).toList();
  }

  /** The kind of VIM every VDU of this descriptor needs. */
  public DeploymentKind kind() {
    return containerVdus().isEmpty() ? DeploymentKind.VM : DeploymentKind.CONTAINER;
  }

  /** The scaling policy that targets the given VDU, if any. */
  public Optional<ScalingPolicy> scalingPolicyFor(String vduName) {
    return scalingPolicies.stream().filter(p -> p.targets().contains(vduName)).findFirst();
  }

  /** The process definition key the descriptor names for an operation, if any. */
  public Optional<String> workflowFor(String operation) {
    return Optional.ofNullable(workflows.get(operation));
  }

  /**
   * A VDU's monitoring policy ({@code monitoring_policy}), validated when the descriptor was read.
   *
   * @param vduName the VDU's node name
   */
  public Optional<MonitoringPolicy> monitoringPolicy(String vduName) {
    return monitoringPolicies.stream().filter(p -> p.vdu().equals(vduName)).findFirst();
  }
}
