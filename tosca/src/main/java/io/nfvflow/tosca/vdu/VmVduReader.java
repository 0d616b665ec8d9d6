package io.nfvflow.tosca.vdu;

import io.nfvflow.tosca.ComputeRequirements;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeKeys;
import io.nfvflow.tosca.template.NodeTemplate;
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
              .allow("mgmt_driver", "config_drive")
              .misplaced(
                  "only valid for a container VDU (one with vnfcs)", VduReader.CONTAINER_ONLY));

  private VmVduReader() {}

  static VmVdu read(NodeTemplate node, Props props, Inputs inputs) {
    NODE_KEYS.check(node.name(), "", node.body().keySet());
    props.check(PROPERTIES);
    VduReader.requireNotTrue(props, "config_drive", "a config drive");
    VduReader.requireNotTrue(props, "maintenance", "VM maintenance (Fenix)");
    String image = props.string("image");
    String imageUrl = ImageArtifactReader.read(node, inputs);
    String flavor = props.string("flavor");
    ComputeRequirements compute = ComputeReader.read(node, inputs);
    checkChoices(node, image, imageUrl, flavor, compute);
    return new VmVdu(
        node.name(),
        image,
        flavor,
        compute,
        props.string("availability_zone"),
        props.stringMap("metadata"),
        props.string("user_data"),
        userDataFormat(props),
        props.string("key_name"),
        props.string("config"),
        props.string("mgmt_driver"),
        monitoringPolicy(props),
        imageUrl);
  }

  private static void checkChoices(
      NodeTemplate node, String image, String url, String flavor, ComputeRequirements compute) {
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
  }

  private static String userDataFormat(Props props) {
    String format = props.string("user_data_format");
    if (format != null && !USER_DATA_FORMATS.contains(format)) {
      throw props.invalid(
          "user_data_format", "'" + format + "' is not one of RAW, SOFTWARE_CONFIG, HEAT_CFNTOOLS");
    }
    return format;
  }

  private static Map<String, Object> monitoringPolicy(Props props) {
    Object value = props.value("monitoring_policy");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw props.invalid("monitoring_policy", "expected a map");
    }
    Map<String, Object> policy = new LinkedHashMap<>();
    map.forEach(
        (key, entry) -> {
          if (entry == null) {
            throw props.invalid("monitoring_policy." + key, "has no value");
          }
          policy.put(String.valueOf(key), entry);
        });
    return policy;
  }
}
