package io.nfvflow.vim.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads kuryr-kubernetes' record of a pod's Neutron ports, in each form Kuryr wrote it. A VIF is an
 * os-vif versioned object serialised by oslo.versionedobjects: {@code {"versioned_object.name":
 * "VIFOpenVSwitch", "versioned_object.namespace": "os_vif", "versioned_object.version": ...,
 * "versioned_object.data": {"id": <Neutron port id>, "address": <MAC>, "network": <Network>,
 * ...}}}, the fixed IPs nested as {@code network → subnets (SubnetList) → objects[] (Subnet) → ips
 * (FixedIPList) → objects[] (FixedIP) → address}, every level wrapped in its own {@code
 * versioned_object.data}.
 *
 * <ul>
 *   <li>Queens (0.4.x): the pod annotation {@link #ANNOTATION} holds one VIF, the pod's eth0.
 *   <li>Rocky development (master, May to August 2018; no release): the annotation holds {@code
 *       {"<ifname>": <VIF>, ...}}; read too, as other tools did ({@code vif.get('eth0', vif)}).
 *   <li>Rocky to Ussuri: the annotation holds a versioned object {@code PodState} (namespace {@code
 *       os_vif}) whose {@code default_vif} is eth0's VIF and whose {@code additional_vifs} maps
 *       further interface names to VIFs.
 *   <li>Victoria on: a {@code KuryrPort} ({@code openstack.org/v1}, same name and namespace as the
 *       pod) whose {@code status.vifs} maps interface names to {@code {"default": <bool>, "vif":
 *       <VIF>}}.
 * </ul>
 *
 * Anything that does not fit is {@link IllegalArgumentException}: the caller then gives the pod no
 * ports.
 */
final class KuryrVifs {

  /** The pod annotation of Queens to Ussuri ({@code constants.K8S_ANNOTATION_VIF}). */
  static final String ANNOTATION = "openstack.org/kuryr-vif";

  /** The interface of the default VIF ({@code constants.DEFAULT_IFNAME}). */
  static final String DEFAULT_IFNAME = "eth0";

  private static final String DATA = "versioned_object.data";
  private static final String NAME = "versioned_object.name";
  private static final String OBJECTS = "objects";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One interface of a pod.
   *
   * @param ifname the interface name in the pod ({@code eth0}, {@code eth1}, ...)
   * @param isDefault whether it is the pod's default interface
   * @param portId the Neutron port id (the VIF's {@code id})
   * @param addresses its fixed IPs, in subnet order
   */
  record Vif(String ifname, boolean isDefault, String portId, List<String> addresses) {
    Vif {
      addresses = List.copyOf(addresses);
    }
  }

  /**
   * The default interface first, then the others by interface name ({@code eth2} before {@code
   * eth10}): the order connection points are mapped to.
   */
  static final Comparator<Vif> ORDER =
      Comparator.comparing((Vif v) -> !v.isDefault())
          .thenComparing(Vif::ifname, KuryrVifs::compareIfnames);

  private KuryrVifs() {}

  /** The VIFs of an {@link #ANNOTATION} value, in {@link #ORDER}. */
  static List<Vif> fromAnnotation(String annotation) {
    JsonNode root = parse(annotation);
    if (!root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    List<Vif> vifs = new ArrayList<>();
    if (root.has(NAME)) {
      if ("PodState".equals(root.path(NAME).asText())) {
        JsonNode state = object(root, DATA);
        vifs.add(vif(DEFAULT_IFNAME, true, object(state, "default_vif")));
        JsonNode additional = state.path("additional_vifs");
        if (!additional.isMissingNode() && !additional.isNull()) {
          forEachField(
              requireObject(additional, "additional_vifs"),
              (ifname, vif) -> vifs.add(vif(ifname, false, vif)));
        }
      } else {
        vifs.add(vif(DEFAULT_IFNAME, true, root)); // Queens: the VIF itself
      }
    } else {
      forEachField(
          root, (ifname, vif) -> vifs.add(vif(ifname, DEFAULT_IFNAME.equals(ifname), vif)));
    }
    return sorted(vifs);
  }

  /**
   * The VIFs of a KuryrPort's {@code status.vifs} (absent or empty while Kuryr has not made the
   * ports yet: none), in {@link #ORDER}. Without any {@code default} flag, eth0 is the default.
   */
  static List<Vif> fromKuryrPortStatus(Object status) {
    JsonNode vifsNode = status == null ? null : JSON.valueToTree(status).path("vifs");
    if (vifsNode == null || vifsNode.isMissingNode() || vifsNode.isNull()) {
      return List.of();
    }
    JsonNode byIfname = requireObject(vifsNode, "status.vifs");
    boolean flagged = anyDefault(byIfname);
    List<Vif> vifs = new ArrayList<>();
    forEachField(
        byIfname,
        (ifname, entry) -> {
          boolean isDefault =
              flagged ? entry.path("default").asBoolean(false) : DEFAULT_IFNAME.equals(ifname);
          vifs.add(vif(ifname, isDefault, object(requireObject(entry, ifname), "vif")));
        });
    return sorted(vifs);
  }

  private static boolean anyDefault(JsonNode byIfname) {
    for (JsonNode entry : byIfname) {
      if (entry.path("default").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static List<Vif> sorted(List<Vif> vifs) {
    if (vifs.stream().filter(Vif::isDefault).count() > 1) {
      throw new IllegalArgumentException("more than one default interface");
    }
    return vifs.stream().sorted(ORDER).toList();
  }

  private static Vif vif(String ifname, boolean isDefault, JsonNode vif) {
    JsonNode data = object(vif, DATA);
    JsonNode id = data.path("id");
    if (!id.isTextual() || id.asText().isBlank()) {
      throw new IllegalArgumentException("the VIF of " + ifname + " has no id");
    }
    return new Vif(ifname, isDefault, id.asText(), addresses(data.path("network")));
  }

  /** {@code network.subnets.objects[].ips.objects[].address}; a VIF without network has none. */
  private static List<String> addresses(JsonNode network) {
    List<String> addresses = new ArrayList<>();
    for (JsonNode subnet : list(network.path(DATA).path("subnets"))) {
      for (JsonNode ip : list(subnet.path(DATA).path("ips"))) {
        JsonNode address = ip.path(DATA).path("address");
        if (address.isTextual() && !address.asText().isBlank()) {
          addresses.add(address.asText());
        }
      }
    }
    return addresses;
  }

  /** The elements of an object list ({@code SubnetList}, {@code FixedIPList}). */
  private static Iterable<JsonNode> list(JsonNode objectList) {
    JsonNode objects = objectList.path(DATA).path(OBJECTS);
    return objects.isArray() ? objects : List.of();
  }

  private static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("empty");
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not JSON (at character %d)".formatted(e.getLocation().getCharOffset()));
    }
  }

  private static JsonNode object(JsonNode parent, String field) {
    return requireObject(parent.path(field), field);
  }

  private static JsonNode requireObject(JsonNode node, String what) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(what + " is not an object");
    }
    return node;
  }

  private static void forEachField(JsonNode object, BiConsumer<String, JsonNode> action) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      action.accept(field.getKey(), field.getValue());
    }
  }

  private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

  /** {@code eth2} before {@code eth10}; otherwise by name. */
  private static int compareIfnames(String a, String b) {
    Matcher ma = NUMBERED.matcher(a);
    Matcher mb = NUMBERED.matcher(b);
    if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1))) {
      int byNumber = new BigInteger(ma.group(2)).compareTo(new BigInteger(mb.group(2)));
      if (byNumber != 0) {
        return byNumber;
      }
    }
    return a.compareTo(b);
  }
}
