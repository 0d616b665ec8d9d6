package io.nfvflow.tosca;

import java.util.List;

/**
 * A {@code tosca.nodes.nfv.CP.Tacker}: one port of a VDU on a virtual link.
 *
 * @param name node template name
 * @param vdu the VDU it binds to ({@code virtualBinding})
 * @param virtualLink the VL it attaches to ({@code virtualLink}); {@code null} only for a CP that
 *     the VNFD's substitution_mappings maps a requirement to, when no network service binds one: at
 *     onboarding ({@link ToscaParser#validate}), and on a container VDU (which needs none)
 * @param management {@code management} (default false)
 * @param order {@code order}, or {@code null}
 * @param antiSpoofingProtection {@code anti_spoofing_protection}, or {@code null}
 * @param securityGroups {@code security_groups}
 * @param macAddress {@code mac_address}, or {@code null}
 * @param ipAddress {@code ip_address}, or {@code null}
 * @param type {@code type} (vnic type: normal, sriov), or {@code null}
 */
public record ConnectionPoint(
    String name,
    String vdu,
    String virtualLink,
    boolean management,
    Integer order,
    Boolean antiSpoofingProtection,
    List<String> securityGroups,
    String macAddress,
    String ipAddress,
    String type) {

  public ConnectionPoint {
    securityGroups = List.copyOf(securityGroups);
  }
}
