package io.nfvflow.tosca.vdu;

import io.nfvflow.tosca.ComputeRequirements;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeKeys;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads a VM VDU: the OpenStack (Nova) profile of VDU.Tacker. */
final class VmVduReader {

  /** The formats Heat accepts for {@code user_data_format}. */
  private static final Set<String> USER_DATA_FORMATS =
      Set.of("RAW", "SOFTWARE_CONFIG", "HEAT_CFNTOOLS");

  private static final KeyRules NODE_KEYS =
      NodeKeys.allowing("properties", "capabilities", "artifacts")
          .unsupported("VDU requirements are not supported", "requirements");

  private static final KeyRules PROPERTIES =
      VduReader.refuseUnsupported(
          KeyRules.properties(VduReader.VM_ONLY)
              .allow(VduReader.BOTH)
              .misplaced(
                  "only valid for a container VDU (one with vnfcs)", VduReader.CONTAINER_ONLY));

  private VmVduReader() {}

  static VmVdu read(NodeTemplate node, Props props, Inputs inputs) {
    Problems problems = new Problems();
    problems.check(() -> NODE_KEYS.check(node.name(), "", node.body().keySet()));
    problems.check(() -> props.check(PROPERTIES));
    problems.check(() -> VduReader.requireNotTrue(props, "config_drive", "a config drive"));
    problems.check(() -> VduReader.requireNotTrue(props, "maintenance", "VM maintenance (Fenix)"));
    Image image = problems.read(() -> image(node, props, inputs));
    Flavor flavor = problems.read(() -> flavor(node, props, inputs));
    String zone = problems.read(() -> props.string("availability_zone"));
    Map<String, String> metadata = problems.read(() -> props.stringMap("metadata"));
    String userData = problems.read(() -> props.string("user_data"));
    String userDataFormat = problems.read(() -> userDataFormat(props));
    String keyName = problems.read(() -> props.string("key_name"));
    String config = problems.read(() -> props.string("config"));
    String mgmtDriver = problems.read(() -> props.string("mgmt_driver"));
    Map<String, Object> monitoringPolicy = rawMonitoringPolicy(props);
    problems.throwIfAny();
    return new VmVdu(
        node.name(),
        image.name(),
        flavor.name(),
        flavor.compute(),
        zone,
        metadata,
        userData,
        userDataFormat,
        keyName,
        config,
        mgmtDriver,
        monitoringPolicy,
        image.url());
  }

  /** The image property or the image artifact's URL: exactly one of them. */
  private record Image(String name, String url) {}

  /** The flavor property or the nfv_compute capability: exactly one of them. */
  private record Flavor(String name, ComputeRequirements compute) {}

  private static Image image(NodeTemplate node, Props props, Inputs inputs) {
    String image = props.string("image");
    String url = ImageArtifactReader.read(node, inputs);
    if (image == null && url == null) {
      throw VduReader.invalid(
          node,
          "image",
          "missing image: give the image property or a tosca.artifacts.Deployment.Image.VM"
              + " artifact");
    }
    if (image != null && url != null) {
      throw VduReader.invalid(
          node, "image", "give either the image property or an image artifact, not both");
    }
    return new Image(image, url);
  }

  private static Flavor flavor(NodeTemplate node, Props props, Inputs inputs) {
    String flavor = props.string("flavor");
    ComputeRequirements compute = ComputeReader.read(node, inputs);
    if (flavor == null && compute == null) {
      throw VduReader.invalid(
          node, "flavor", "missing flavor: give the flavor property or the nfv_compute capability");
    }
    if (flavor != null && compute != null) {
      throw VduReader.invalid(
          node,
          "flavor",
          "give either the flavor property or the nfv_compute capability, not both");
    }
    return new Flavor(flavor, compute);
  }

  private static String userDataFormat(Props props) {
    String format = props.string("user_data_format");
    if (format != null && !USER_DATA_FORMATS.contains(format)) {
      throw props.invalid(
          "user_data_format", "'" + format + "' is not one of RAW, SOFTWARE_CONFIG, HEAT_CFNTOOLS");
    }
    return format;
  }

  /**
   * The policy as written (get_input resolved), for readers of Tacker's shape; {@link
   * MonitoringPolicyReader} checks it, so nothing here is reported twice.
   */
  private static Map<String, Object> rawMonitoringPolicy(Props props) {
    if (!(props.value(MonitoringPolicyReader.PROPERTY) instanceof Map<?, ?> map)) {
      return Map.of();
    }
    Map<String, Object> policy = new LinkedHashMap<>();
    map.forEach(
        (key, entry) -> {
          if (entry != null) {
            policy.put(String.valueOf(key), entry);
          }
        });
    return policy;
  }
}
