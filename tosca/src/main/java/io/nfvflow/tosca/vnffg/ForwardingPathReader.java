package io.nfvflow.tosca.vnffg;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeKeys;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.NodeTypes;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.vnffg.ClassifierReader.Criterion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads one forwarding path node ({@code tosca.nodes.nfv.FP.TackerV2} or the legacy {@code
 * tosca.nodes.nfv.FP.Tacker}): its path id, symmetry, correlation, hops and classifiers.
 */
final class ForwardingPathReader {

  private static final KeyRules NODE_KEYS = NodeKeys.allowing("properties");
  private static final KeyRules PROPERTIES =
      KeyRules.properties("id", "symmetrical", "correlation", "policy", "path");
  private static final KeyRules POLICY = KeyRules.properties("type", "criteria");
  private static final KeyRules PATH_ENTRY =
      KeyRules.properties("forwarder", "capability", "sfc_encap");
  private static final KeyRules NAMED_CLASSIFIER = KeyRules.properties("name", "classifier");
  private static final String GET_INPUT = "get_input";

  /** The largest {@code chain_id} networking-sfc takes ({@code MAX_CHAIN_ID}). */
  static final int MAX_PATH_ID = 65535;

  /**
   * One path entry, for the checks against the group.
   *
   * @param index its position in {@code path}
   */
  record PathEntry(int index, String forwarder, String capability) {}

  /**
   * One classifier read.
   *
   * @param property its property path, for messages
   * @param deferred whether a criterion's value is an onboarding placeholder (the checks between
   *     classifiers wait for the real value)
   */
  record ReadClassifier(Classifier classifier, String property, boolean deferred) {}

  /**
   * A forwarding path read without a problem.
   *
   * @param idDeferred whether the path id is an onboarding placeholder
   */
  record Read(
      ForwardingPath path,
      List<PathEntry> entries,
      List<ReadClassifier> classifiers,
      boolean idDeferred) {}

  private final NodeTemplate node;
  private final Inputs inputs;
  private final Set<String> deferred;
  private final boolean legacy;

  private ForwardingPathReader(NodeTemplate node, Inputs inputs, Set<String> deferred) {
    this.node = node;
    this.inputs = inputs;
    this.deferred = deferred;
    this.legacy = node.type().equals(NodeTypes.FP);
  }

  /**
   * Reads and checks one FP node.
   *
   * @param group the VNFFG group it belongs to
   * @param deferred the inputs whose values are onboarding placeholders
   * @throws ToscaException naming every problem
   */
  static Read read(NodeTemplate node, String group, Inputs inputs, Set<String> deferred) {
    return new ForwardingPathReader(node, inputs, deferred).read(group);
  }

  private Read read(String group) {
    Problems problems = new Problems();
    problems.check(() -> NODE_KEYS.check(node.name(), "", node.body().keySet()));
    Props props = problems.require(() -> node.properties(inputs));
    problems.check(() -> props.check(PROPERTIES));
    Integer id = problems.read(() -> pathId(props));
    Boolean symmetrical = problems.read(() -> props.bool("symmetrical"));
    String correlation = problems.read(() -> correlation(props));
    List<PathEntry> entries = new ArrayList<>();
    List<Hop> hops = problems.read(() -> hops(props, entries));
    List<ReadClassifier> classifiers = problems.read(() -> policy(props));
    if (Boolean.TRUE.equals(symmetrical) && classifiers != null) {
      classifiers.forEach(c -> problems.check(() -> symmetric(c)));
    }
    problems.throwIfAny();
    ForwardingPath path =
        new ForwardingPath(
            node.name(),
            group,
            id,
            Boolean.TRUE.equals(symmetrical),
            correlation,
            hops,
            classifiers.stream().map(ReadClassifier::classifier).toList());
    return new Read(path, entries, classifiers, uses(raw("id")));
  }

  private Integer pathId(Props props) {
    Integer id = props.integer("id");
    if (id != null && (id < 1 || id > MAX_PATH_ID)) {
      throw props.invalid(
          "id",
          "path id "
              + id
              + " is out of range: networking-sfc's chain_id is 1 to "
              + MAX_PATH_ID
              + " (leave id out to have one allocated)");
    }
    return id;
  }

  private static String correlation(Props props) {
    String correlation = props.string("correlation");
    if (correlation == null) {
      return "mpls";
    }
    if (!correlation.equals("mpls") && !correlation.equals("nsh")) {
      throw props.invalid(
          "correlation", "'" + correlation + "' is not a correlation: mpls (the default) or nsh");
    }
    return correlation;
  }

  /** One path entry as written. */
  private record Entry(
      int index, String forwarder, String capability, boolean sfcEncap, boolean encapWritten) {}

  /** Two consecutive entries with the same forwarder are one hop: ingress, then egress. */
  private List<Hop> hops(Props props, List<PathEntry> entries) {
    if (props.value("path") == null) {
      throw props.invalid(
          "path", "is required: the VNFDs (forwarders) the traffic passes through, in order");
    }
    List<Object> raw = props.list("path");
    if (raw.isEmpty()) {
      throw props.invalid("path", "is empty: a forwarding path passes through at least one VNF");
    }
    Problems problems = new Problems();
    List<Entry> read = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      int index = i;
      Entry entry = problems.read(() -> entry(index, raw.get(index)));
      if (entry != null) {
        read.add(entry);
        entries.add(new PathEntry(index, entry.forwarder(), entry.capability()));
      }
    }
    problems.throwIfAny();
    List<Hop> hops = new ArrayList<>();
    Set<String> passed = new HashSet<>();
    boolean lastHasEgress = false;
    for (Entry e : read) {
      String at = "path[" + e.index() + "]";
      Hop last = hops.isEmpty() ? null : hops.get(hops.size() - 1);
      if (last != null && last.forwarder().equals(e.forwarder())) {
        if (lastHasEgress) {
          problems.add(
              ToscaException.invalid(
                  node.name(),
                  at + ".forwarder",
                  "'"
                      + e.forwarder()
                      + "' is listed more than twice in a row: a VNF is one hop, entered by one"
                      + " connection point and left by one"));
        } else if (e.capability().equals(last.ingress())) {
          problems.add(
              ToscaException.invalid(
                  node.name(),
                  at + ".capability",
                  "connection point '"
                      + e.capability()
                      + "' of '"
                      + e.forwarder()
                      + "' is listed twice: list the VNF once when traffic enters and leaves by"
                      + " one connection point (Tacker: VnffgdDuplicateCPException)"));
        } else if (e.encapWritten() && e.sfcEncap() != last.sfcEncap()) {
          problems.add(
              ToscaException.invalid(
                  node.name(),
                  at + ".sfc_encap",
                  "differs from path["
                      + (e.index() - 1)
                      + "]'s: a VNF's ingress and egress make one port pair, with one"
                      + " correlation"));
        } else {
          hops.set(
              hops.size() - 1,
              new Hop(last.forwarder(), last.ingress(), e.capability(), last.sfcEncap()));
          lastHasEgress = true;
        }
      } else if (!passed.add(e.forwarder())) {
        problems.add(
            ToscaException.invalid(
                node.name(),
                at + ".forwarder",
                "'"
                    + e.forwarder()
                    + "' appears again after another forwarder: a VNF is one hop of a path,"
                    + " its entries consecutive (Tacker: VnffgdDuplicateForwarderException)"));
      } else {
        hops.add(new Hop(e.forwarder(), e.capability(), e.capability(), e.sfcEncap()));
        lastHasEgress = false;
      }
    }
    problems.throwIfAny();
    return hops;
  }

  private Entry entry(int index, Object raw) {
    String at = "path[" + index + "]";
    Props entry = Props.of(node.name(), at, raw, inputs);
    if (raw == null) {
      throw ToscaException.invalid(node.name(), at, "expected a map with forwarder and capability");
    }
    Problems problems = new Problems();
    problems.check(() -> entry.check(PATH_ENTRY));
    String forwarder = problems.read(() -> entry.requiredString("forwarder"));
    String capability = problems.read(() -> entry.requiredString("capability"));
    Boolean sfcEncap = problems.read(() -> entry.bool("sfc_encap"));
    problems.throwIfAny();
    return new Entry(
        index, forwarder, capability, !Boolean.FALSE.equals(sfcEncap), sfcEncap != null);
  }

  private List<ReadClassifier> policy(Props props) {
    Object policy = shape(raw("policy"), "policy");
    if (policy == null) {
      if (legacy) {
        throw props.invalid(
            "policy",
            "is required for "
                + NodeTypes.FP
                + " ("
                + NodeTypes.FP_V2
                + " makes a path without classifiers)");
      }
      return List.of();
    }
    // not props.child("policy"): that resolves every get_input below at once, stopping at the first
    Props policyProps = Props.of(node.name(), "policy", policy, inputs);
    Problems problems = new Problems();
    problems.check(() -> policyProps.check(POLICY));
    problems.check(() -> policyType(policyProps));
    List<ReadClassifier> classifiers =
        problems.read(() -> criteria(((Map<?, ?>) policy).get("criteria")));
    problems.throwIfAny();
    return classifiers;
  }

  private static void policyType(Props policy) {
    String type = policy.string("type");
    if (type != null && !type.equals("ACL")) {
      throw policy.invalid("type", "'" + type + "' is not a policy type: ACL is the only one");
    }
  }

  private List<ReadClassifier> criteria(Object raw) {
    String at = "policy.criteria";
    Object criteria = shape(raw, at);
    if (criteria == null) {
      throw ToscaException.invalid(
          node.name(), at, "is required: the classifiers that choose the traffic for this path");
    }
    if (!(criteria instanceof List<?> list)) {
      throw ToscaException.invalid(node.name(), at, "expected a list of classifiers");
    }
    if (list.isEmpty()) {
      throw ToscaException.invalid(
          node.name(),
          at,
          "is empty: give at least one classifier"
              + (legacy ? "" : ", or leave policy out for a path without classifiers"));
    }
    List<ReadClassifier> classifiers = legacy ? legacyClassifiers(list) : namedClassifiers(list);
    Problems problems = new Problems();
    for (int j = 1; j < classifiers.size(); j++) {
      ReadClassifier later = classifiers.get(j);
      for (ReadClassifier earlier : classifiers.subList(0, j)) {
        if (!later.deferred()
            && !earlier.deferred()
            && later.classifier().match().equals(earlier.classifier().match())) {
          problems.add(
              ToscaException.invalid(
                  node.name(),
                  later.property(),
                  "matches the same traffic as "
                      + earlier.property()
                      + ": Tacker refuses duplicate classifiers (NfpDuplicatePolicyCriteria)"));
          break;
        }
      }
    }
    problems.throwIfAny();
    return classifiers;
  }

  /** TackerV2: each entry is a named classifier, {@code {name, classifier: {criteria}}}. */
  private List<ReadClassifier> namedClassifiers(List<?> list) {
    Problems problems = new Problems();
    List<ReadClassifier> classifiers = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "policy.criteria[" + i + "]";
      Object item = list.get(i);
      ReadClassifier read = problems.read(() -> namedClassifier(at, item));
      if (read == null) {
        continue;
      }
      String earlier = names.putIfAbsent(read.classifier().name(), at);
      if (earlier != null) {
        problems.add(
            ToscaException.invalid(
                node.name(),
                at + ".name",
                "'"
                    + read.classifier().name()
                    + "' is also "
                    + earlier
                    + "'s name: a path's classifiers have different names (Tacker updates"
                    + " classifiers by name)"));
      } else {
        classifiers.add(read);
      }
    }
    problems.throwIfAny();
    return classifiers;
  }

  private ReadClassifier namedClassifier(String at, Object rawItem) {
    Object item = shape(rawItem, at);
    if (!(item instanceof Map<?, ?> entry)) {
      throw ToscaException.invalid(
          node.name(), at, "expected a map with the classifier's name and its criteria");
    }
    Problems problems = new Problems();
    problems.check(() -> NAMED_CLASSIFIER.check(node.name(), at + ".", keys(entry)));
    String name = problems.read(() -> name(at, entry.get("name")));
    Map<?, ?> criteria = problems.read(() -> criteriaMap(at + ".classifier", entry));
    problems.throwIfAny();
    List<Criterion> list = new ArrayList<>();
    criteria.forEach(
        (k, v) -> list.add(new Criterion(String.valueOf(k), v, at + ".classifier." + k)));
    Classifier classifier =
        ClassifierReader.read(node.name(), at + ".classifier", name, list, inputs);
    return new ReadClassifier(classifier, at + ".classifier", uses(criteria));
  }

  private String name(String at, Object raw) {
    Object name = inputs.resolve(raw, node.name(), at + ".name");
    if (name == null || name instanceof Map || name instanceof List || name.toString().isBlank()) {
      throw ToscaException.invalid(
          node.name(),
          at + ".name",
          "is required: each classifier of a "
              + NodeTypes.FP_V2
              + " path is named (Tacker updates classifiers by name)");
    }
    return name.toString();
  }

  private Map<?, ?> criteriaMap(String at, Map<?, ?> entry) {
    Object criteria = shape(entry.get("classifier"), at);
    if (criteria == null) {
      throw ToscaException.invalid(node.name(), at, "is required: the classifier's criteria");
    }
    if (!(criteria instanceof Map<?, ?> map)) {
      throw ToscaException.invalid(node.name(), at, "expected a map of criteria");
    }
    return map;
  }

  /**
   * Legacy {@code FP.Tacker}: each entry is a map of criteria. Written as single-key entries with
   * different keys (the original shape, {@code - ip_proto: 6}, {@code - destination_port_range:
   * 80-1024}), the entries together are one classifier; otherwise each entry is its own unnamed
   * classifier, as Tacker 8.0.0 reads them.
   */
  private List<ReadClassifier> legacyClassifiers(List<?> list) {
    Problems problems = new Problems();
    List<Map<?, ?>> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "policy.criteria[" + i + "]";
      Object item = list.get(i);
      Map<?, ?> entry = problems.read(() -> legacyEntry(at, item));
      entries.add(entry);
    }
    problems.throwIfAny();
    Set<Object> seen = new HashSet<>();
    boolean merged =
        entries.size() > 1
            && entries.stream().allMatch(e -> e.size() == 1 && seen.addAll(e.keySet()));
    List<ReadClassifier> classifiers = new ArrayList<>();
    if (merged) {
      List<Criterion> criteria = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        int index = i;
        entries
            .get(i)
            .forEach(
                (k, v) ->
                    criteria.add(
                        new Criterion(
                            String.valueOf(k), v, "policy.criteria[" + index + "]." + k)));
      }
      problems.check(
          () ->
              classifiers.add(
                  new ReadClassifier(
                      ClassifierReader.read(node.name(), "policy.criteria", null, criteria, inputs),
                      "policy.criteria",
                      entries.stream().anyMatch(this::uses))));
    } else {
      for (int i = 0; i < entries.size(); i++) {
        String at = "policy.criteria[" + i + "]";
        List<Criterion> criteria = new ArrayList<>();
        entries
            .get(i)
            .forEach((k, v) -> criteria.add(new Criterion(String.valueOf(k), v, at + "." + k)));
        Map<?, ?> entry = entries.get(i);
        problems.check(
            () ->
                classifiers.add(
                    new ReadClassifier(
                        ClassifierReader.read(node.name(), at, null, criteria, inputs),
                        at,
                        uses(entry))));
      }
    }
    problems.throwIfAny();
    return classifiers;
  }

  private Map<?, ?> legacyEntry(String at, Object raw) {
    Object item = shape(raw, at);
    if (!(item instanceof Map<?, ?> entry)) {
      throw ToscaException.invalid(node.name(), at, "expected a map of criteria");
    }
    for (String named : List.of("name", "classifier")) {
      if (entry.containsKey(named)) {
        throw ToscaException.invalid(
            node.name(),
            at + "." + named,
            "a named classifier needs "
                + NodeTypes.FP_V2
                + "; the criteria of "
                + NodeTypes.FP
                + " are plain maps of criteria");
      }
    }
    return entry;
  }

  /** symmetrical: true: networking-sfc's OVS driver matches the reverse path on these. */
  private void symmetric(ReadClassifier read) {
    FlowMatch match = read.classifier().match();
    List<String> missing = new ArrayList<>();
    if (match.logicalDestinationPort() == null) {
      missing.add("network_dst_port_id");
    }
    if (match.destinationIpPrefix() == null) {
      missing.add("ip_dst_prefix");
    }
    if (!missing.isEmpty()) {
      throw ToscaException.invalid(
          node.name(),
          read.property(),
          "a symmetrical path needs network_dst_port_id and ip_dst_prefix in every classifier"
              + " (networking-sfc classifies the reverse traffic by them); missing "
              + String.join(" and ", missing));
    }
  }

  /** The raw value of a property (get_input not resolved). */
  private Object raw(String key) {
    return node.section("properties") instanceof Map<?, ?> properties ? properties.get(key) : null;
  }

  /** A structural value: a whole-value get_input resolved, anything else as written. */
  private Object shape(Object raw, String property) {
    if (raw instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(GET_INPUT)) {
      return inputs.resolve(raw, node.name(), property);
    }
    return raw;
  }

  /** Whether a raw value takes an onboarding placeholder through get_input. */
  private boolean uses(Object raw) {
    if (raw instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get(GET_INPUT) instanceof String input) {
        return deferred.contains(input);
      }
      return map.values().stream().anyMatch(this::uses);
    }
    return raw instanceof List<?> list && list.stream().anyMatch(this::uses);
  }

  private static List<String> keys(Map<?, ?> map) {
    return map.keySet().stream().map(k -> Objects.toString(k)).toList();
  }
}
