package io.nfvflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import camundajar.impl.com.google.gson.JsonParser;
import io.nfvflow.workflows.Conventions.Model;
import io.nfvflow.workflows.Conventions.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.JsonUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The modelling conventions ({@link Conventions}) for every model we ship, so that a model drawn in
 * the Modeler cannot drift from what the engine wires: one delegate bean per task named after it,
 * no code in the model, every async step retried by the VIM type's profile ({@code ${retryCycle}}),
 * call activities that map the contract explicitly, errors that carry their message, documentation,
 * and a diagram an engineer can read in cockpit. The element templates offer exactly the steps and
 * calls of the models.
 */
class BpmnConventionsTest {

  static final Path MODELS = Path.of("src/main/resources/bpmn");
  static final Path TEMPLATES = Path.of("src/main/resources/element-templates");
  static final Path BROKEN = Path.of("src/test/resources/conventions/vnf-broken.bpmn");

  /**
   * The VIM types: each has a vnf-apply-&lt;type&gt;, a vnf-remove-&lt;type&gt; and a
   * vnf-heal-&lt;type&gt; model.
   */
  static final List<String> VIM_TYPES = List.of("kubernetes", "openstack");

  /** The models of the design, no more, no less. */
  static final Set<String> DESIGNED =
      Set.of(
          "vnf-wait.bpmn",
          "vnf-apply-kubernetes.bpmn",
          "vnf-apply-openstack.bpmn",
          "vnf-remove-kubernetes.bpmn",
          "vnf-remove-openstack.bpmn",
          "vnf-instantiate.bpmn",
          "vnf-scale.bpmn",
          "vnf-terminate.bpmn",
          "vnf-heal.bpmn",
          "vnf-heal-kubernetes.bpmn",
          "vnf-heal-openstack.bpmn",
          "vnffg-apply.bpmn",
          "vnffg-remove.bpmn",
          "vnffg-create.bpmn",
          "vnffg-update.bpmn",
          "vnffg-delete.bpmn",
          "ns-remove.bpmn",
          "ns-create.bpmn",
          "ns-delete.bpmn");

  private static final Map<Path, Model> READ = new ConcurrentHashMap<>();

  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)}");

  static List<Path> modelFiles() throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  static Stream<Arguments> modelsAndRules() throws IOException {
    return modelFiles().stream()
        .flatMap(f -> Conventions.RULES.stream().map(r -> Arguments.of(f.getFileName(), r)));
  }

  static Stream<Rule> rules() {
    return Conventions.RULES.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("modelsAndRules")
  void everyModelFollowsEveryRule(Path fileName, Rule rule) {
    assertThat(rule.check().apply(read(MODELS.resolve(fileName))))
        .as("%s breaks '%s'", fileName, rule)
        .isEmpty();
  }

  /** Each rule finds something in a model that breaks them all: the rules do fail. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleCatchesTheBrokenModel(Rule rule) {
    assertThat(rule.check().apply(read(BROKEN))).as("'%s' on %s", rule, BROKEN).isNotEmpty();
  }

  /**
   * A few of the broken model's faults by name, so that the rules catch them for the right reason.
   */
  @Test
  void theBrokenModelsFaultsAreNamed() {
    Model broken = read(BROKEN);
    List<String> all = new ArrayList<>();
    Conventions.RULES.forEach(r -> all.addAll(r.check().apply(broken)));

    assertThat(all)
        .contains(
            "process id 'vnf-not-the-file-name' is not the file name",
            "no camunda:historyTimeToLive",
            "camunda:class",
            "method expression with arguments: ${progress.isDone(...",
            "ApplyStack: id is not the step of its bean ${createStackDelegate}",
            "Deployments: not asyncBefore",
            "ApplyStack: retry time cycle [R5/PT15S], not ${retryCycle}",
            "ApplyOnVim: camunda:in variables=\"all\"",
            "ApplyOnVim: camunda:out (errors carry their message; state lives in tables)",
            "ApplyOnVim: does not pass the business key #{execution.processBusinessKey}",
            "Pause: timer [PT5M] is not one ${variable}",
            "WaitForCallback: waits for message Callback, not NsMemberEnded",
            "Changed: waits for message VnfChanged, not VnfChanged-${vnfId}",
            "WaitForCallback: does not map memberId to itself as an input",
            "WaitForCallback: not asyncAfter",
            "Error_Oops: unknown error code OOPS",
            "Broke: no documentation",
            "Pause: no shape",
            "Start: named, but no label position",
            "shapes Deployments and ApplyStack overlap",
            "Flow_ToDeployments: segment 1 is diagonal",
            "Flow_ToDeployments: does not end on the border of Deployments");
  }

  @Test
  void theModelsAreThoseOfTheDesign() throws IOException {
    assertThat(modelFiles().stream().map(f -> f.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(DESIGNED);
  }

  /** vnf-&lt;op&gt;-${vimType} must resolve for every VIM type; a fixed name must exist. */
  @Test
  void everyCalledModelExistsForEveryVimType() throws IOException {
    for (String called : calledElements()) {
      List<String> names =
          called.contains("${vimType}")
              ? VIM_TYPES.stream().map(t -> called.replace("${vimType}", t)).toList()
              : List.of(called);
      names.forEach(
          name -> assertThat(MODELS.resolve(name + ".bpmn")).as("called model %s", name).exists());
    }
    VIM_TYPES.forEach(
        t -> {
          assertThat(MODELS.resolve("vnf-apply-" + t + ".bpmn")).exists();
          assertThat(MODELS.resolve("vnf-remove-" + t + ".bpmn")).exists();
          assertThat(MODELS.resolve("vnf-heal-" + t + ".bpmn")).exists();
        });
  }

  /** A template for a bean nobody draws, or a drawn bean without template, is a mistake. */
  @Test
  void elementTemplatesCoverExactlyTheBeansOfTheModels() throws IOException {
    Set<String> modelled = new HashSet<>();
    for (Path file : modelFiles()) {
      Conventions.tasks(read(file).bpmn()).stream()
          .map(Conventions::delegateExpressionOf)
          .map(e -> e.substring(2, e.length() - 1))
          .forEach(modelled::add);
    }
    Set<String> templated =
        templates().stream()
            .flatMap(t -> properties(t).stream())
            .map(p -> String.valueOf(p.get("value")))
            .flatMap(v -> BEAN_EXPRESSION.matcher(v).results())
            .map(m -> m.group(1))
            .filter(name -> name.endsWith("Delegate"))
            .collect(Collectors.toSet());

    assertThat(templated).containsExactlyInAnyOrderElementsOf(modelled);
    assertThat(modelled)
        .as("the beans of the design")
        .containsExactlyInAnyOrderElementsOf(Steps.BEANS);
  }

  /** Every call the models make can be drawn from a template (vnf-wait: one per goal). */
  @Test
  void elementTemplatesCoverEveryCallOfTheModels() throws IOException {
    Set<String> modelled = new HashSet<>();
    for (Path file : modelFiles()) {
      for (CallActivity call : read(file).bpmn().getModelElementsByType(CallActivity.class)) {
        String goal =
            Conventions.extensions(call, CamundaIn.class).stream()
                .filter(in -> "goal".equals(in.getCamundaTarget()))
                .map(CamundaIn::getCamundaSourceExpression)
                .findFirst()
                .orElse("");
        modelled.add(call.getCalledElement() + " " + goal);
      }
    }
    Set<String> templated = new HashSet<>();
    for (Map<String, Object> template : callTemplates()) {
      String goal =
          ins(template).stream()
              .filter(b -> "goal".equals(b.get("target")))
              .map(b -> String.valueOf(b.get("value")))
              .findFirst()
              .orElse("");
      templated.add(hiddenValue(template, "property", "calledElement") + " " + goal);
    }

    assertThat(templated).containsExactlyInAnyOrderElementsOf(modelled);
  }

  /** Templates map calls exactly as the conventions want the models to. */
  @Test
  void callTemplatesMapTheContractExplicitly() throws IOException {
    List<Map<String, Object>> calls = callTemplates();
    assertThat(calls).isNotEmpty();
    for (Map<String, Object> template : calls) {
      String name = String.valueOf(template.get("name"));
      List<Map<String, Object>> bindings =
          properties(template).stream().map(BpmnConventionsTest::binding).toList();
      assertThat(bindings)
          .as("%s: no camunda:out, no variables=all", name)
          .noneMatch(b -> "camunda:out".equals(b.get("type")) || b.containsKey("variables"));
      assertThat(hiddenValue(template, "camunda:in:businessKey", null))
          .as("%s business key", name)
          .isEqualTo(Conventions.BUSINESS_KEY);
      Map<String, String> plain = new HashMap<>();
      Map<String, String> expressions = new HashMap<>();
      for (Map<String, Object> in : ins(template)) {
        String target = String.valueOf(in.get("target"));
        String value = String.valueOf(in.get("value"));
        (Boolean.TRUE.equals(in.get("expression")) ? expressions : plain).put(target, value);
      }
      Map<String, String> contract = new HashMap<>();
      Conventions.contractOf(hiddenValue(template, "property", "calledElement"))
          .forEach(v -> contract.put(v, v));
      assertThat(plain).as("%s maps the contract to itself", name).isEqualTo(contract);
      boolean wait = Conventions.WAIT.equals(hiddenValue(template, "property", "calledElement"));
      assertThat(expressions.keySet())
          .as("%s inputs by expression", name)
          .isEqualTo(wait ? Conventions.WAIT_INPUTS.keySet() : Set.of());
      expressions.forEach(
          (target, value) -> assertThat(value).matches(Conventions.WAIT_INPUTS.get(target)));
      assertAsyncBefore(template);
    }
  }

  @Test
  void templatesHaveUniqueIdsAndKeepStepsAsync() throws IOException {
    List<Map<String, Object>> templates = templates();
    assertThat(templates.stream().map(t -> t.get("id"))).as("template ids").doesNotHaveDuplicates();
    templates.forEach(BpmnConventionsTest::assertAsyncBefore);
  }

  private static void assertAsyncBefore(Map<String, Object> template) {
    assertThat(properties(template))
        .as("%s: asyncBefore, on by default", template.get("name"))
        .anySatisfy(
            p -> {
              assertThat(binding(p)).containsEntry("name", "camunda:asyncBefore");
              assertThat(p.get("value")).isEqualTo(true);
            });
  }

  private static Set<String> calledElements() throws IOException {
    Set<String> called = new HashSet<>();
    for (Path file : modelFiles()) {
      read(file).bpmn().getModelElementsByType(CallActivity.class).stream()
          .map(CallActivity::getCalledElement)
          .forEach(called::add);
    }
    return called;
  }

  private static List<Map<String, Object>> callTemplates() throws IOException {
    return templates().stream()
        .filter(t -> "bpmn:CallActivity".equals(((Map<?, ?>) t.get("elementType")).get("value")))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> templates() throws IOException {
    List<Map<String, Object>> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        // the engine's (shaded) Gson: no JSON library of our own on this module's classpath
        JsonUtil.asList(JsonParser.parseString(Files.readString(file)))
            .forEach(t -> all.add((Map<String, Object>) t));
      }
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> properties(Map<String, Object> template) {
    return (List<Map<String, Object>>) template.get("properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> binding(Map<String, Object> property) {
    return (Map<String, Object>) property.get("binding");
  }

  /** The camunda:in bindings of a template, with their values. */
  private static List<Map<String, Object>> ins(Map<String, Object> template) {
    List<Map<String, Object>> ins = new ArrayList<>();
    for (Map<String, Object> p : properties(template)) {
      Map<String, Object> b = binding(p);
      if ("camunda:in".equals(b.get("type"))) {
        Map<String, Object> in = new HashMap<>(b);
        in.put("value", p.get("value"));
        ins.add(in);
      }
    }
    return ins;
  }

  private static String hiddenValue(Map<String, Object> template, String type, String name) {
    return properties(template).stream()
        .filter(p -> type.equals(binding(p).get("type")))
        .filter(p -> name == null || name.equals(binding(p).get("name")))
        .map(p -> String.valueOf(p.get("value")))
        .findFirst()
        .orElse(null);
  }

  /** Parsed (and schema-validated) once per file: every rule reads every model. */
  private static Model read(Path file) {
    return READ.computeIfAbsent(file.toAbsolutePath().normalize(), BpmnConventionsTest::parse);
  }

  private static Model parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
      return new Model(file.getFileName().toString(), model, Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
