package io.nfvflow.engine.ns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nfvflow.engine.nsd.NsdCatalogue;
import io.nfvflow.engine.nsd.NsdEntity;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.tosca.ns.NsDescriptor;
import io.nfvflow.tosca.ns.NsVirtualLink;
import io.nfvflow.tosca.ns.VnfNode;
import io.nfvflow.tosca.ns.VnffgGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What an NS's members are made from: the request bodies of its VNFs and VNFFGs, built the same way
 * when the NS is checked and when its workflow creates them. A member is created through the same
 * API path as a client's request, so every check of a VNF or VNFFG applies to it.
 */
@Component
class NsPlan {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NsdCatalogue nsds;

  NsPlan(NsdCatalogue nsds) {
    this.nsds = nsds;
  }

  /** The NSD of an NS with its stored {@code param_values.nsd} applied. */
  NsDescriptor descriptor(NsEntity ns) {
    NsdEntity nsd = nsds.find(ns.nsdId);
    return nsds.requestDescriptor(nsd, nsdParams(ns));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> nsdParams(NsEntity ns) {
    return JsonColumns.map(ns.paramValues).get(NsRequest.NSD) instanceof Map<?, ?> m
        ? (Map<String, Object>) m
        : Map.of();
  }

  /**
   * A member VNF's {@code param_values}: the NS's values under its VNFD's name (Tacker's rule),
   * and, when its NSD node binds requirements to VL nodes, {@code substitution_mappings} in
   * Tacker's shape: each requirement → a VL node added to the VNFD (named {@code <VL>-<8 chars of
   * the NSD id>} so it cannot collide with the VNFD's own nodes).
   */
  static Map<String, Object> vnfParams(
      Map<String, Object> nsParams,
      String vnfdName,
      String nsdId,
      NsDescriptor descriptor,
      VnfNode node) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (nsParams.get(vnfdName) instanceof Map<?, ?> own) {
      own.forEach((k, v) -> params.put(String.valueOf(k), v));
    }
    if (!node.requirements().isEmpty()) {
      Map<String, Object> substitution = new LinkedHashMap<>();
      Map<String, Object> requirements = new LinkedHashMap<>();
      String suffix = "-" + nsdId.substring(0, Math.min(8, nsdId.length()));
      node.requirements()
          .forEach(
              (requirement, vlName) -> {
                NsVirtualLink vl =
                    descriptor.virtualLinks().stream()
                        .filter(l -> l.name().equals(vlName))
                        .findFirst()
                        .orElseThrow(
                            () -> new IllegalStateException("NSD has no VL node " + vlName));
                String key = vl.name() + suffix;
                requirements.put(requirement, key);
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("network_name", vl.networkName());
                if (vl.vendor() != null) {
                  properties.put("vendor", vl.vendor());
                }
                substitution.put(
                    key, Map.of("type", "tosca.nodes.nfv.VL", "properties", properties));
              });
      substitution.put("requirements", requirements);
      params.put("substitution_mappings", substitution);
    }
    return params;
  }

  /** The body of a member VNF's {@code POST /v1.0/vnfs}. */
  static ObjectNode vnfBody(NsEntity ns, NsMemberEntity member, Map<String, Object> params) {
    ObjectNode vnf = JSON.createObjectNode();
    vnf.put("name", member.name);
    vnf.put("vnfd_id", member.vnfdId);
    vnf.put("vim_id", member.vimId);
    vnf.put("description", "%s of NS %s".formatted(member.node, ns.name));
    if (ns.tenantId != null) {
      vnf.put("tenant_id", ns.tenantId);
    }
    vnf.putObject("attributes").set("param_values", JSON.valueToTree(params));
    ObjectNode body = JSON.createObjectNode();
    body.set("vnf", vnf);
    return body;
  }

  /**
   * The body of a member VNFFG's {@code POST /v1.0/vnffgs}: the group as an inline VNFFGD (removed
   * with the VNFFG), the NSD's VNFDs mapped to the NS's VNFs, the NS's input values.
   */
  static ObjectNode vnffgBody(
      NsEntity ns, NsMemberEntity member, VnffgGroup group, Map<String, String> mapping) {
    ObjectNode vnffg = JSON.createObjectNode();
    vnffg.put("name", member.name);
    vnffg.put(
        "description",
        group.description() != null
            ? group.description()
            : "%s of NS %s".formatted(member.node, ns.name));
    if (ns.tenantId != null) {
      vnffg.put("tenant_id", ns.tenantId);
    }
    vnffg.set("vnffgd_template", JSON.valueToTree(group.vnffgdTemplate()));
    vnffg.set("vnf_mapping", JSON.valueToTree(mapping));
    vnffg.putObject("attributes").set("param_values", JSON.valueToTree(nsdParams(ns)));
    ObjectNode body = JSON.createObjectNode();
    body.set("vnffg", vnffg);
    return body;
  }
}
