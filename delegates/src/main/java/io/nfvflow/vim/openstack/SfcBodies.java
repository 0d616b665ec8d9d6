package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nfvflow.chain.ChainNames;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.ChainPlan.Classifier;
import io.nfvflow.chain.ChainPlan.Group;
import io.nfvflow.chain.ChainPlan.Pair;
import io.nfvflow.chain.ChainPlan.Path;
import io.nfvflow.tosca.vnffg.FlowMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON nfvflow sends to networking-sfc for a VNFFG's objects: names from {@link ChainNames},
 * and a description people can read that ends with the VNFFG's owner marker.
 */
final class SfcBodies {

  /** Neutron's limit for {@code description}. */
  static final int DESCRIPTION_MAX = 255;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> UNORDERED = Set.of("port_pairs", "flow_classifiers");

  private SfcBodies() {}

  /** A flow classifier; fields the match leaves {@code null} are not sent (not matched on). */
  static ObjectNode flowClassifier(ChainPlan plan, Classifier classifier) {
    FlowMatch m = classifier.match();
    ObjectNode body =
        named(ChainNames.flowClassifier(classifier.classifierId(), classifier.match()));
    body.put(
        "description",
        description(
            plan,
            "classifier "
                + (classifier.name() == null ? classifier.classifierId() : classifier.name())));
    putIfSet(body, "ethertype", m.ethertype());
    putIfSet(body, "protocol", m.protocol());
    putIfSet(body, "source_port_range_min", m.sourcePortMin());
    putIfSet(body, "source_port_range_max", m.sourcePortMax());
    putIfSet(body, "destination_port_range_min", m.destinationPortMin());
    putIfSet(body, "destination_port_range_max", m.destinationPortMax());
    putIfSet(body, "source_ip_prefix", m.sourceIpPrefix());
    putIfSet(body, "destination_ip_prefix", m.destinationIpPrefix());
    putIfSet(body, "logical_source_port", m.logicalSourcePort());
    putIfSet(body, "logical_destination_port", m.logicalDestinationPort());
    return body;
  }

  /**
   * A port pair; {@code service_function_parameters.correlation} is sent as JSON {@code null} when
   * the hop has no SFC encapsulation (networking-sfc's SFC proxy case).
   */
  static ObjectNode portPair(ChainPlan plan, Path path, Group group, Pair pair) {
    ObjectNode body = named(ChainNames.portPair(path.nfpId(), group.index(), pair.ingressPort()));
    body.put(
        "description",
        description(
            plan,
            "NFP %s hop %d VNF %s instance %s"
                .formatted(path.name(), group.index(), group.vnfName(), pair.instanceName())));
    body.put("ingress", pair.ingressPort());
    body.put("egress", pair.egressPort());
    body.putObject("service_function_parameters").put("correlation", pair.correlation());
    return body;
  }

  /** A port pair group holding exactly the given port pairs. */
  static ObjectNode portPairGroup(ChainPlan plan, Path path, Group group, List<String> pairIds) {
    ObjectNode body = named(ChainNames.portPairGroup(path.nfpId(), group.index()));
    body.put(
        "description",
        description(
            plan, "NFP %s hop %d VNF %s".formatted(path.name(), group.index(), group.vnfName())));
    body.set("port_pairs", ids(pairIds));
    return body;
  }

  /**
   * A port chain. {@code chain_id} only when the NFP names a path id (else networking-sfc allocates
   * one); {@code chain_parameters.symmetric} as a JSON boolean; correlation left to
   * networking-sfc's default ({@code mpls}) when the plan has none.
   */
  static ObjectNode portChain(
      ChainPlan plan, Path path, List<String> groupIds, List<String> classifierIds) {
    ObjectNode body = named(ChainNames.portChain(path.nfpId()));
    body.put("description", description(plan, "NFP " + path.name()));
    body.set("port_pair_groups", ids(groupIds));
    body.set("flow_classifiers", ids(classifierIds));
    if (path.pathId() != null) {
      body.put("chain_id", path.pathId());
    }
    ObjectNode parameters = body.putObject("chain_parameters");
    parameters.put("symmetric", path.symmetrical());
    if (path.correlation() != null) {
      parameters.put("correlation", path.correlation());
    }
    return body;
  }

  /** The names of the objects of a kind that the plan wants. */
  static Set<String> names(ChainPlan plan, SfcKind kind) {
    Set<String> names = new HashSet<>();
    for (Path path : plan.paths()) {
      switch (kind) {
        case PORT_CHAIN -> names.add(ChainNames.portChain(path.nfpId()));
        case FLOW_CLASSIFIER ->
            path.classifiers()
                .forEach(c -> names.add(ChainNames.flowClassifier(c.classifierId(), c.match())));
        case PORT_PAIR_GROUP ->
            path.groups()
                .forEach(g -> names.add(ChainNames.portPairGroup(path.nfpId(), g.index())));
        case PORT_PAIR ->
            path.groups()
                .forEach(
                    g ->
                        g.pairs()
                            .forEach(
                                p ->
                                    names.add(
                                        ChainNames.portPair(
                                            path.nfpId(), g.index(), p.ingressPort()))));
      }
    }
    return names;
  }

  /**
   * What an update must send for an existing object to have the given fields of {@code wanted}:
   * those that differ ({@code port_pairs} and {@code flow_classifiers} compared as sets,
   * networking-sfc keeps no order in them). Empty when nothing differs.
   */
  static ObjectNode differences(SfcObject existing, ObjectNode wanted, String... fields) {
    ObjectNode changes = JSON.createObjectNode();
    for (String field : fields) {
      boolean same =
          UNORDERED.contains(field)
              ? Set.copyOf(existing.ids(field)).equals(Set.copyOf(idsOf(wanted.path(field))))
              : existing.json().path(field).equals(wanted.path(field));
      if (!same) {
        changes.set(field, wanted.get(field));
      }
    }
    return changes;
  }

  /** Only a list of ids, for an update: {@code {"<field>": [ids]}}. */
  static ObjectNode idList(String field, List<String> ids) {
    ObjectNode body = JSON.createObjectNode();
    body.set(field, ids(ids));
    return body;
  }

  /**
   * {@code VNFFG <name> <what> nfvflow.io/vnffg-id=<id>}: the readable part is cut so that the
   * marker always fits in Neutron's 255 characters.
   */
  static String description(ChainPlan plan, String what) {
    String marker = ChainNames.owner(plan.vnffgId());
    String text =
        "VNFFG %s %s".formatted(plan.vnffgName() == null ? plan.vnffgId() : plan.vnffgName(), what);
    int room = DESCRIPTION_MAX - marker.length() - 1;
    if (text.length() > room) {
      text = text.substring(0, Math.max(0, room - 3)) + "...";
    }
    return text + " " + marker;
  }

  private static List<String> idsOf(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private static ObjectNode named(String name) {
    return JSON.createObjectNode().put("name", name);
  }

  private static ArrayNode ids(List<String> ids) {
    ArrayNode array = JSON.createArrayNode();
    ids.forEach(array::add);
    return array;
  }

  private static void putIfSet(ObjectNode body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }

  private static void putIfSet(ObjectNode body, String field, Integer value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}
