package io.nfvflow.tosca;

import java.util.Map;

/**
 * A VDU deployed as a virtual machine (no {@code vnfcs}).
 *
 * @param name node template name
 * @param image the {@code image} property (name or id in the cloud), or {@code null} when the VDU
 *     uses an image artifact
 * @param flavor the {@code flavor} property, or {@code null} when {@code nfv_compute} is used
 * @param compute the {@code nfv_compute} capability, or {@code null}
 * @param availabilityZone {@code availability_zone}, or {@code null}
 * @param metadata the {@code metadata} map (empty when none)
 * @param userData {@code user_data}, or {@code null}
 * @param userDataFormat {@code user_data_format}, or {@code null}
 * @param keyName {@code key_name}, or {@code null}
 * @param config the {@code config} text, or {@code null}
 * @param mgmtDriver {@code mgmt_driver}, or {@code null}
 * @param monitoringPolicy the raw {@code monitoring_policy} as written, or an empty map; the
 *     checked, typed policy is {@link VnfDescriptor#monitoringPolicy(String)}
 * @param imageUrl the {@code file} URL of the VDU's {@code tosca.artifacts.Deployment.Image.VM}
 *     artifact (an image to create in the cloud before booting), or {@code null} when the VDU names
 *     an existing {@code image}
 */
public record VmVdu(
    String name,
    String image,
    String flavor,
    ComputeRequirements compute,
    String availabilityZone,
    Map<String, String> metadata,
    String userData,
    String userDataFormat,
    String keyName,
    String config,
    String mgmtDriver,
    Map<String, Object> monitoringPolicy,
    String imageUrl)
    implements Vdu {

  public VmVdu {
    metadata = Map.copyOf(metadata);
    monitoringPolicy = Map.copyOf(monitoringPolicy);
  }

  /** A VM VDU that boots an existing image (no image artifact); kept for source compatibility. */
  public VmVdu(
      String name,
      String image,
      String flavor,
      ComputeRequirements compute,
      String availabilityZone,
      Map<String, String> metadata,
      String userData,
      String userDataFormat,
      String keyName,
      String config,
      String mgmtDriver,
      Map<String, Object> monitoringPolicy) {
    this(
        name,
        image,
        flavor,
        compute,
        availabilityZone,
        metadata,
        userData,
        userDataFormat,
        keyName,
        config,
        mgmtDriver,
        monitoringPolicy,
        null);
  }
}
