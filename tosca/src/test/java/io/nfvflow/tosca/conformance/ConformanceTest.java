package io.nfvflow.tosca.conformance;

import static io.nfvflow.tosca.MonitoringPolicy.Action.RESPAWN;
import static io.nfvflow.tosca.MonitoringPolicy.Action.VDU_AUTOHEAL;
import static io.nfvflow.tosca.MonitoringPolicy.Monitor.HTTP_PING;
import static io.nfvflow.tosca.MonitoringPolicy.Monitor.PING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.MonitoringPolicy;
import io.nfvflow.tosca.TackerCorpus;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.ToscaParser;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.tosca.ns.NsDescriptor;
import io.nfvflow.tosca.ns.NsdParser;
import io.nfvflow.tosca.ns.Substitution;
import io.nfvflow.tosca.vnffg.Classifier;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import io.nfvflow.tosca.vnffg.VnffgdParser;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of Tacker's sample templates onboards or is refused clearly, file by file, as {@code
 * conformance/expectations.txt} says: VNFDs through {@link ToscaParser}, VNFFGDs ({@link
 * VnffgdParser#isVnffgd}) through {@link VnffgdParser}, NSDs ({@link NsdParser#isNsd}) through
 * {@link NsdParser}. Parsed models are compared with {@code conformance/golden/*.json}; run with
 * {@code -Dtosca.golden.update=true} to rewrite those (then review the diff).
 */
class ConformanceTest {

  /** The samples the product promises to onboard. */
  private static final Set<String> MUST_PARSE =
      Set.of(
          "samples/tosca-templates/vnfd/tosca-vnfd-containerized.yaml",
          "samples/tosca-templates/vnfd/tosca-vnfd-containerized-two-containers.yaml",
          "samples/tosca-templates/vnfd/tosca-vnfd-hello-world.yaml",
          "samples/tosca-templates/vnfd/tosca-vnfd-multi-vdu.yaml",
          "samples/tosca-templates/vnfd/tosca-vnfd-with-params.yaml",
          "samples/tosca-templates/vnfd/tosca-vnfd-scale.yaml",
          "samples/tosca-templates/vnfd/tosca-vnfd-network.yaml",
          "samples/tosca-templates/vnfd/tosca-vnfd-alarm-scale.yaml");

  private static final List<String> SAMPLE_DIRS =
      List.of("samples/tosca-templates", "tacker/tests/etc/samples");

  private static final Path GOLDEN = Path.of("src/test/resources/conformance/golden");

  private static final String VNFD = "samples/tosca-templates/vnfd/";
  private static final String AUTOHEAL = "tosca-vnfd-monitoring-vdu-autoheal.yaml";
  private static final String VNFFGD = "samples/tosca-templates/vnffgd/";
  private static final String MULTIPLE_CLASSIFIERS =
      "tosca-vnffgd-multiple-classifiers-sample.yaml";
  private static final String LEGACY_MULTIPLE_CLASSIFIERS =
      "tosca-vnffgd-legacy-multiple-classifiers-sample.yaml";
  private static final Pattern MONITORING_POLICY =
      Pattern.compile("^\\s+monitoring_policy:", Pattern.MULTILINE);

  private final Path tacker = TackerCorpus.tacker();
  private final ToscaParser parser = new ToscaParser();
  private final VnffgdParser vnffgdParser = new VnffgdParser();
  private final NsdParser nsdParser = new NsdParser();
  private final List<Expectation> expectations = loadExpectations();

  @TestFactory
  Stream<DynamicTest> everySampleBehavesAsExpected() {
    return expectations.stream()
        .map(e -> DynamicTest.dynamicTest(e.kind() + " " + e.file(), () -> check(e)));
  }

  @Test
  void everySampleFileHasAnExpectationAndNoExpectationIsStale() throws IOException {
    Set<String> onDisk = new TreeSet<>();
    for (String dir : SAMPLE_DIRS) {
      try (Stream<Path> files = Files.walk(tacker.resolve(dir))) {
        files
            .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
            .forEach(f -> onDisk.add(tacker.relativize(f).toString().replace('\\', '/')));
      }
    }
    Set<String> listed =
        expectations.stream().map(Expectation::file).collect(Collectors.toCollection(TreeSet::new));
    assertThat(listed).as("files in expectations.txt").containsExactlyElementsOf(onDisk);
    assertThat(expectations).extracting(Expectation::file).doesNotHaveDuplicates();
  }

  @Test
  void theSamplesNfvflowPromisesAreExpectedToParse() {
    assertThat(expectations)
        .filteredOn(e -> MUST_PARSE.contains(e.file()))
        .hasSize(MUST_PARSE.size())
        .allSatisfy(e -> assertThat(e.kind()).as(e.file()).isEqualTo("PARSES"));
  }

  @Test
  void everyParamsFileIsUsedByATemplate() {
    Set<String> used =
        expectations.stream()
            .map(Expectation::params)
            .filter(p -> p != null)
            .collect(Collectors.toSet());
    assertThat(expectations)
        .filteredOn(e -> e.kind().equals("PARAMS"))
        .allSatisfy(e -> assertThat(used).as("templates using " + e.file()).contains(e.file()));
  }

  /** Tacker's monitoring samples, read into the typed policy the heal work acts on. */
  @Test
  void theMonitoringSamplesCarryTheirPolicies() throws IOException {
    assertThat(policy("tosca-vnfd-monitor.yaml", "VDU1"))
        .isEqualTo(
            new MonitoringPolicy(
                "VDU1", PING, seconds(45), 3, seconds(1), seconds(2), 1, 80, RESPAWN));
    assertThat(policy("tosca-vnfd-http-monitor.yaml", "VDU1"))
        .isEqualTo(
            new MonitoringPolicy(
                "VDU1", HTTP_PING, seconds(30), 5, seconds(1), seconds(10), 5, 8000, RESPAWN));
    assertThat(policy("tosca-vnfd-openwrt.yaml", "VDU1"))
        .isEqualTo(
            new MonitoringPolicy(
                "VDU1", PING, seconds(30), 3, seconds(10), seconds(5), 1, 80, RESPAWN));
    for (String vdu : List.of("VDU1", "VDU2", "VDU3")) {
      assertThat(policy("tosca-vnfd-monitor-multi-vdu.yaml", vdu))
          .isEqualTo(
              new MonitoringPolicy(
                  vdu, PING, seconds(45), 3, seconds(1), seconds(2), 1, 80, RESPAWN));
    }
  }

  /**
   * Tacker's vdu_autoheal sample repeats mgmt_driver, which YAML forbids, so it stays refused (see
   * expectations.txt); without the repeated line its policy reads as vdu_autoheal.
   */
  @Test
  void theAutohealSamplesPolicyIsVduAutoheal() throws IOException {
    List<String> lines = new ArrayList<>(List.of(sample(AUTOHEAL).split("\n", -1)));
    assertThat(lines.get(20)).isEqualTo(lines.get(18)).isEqualTo("        mgmt_driver: noop");
    lines.remove(20);
    VnfDescriptor descriptor = parser.parse(String.join("\n", lines), Map.of());
    assertThat(descriptor.monitoringPolicy("VDU1"))
        .contains(
            new MonitoringPolicy(
                "VDU1", PING, seconds(45), 3, seconds(1), seconds(2), 1, 80, VDU_AUTOHEAL));
    assertThatThrownBy(() -> parser.parse(sample(AUTOHEAL), Map.of()))
        .hasMessageContaining("duplicate key 'mgmt_driver'");
  }

  /** Every sample with a monitoring policy onboards, but the one with a duplicate YAML key. */
  @Test
  void everySampleWithAMonitoringPolicyParses() throws IOException {
    List<Expectation> monitored = new ArrayList<>();
    for (Expectation e : expectations) {
      if (MONITORING_POLICY.matcher(Files.readString(tacker.resolve(e.file()))).find()) {
        monitored.add(e);
      }
    }
    assertThat(monitored).extracting(Expectation::file).contains(VNFD + AUTOHEAL).hasSize(5);
    assertThat(monitored)
        .filteredOn(e -> !e.file().endsWith(AUTOHEAL))
        .allSatisfy(e -> assertThat(e.kind()).as(e.file()).isEqualTo("PARSES"));
  }

  /**
   * Tacker's two multiple-classifier VNFFGD samples mistype their second port id (13 digits in its
   * last group), so they stay refused (see expectations.txt); with it fixed they parse into two
   * classifiers, named (TackerV2) or not (legacy).
   */
  @Test
  void theMultipleClassifierSamplesParseWithTheirPortIdFixed() throws IOException {
    String typo = "640dfd77-c92b-45a3-b8fc-22712de480eda";
    String fixed = "640dfd77-c92b-45a3-b8fc-22712de480ed";
    for (String sample : List.of(MULTIPLE_CLASSIFIERS, LEGACY_MULTIPLE_CLASSIFIERS)) {
      String text = Files.readString(tacker.resolve(VNFFGD + sample));
      assertThat(text).contains(typo);
      VnffgDescriptor d = vnffgdParser.parse(text.replace(typo, fixed), Map.of());
      assertThat(d.paths()).hasSize(1);
      assertThat(d.paths().get(0).classifiers())
          .extracting(c -> c.match().logicalSourcePort(), c -> c.match().destinationIpPrefix())
          .containsExactly(
              tuple("640dfd77-c92b-45a3-b8fc-22712de480e1", "192.168.1.2/24"),
              tuple(fixed, "192.168.2.2/24"));
      assertThat(d.paths().get(0).classifiers())
          .extracting(Classifier::name)
          .containsExactlyElementsOf(
              sample.equals(MULTIPLE_CLASSIFIERS)
                  ? List.of("block_tcp", "block_udp")
                  : Arrays.asList(null, null));
    }
  }

  /**
   * Every VNFFGD sample onboards, the two with a mistyped port id too (as in Tacker; networking-sfc
   * refuses that port when a VNFFG is made of them).
   */
  @Test
  void everyVnffgdSampleParses() {
    assertThat(expectations)
        .filteredOn(e -> e.kind().startsWith("VNFFGD"))
        .hasSize(10)
        .allSatisfy(e -> assertThat(e.kind()).as(e.file()).isEqualTo("VNFFGD"));
  }

  /** Every NSD sample onboards, and every VNFD written for substitution into one. */
  @Test
  void everyNsdSampleAndItsVnfdsOnboard() {
    assertThat(expectations).filteredOn(e -> e.kind().equals("NSD")).hasSize(5);
    assertThat(expectations)
        .filteredOn(e -> e.file().contains("nsd/") || e.file().contains("tosca-ns-"))
        .filteredOn(e -> !e.kind().equals("PARAMS"))
        .allSatisfy(e -> assertThat(e.kind()).as(e.file()).isIn("NSD", "ONBOARDS"))
        .hasSize(13);
  }

  /**
   * Tacker's multiple-VNFFG sample uses an input it does not declare (net_dst_port_id), which
   * Tacker fills from param_values.nsd by name: nfvflow takes it as a string input without a
   * default, so it parses with the sample's param file and names the input without one.
   */
  @Test
  void theMultipleVnffgSampleTakesItsUndeclaredInputFromParamValues() throws IOException {
    String dir = "samples/tosca-templates/vnffg-nsd/";
    Map<String, Object> tree =
        tree(Files.readString(tacker.resolve(dir + "tosca-multiple-vnffg-nsd.yaml")));
    @SuppressWarnings("unchecked")
    Map<String, Object> values =
        (Map<String, Object>)
            parser
                .parseParamValues(Files.readString(tacker.resolve(dir + "ns_param.yaml")))
                .get("nsd");
    NsDescriptor ns = nsdParser.parse(tree, values);
    assertThat(ns.vnffgs()).extracting(g -> g.name()).containsExactly("VNFFG1", "VNFFG2");
    assertThat(vnffgdParser.parse(ns.vnffgs().get(0).vnffgdTemplate(), values).paths())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.classifiers().get(0).match().logicalDestinationPort())
                    .isEqualTo("0eed8399-6c51-4eee-b037-0999c93ac898"));
    Map<String, Object> without = new java.util.LinkedHashMap<>(values);
    without.remove("net_dst_port_id");
    assertThatThrownBy(() -> nsdParser.parse(tree, without))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("VNFFG group 'VNFFG1': input 'net_dst_port_id' has no value");
  }

  private MonitoringPolicy policy(String sample, String vdu) throws IOException {
    return parser.parse(sample(sample), Map.of()).monitoringPolicy(vdu).orElseThrow();
  }

  private String sample(String name) throws IOException {
    return Files.readString(tacker.resolve(VNFD + name));
  }

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  private void check(Expectation e) throws IOException {
    String text = Files.readString(tacker.resolve(e.file()));
    Map<String, Object> tree = tree(text);
    if (tree != null) {
      assertThat(VnffgdParser.isVnffgd(tree))
          .as("isVnffgd of " + e.file())
          .isEqualTo(e.kind().startsWith("VNFFGD"));
      assertThat(NsdParser.isNsd(tree))
          .as("isNsd of " + e.file())
          .isEqualTo(e.kind().equals("NSD"));
    }
    switch (e.kind()) {
      case "PARSES" -> checkParses(e, text);
      case "VNFFGD" -> checkVnffgdParses(e, text, tree);
      case "NSD" -> checkNsdParses(e, text, tree);
      case "ONBOARDS" -> checkOnboards(e, text, tree);
      case "VNFFGD_REFUSED" -> {
        assertThatThrownBy(() -> parseVnffgd(e, tree))
            .isInstanceOf(ToscaException.class)
            .hasMessageContaining(e.refusal());
        assertVnfdParserRefusesVnffgd(text);
      }
      case "REFUSED" ->
          assertThatThrownBy(() -> parser.parse(text, params(e)))
              .isInstanceOf(ToscaException.class)
              .hasMessageContaining(e.refusal());
      case "PARAMS", "NOT_A_TEMPLATE" -> {
        assertThat(parser.parseParamValues(text)).doesNotContainKey("tosca_definitions_version");
        assertThatThrownBy(() -> parser.parse(text, Map.of()))
            .isInstanceOf(ToscaException.class)
            .hasMessageContaining("'tosca_definitions_version': missing");
      }
      default -> fail("unknown expectation '" + e.kind() + "' for " + e.file());
    }
  }

  private void checkParses(Expectation e, String text) throws IOException {
    compareWithGolden(e, parser.parse(text, params(e)));
  }

  private void compareWithGolden(Expectation e, Object model) throws IOException {
    String json = goldenMapper().writeValueAsString(model) + "\n";
    Path golden = GOLDEN.resolve(e.golden());
    if (Boolean.getBoolean("tosca.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, json);
    }
    assertThat(golden).as("golden file for " + e.file()).exists();
    assertThat(json).isEqualTo(Files.readString(golden));
  }

  /**
   * A VNFFGD onboards (without param_values, as Tacker's vnffgd-create takes none), and parses with
   * its param_values file when it has one; the model read is the golden one.
   */
  private void checkVnffgdParses(Expectation e, String text, Map<String, Object> tree)
      throws IOException {
    assertVnfdParserRefusesVnffgd(text);
    vnffgdParser.validate(tree);
    compareWithGolden(e, parseVnffgd(e, tree));
  }

  /**
   * With its param_values file when it names one; else, when it declares inputs, as at onboarding
   * (placeholders for the inputs without a default); else plainly.
   */
  private Object parseVnffgd(Expectation e, Map<String, Object> tree) throws IOException {
    if (e.params() != null) {
      return vnffgdParser.parse(tree, params(e));
    }
    return tree.get("topology_template") instanceof Map<?, ?> topology
            && topology.get("inputs") != null
        ? vnffgdParser.validate(tree)
        : vnffgdParser.parse(tree, Map.of());
  }

  /**
   * An NSD onboards (placeholders for the inputs without a default) and parses with the {@code nsd}
   * entry of its param_values file when it names one; the model read is the golden one. The VNFD
   * parser refuses it as a network service.
   */
  private void checkNsdParses(Expectation e, String text, Map<String, Object> tree)
      throws IOException {
    assertThatThrownBy(() -> parser.parse(text, Map.of()))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("not a VNF descriptor: it defines an NS (network service)");
    NsDescriptor validated = nsdParser.validate(tree);
    compareWithGolden(e, e.params() == null ? validated : nsdParser.parse(tree, nsdParams(e)));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> nsdParams(Expectation e) throws IOException {
    return (Map<String, Object>) params(e).get("nsd");
  }

  /**
   * A VNFD written for substitution onboards; its golden file holds the validated model and its
   * substitution. Instantiated on its own it parses, or names each CP whose link an NS provides;
   * with Tacker's binding for every requirement it parses with those CPs on the bound VLs.
   */
  private void checkOnboards(Expectation e, String text, Map<String, Object> tree)
      throws IOException {
    Substitution substitution = NsdParser.substitution(tree).orElseThrow();
    Map<String, Object> golden = new java.util.LinkedHashMap<>();
    golden.put("descriptor", parser.validate(text));
    golden.put("nodeType", substitution.nodeType());
    golden.put("requirements", substitution.requirements());
    golden.put("capabilities", substitution.capabilities());
    golden.put("required", new TreeSet<>(substitution.required()));
    compareWithGolden(e, golden);
    try {
      parser.parse(text, Map.of());
    } catch (ToscaException refused) {
      assertThat(refused.problems())
          .isNotEmpty()
          .allSatisfy(
              p -> assertThat(p.reason()).contains("gets its virtual link from a network service"));
    }
    Map<String, Object> binding = new java.util.LinkedHashMap<>();
    Map<String, Object> requirements = new java.util.LinkedHashMap<>();
    substitution
        .requirements()
        .keySet()
        .forEach(
            r -> {
              requirements.put(r, "NS-" + r);
              binding.put(
                  "NS-" + r,
                  Map.of(
                      "type",
                      "tosca.nodes.nfv.VL",
                      "properties",
                      Map.of("network_name", "net-" + r, "vendor", "tacker")));
            });
    binding.put("requirements", requirements);
    VnfDescriptor bound = parser.parse(text, Map.of("substitution_mappings", binding));
    substitution
        .requirements()
        .forEach(
            (r, cp) ->
                assertThat(bound.connectionPoints())
                    .filteredOn(c -> c.name().equals(cp))
                    .singleElement()
                    .extracting(c -> c.virtualLink())
                    .isEqualTo("NS-" + r));
  }

  private void assertVnfdParserRefusesVnffgd(String text) {
    assertThatThrownBy(() -> parser.parse(text, Map.of()))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("not a VNF descriptor: it defines a VNFFG (forwarding graph)");
  }

  /** The template as a tree, or null when it is not readable YAML. */
  private static Map<String, Object> tree(String text) {
    try {
      return new SafeYamlReader().readMap(text, "descriptor");
    } catch (ToscaException e) {
      return null;
    }
  }

  private Map<String, Object> params(Expectation e) throws IOException {
    return e.params() == null
        ? Map.of()
        : parser.parseParamValues(Files.readString(tacker.resolve(e.params())));
  }

  /**
   * Writes the model with sorted map keys and the VDU kind, so the golden files are stable;
   * durations as ISO-8601 text ("PT45S").
   */
  static ObjectMapper goldenMapper() {
    return new ObjectMapper()
        .registerModule(
            new SimpleModule().addSerializer(Duration.class, ToStringSerializer.instance))
        .addMixIn(Vdu.class, VduKind.class)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = ContainerVdu.class, name = "container"),
    @JsonSubTypes.Type(value = VmVdu.class, name = "vm")
  })
  private interface VduKind {}

  private static List<Expectation> loadExpectations() {
    try (InputStream in =
        ConformanceTest.class.getResourceAsStream("/conformance/expectations.txt")) {
      return Expectation.parse(
          List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
