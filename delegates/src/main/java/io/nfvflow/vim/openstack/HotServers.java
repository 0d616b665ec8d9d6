package io.nfvflow.vim.openstack;

import static io.nfvflow.vim.openstack.HotTemplate.getResource;
import static io.nfvflow.vim.openstack.HotTemplate.ordered;

import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VirtualLink;
import io.nfvflow.tosca.VmVdu;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A VM VDU as Heat resources: one {@code OS::Neutron::Port} per CP and the server. */
final class HotServers {

  /**
   * Ownership keys in server metadata. Nova refuses '/' in metadata keys, so the labels' {@code
   * nfvflow.io/vnf-id} becomes {@code nfvflow.io:vnf-id}.
   */
  static final String VNF_ID_KEY = "nfvflow.io:vnf-id";

  static final String VDU_KEY = "nfvflow.io:vdu";

  /** What Nova accepts as a metadata key (its API schema); values are at most 255 characters. */
  private static final Pattern METADATA_KEY = Pattern.compile("[a-zA-Z0-9-_:. ]{1,255}");

  /** Glance disk formats an image URL's extension names; anything else is taken as qcow2. */
  private static final Set<String> DISK_FORMATS =
      Set.of("qcow2", "raw", "iso", "vmdk", "vhd", "vhdx", "vdi", "ploop");

  private HotServers() {}

  /** The resource name of the image a VDU's image artifact creates. */
  static String imageResource(VmVdu vdu) {
    return vdu.name() + "_image";
  }

  /**
   * An {@code OS::Glance::WebImage} for a VDU's image artifact (Glance downloads it itself, with
   * the web-download import method). Always in the top-level template, so scaling out does not
   * import the image again; deleting the stack deletes the image.
   */
  static void addImage(HotTemplate template, HotVnf vnf, VmVdu vdu) {
    template.resource(
        vdu.name(),
        imageResource(vdu),
        "OS::Glance::WebImage",
        ordered(
            "name", HeatTemplates.stackName(vnf.id()) + "-" + vdu.name(),
            "location", vdu.imageUrl(),
            "disk_format", diskFormat(vdu.imageUrl()),
            "container_format", "bare",
            "tags", vnf.tags()));
  }

  static String diskFormat(String url) {
    String path = URI.create(url).getPath();
    String extension = path == null ? "" : path.substring(path.lastIndexOf('.') + 1);
    extension = extension.toLowerCase(Locale.ROOT);
    return DISK_FORMATS.contains(extension) ? extension : "qcow2";
  }

  /** Adds the VDU's ports, then the server. */
  static void add(HotTemplate template, HotRefs refs, HotVnf vnf, VmVdu vdu) {
    List<ConnectionPoint> ports = vnf.ports(vdu);
    for (ConnectionPoint cp : ports) {
      template.resource(cp.name(), cp.name(), "OS::Neutron::Port", port(cp, refs, vnf));
    }
    template.resource(vdu.name(), vdu.name(), "OS::Nova::Server", server(vdu, ports, refs, vnf));
  }

  private static Map<String, Object> server(
      VmVdu vdu, List<ConnectionPoint> ports, HotRefs refs, HotVnf vnf) {
    boolean userData = vdu.userData() != null;
    String userDataFormat =
        vdu.userDataFormat() != null ? vdu.userDataFormat() : userData ? "RAW" : null;
    return ordered(
        "image", vdu.image() != null ? vdu.image() : refs.resource(imageResource(vdu)),
        "flavor", vnf.flavor(vdu),
        "availability_zone", vdu.availabilityZone(),
        "key_name", vdu.keyName(),
        "metadata", metadata(vdu, vnf),
        "user_data_format", userDataFormat,
        "user_data", vdu.userData(),
        "networks",
            ports.isEmpty()
                ? null
                : ports.stream().map(cp -> Map.of("port", getResource(cp.name()))).toList());
  }

  /**
   * The descriptor's metadata, sorted, plus ownership entries that the descriptor cannot override.
   */
  private static Map<String, String> metadata(VmVdu vdu, HotVnf vnf) {
    Map<String, String> metadata = new TreeMap<>(vdu.metadata());
    metadata.forEach((key, value) -> checkMetadata(vdu, key, value));
    metadata.put(VNF_ID_KEY, vnf.id());
    metadata.put(VDU_KEY, vdu.name());
    return metadata;
  }

  /** Nova would fail the stack minutes later; say which entry is wrong before anything starts. */
  private static void checkMetadata(VmVdu vdu, String key, String value) {
    if (!METADATA_KEY.matcher(key).matches()) {
      throw ToscaException.invalid(
          vdu.name(),
          "metadata",
          "key '" + key + "' is not a Nova metadata key (letters, digits, space and -_:. only)");
    }
    if (value.length() > 255) {
      throw ToscaException.invalid(
          vdu.name(), "metadata." + key, "Nova allows at most 255 characters in a value");
    }
  }

  private static Map<String, Object> port(ConnectionPoint cp, HotRefs refs, HotVnf vnf) {
    VirtualLink vl = vnf.link(cp.virtualLink());
    if (Boolean.FALSE.equals(cp.antiSpoofingProtection()) && !cp.securityGroups().isEmpty()) {
      throw ToscaException.invalid(
          cp.name(),
          "security_groups",
          "a port with anti_spoofing_protection false has port security off, so it cannot have"
              + " security groups: remove them or turn anti-spoofing protection on");
    }
    return ordered(
        "network", vl.createsNetwork() ? refs.resource(vl.name()) : vl.networkName(),
        "port_security_enabled", cp.antiSpoofingProtection(),
        "security_groups", cp.securityGroups().isEmpty() ? null : cp.securityGroups(),
        "mac_address", cp.macAddress(),
        "fixed_ips", fixedIps(cp, vl, refs),
        "binding:vnic_type", vnicType(cp),
        "tags", vnf.tags());
  }

  /**
   * On a network of the stack the port names the subnet: without that reference Heat could create
   * the port before the subnet, and the port would come up without an address.
   */
  private static List<Map<String, Object>> fixedIps(
      ConnectionPoint cp, VirtualLink vl, HotRefs refs) {
    Object subnet = vl.createsNetwork() ? refs.resource(HotNetworks.subnetResource(vl)) : null;
    if (subnet == null && cp.ipAddress() == null) {
      return null;
    }
    return List.of(ordered("subnet", subnet, "ip_address", cp.ipAddress()));
  }

  /** Tacker's "vnic" and "normal" are Neutron's default; the parser already refuses sriov. */
  private static String vnicType(ConnectionPoint cp) {
    String type = cp.type();
    if (type == null || type.equals("vnic") || type.equals("normal")) {
      return null;
    }
    throw ToscaException.unsupported(
        cp.name(), "type", "vNIC type '" + type + "' is not supported on OpenStack");
  }
}
