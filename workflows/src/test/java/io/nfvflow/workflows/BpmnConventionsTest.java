package io.nfvflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The modelling conventions (architecture guide, section 4) for every model we ship, so that a
 * model drawn in the Modeler cannot drift from what the engine wires: one delegate bean per task,
 * named after the task, no code in the model.
 */
class BpmnConventionsTest {

  static final Path MODELS = Path.of("src/main/resources/bpmn");
  static final Path TEMPLATES = Path.of("src/main/resources/element-templates");

  /**
   * The retry profile of each VIM type, for every step of its {@code vnf-<operation>-<vimType>}
   * models: kubernetes steps run three times, five seconds apart; Heat and Nova calls are slower
   * and more often transient, so openstack steps run five times, fifteen seconds apart.
   */
  static final Map<String, String> RETRY_PROFILES =
      Map.of("kubernetes", "R3/PT5S", "openstack", "R5/PT15S");

  /** The operations the generic models hand to a VIM-specific child. */
  static final List<String> VIM_OPERATIONS = List.of("instantiate", "terminate");

  private static final Pattern PASCAL_CASE = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*");
  private static final Pattern VIM_CHILD =
      Pattern.compile("vnf-(?:" + String.join("|", VIM_OPERATIONS) + ")-([a-z0-9]+)\\.bpmn");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)}");

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      List<Path> bpmn = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(bpmn).isNotEmpty();
      return bpmn.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void processIdIsTheFileNameAndHistoryIsCleanedUp(Path file) {
    BpmnModelInstance model = read(file);
    Collection<Process> processes = model.getModelElementsByType(Process.class);

    assertThat(processes).hasSize(1);
    Process process = processes.iterator().next();
    assertThat(process.getId() + ".bpmn").isEqualTo(file.getFileName().toString());
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("models")
  void containsNoCode(Path file) {
    BpmnModelInstance model = read(file);

    assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
    assertThat(model.getModelElementsByType(CamundaScript.class)).isEmpty();
    assertThat(model.getModelElementsByType(ServiceTask.class))
        .allSatisfy(
            t -> {
              assertThat(t.getCamundaClass()).as("%s camunda:class", t.getId()).isNull();
              assertThat(t.getCamundaExpression()).as("%s camunda:expression", t.getId()).isNull();
              assertThat(t.getCamundaType()).as("%s camunda:type", t.getId()).isNull();
            });
    assertThat(model.getModelElementsByType(CamundaExecutionListener.class))
        .allSatisfy(l -> assertThat(l.getCamundaClass()).isNull());
    assertThat(model.getModelElementsByType(CamundaTaskListener.class))
        .allSatisfy(l -> assertThat(l.getCamundaClass()).isNull());
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyServiceTaskIsTheBeanNamedAfterIt(Path file) {
    BpmnModelInstance model = read(file);
    Stream<BaseElement> tasks =
        Stream.of(ServiceTask.class, SendTask.class, BusinessRuleTask.class)
            .flatMap(type -> model.getModelElementsByType(type).stream());

    tasks.forEach(
        task -> {
          String expression = delegateExpressionOf(task);
          assertThat(expression).as("%s uses camunda:delegateExpression", task.getId()).isNotNull();
          Matcher bean = BEAN_EXPRESSION.matcher(expression);
          assertThat(bean.matches())
              .as("%s: '%s' is a plain ${beanName}", task.getId(), expression)
              .isTrue();
          assertThat(bean.group(1)).as("bean of %s", task.getId()).isEqualTo(beanOf(task.getId()));
        });
  }

  @ParameterizedTest
  @MethodSource("models")
  void activityIdsArePascalCaseVerbs(Path file) {
    assertThat(read(file).getModelElementsByType(Activity.class))
        .allSatisfy(a -> assertThat(a.getId()).matches(PASCAL_CASE));
  }

  @ParameterizedTest
  @MethodSource("models")
  void vimStepsAreAsyncWithTheRetryProfileOfTheirVimType(Path file) {
    Optional<String> vimType = vimTypeOf(file);
    if (vimType.isEmpty()) {
      return;
    }
    String profile = RETRY_PROFILES.get(vimType.get());
    assertThat(profile)
        .as("retry profile of VIM type '%s' (declare it in RETRY_PROFILES)", vimType.get())
        .isNotNull();
    assertThat(read(file).getModelElementsByType(ServiceTask.class))
        .isNotEmpty()
        .allSatisfy(
            t -> {
              assertThat(t.isCamundaAsyncBefore()).as("%s asyncBefore", t.getId()).isTrue();
              assertThat(retryCycleOf(t))
                  .as("%s retry (%s profile)", t.getId(), vimType.get())
                  .isEqualTo(profile);
            });
  }

  /** vnf-instantiate and vnf-terminate call vnf-<operation>-${vimType}: each must be there. */
  @Test
  void everyVimTypeHasAChildForEveryOperation() {
    RETRY_PROFILES
        .keySet()
        .forEach(
            vimType ->
                VIM_OPERATIONS.forEach(
                    operation ->
                        assertThat(MODELS.resolve("vnf-" + operation + "-" + vimType + ".bpmn"))
                            .as("child of vnf-%s for %s", operation, vimType)
                            .exists()));
  }

  @ParameterizedTest
  @MethodSource("models")
  void callActivitiesPassBusinessKeyAndAllVariables(Path file) {
    assertThat(read(file).getModelElementsByType(CallActivity.class))
        .allSatisfy(
            call -> {
              Collection<CamundaIn> ins = extensions(call, CamundaIn.class);
              assertThat(ins)
                  .anySatisfy(
                      in ->
                          assertThat(in.getCamundaBusinessKey())
                              .isEqualTo("#{execution.processBusinessKey}"));
              assertThat(ins)
                  .anySatisfy(in -> assertThat(in.getCamundaVariables()).isEqualTo("all"));
              assertThat(extensions(call, CamundaOut.class))
                  .anySatisfy(out -> assertThat(out.getCamundaVariables()).isEqualTo("all"));
            });
  }

  /** Modeler and cockpit draw only what has diagram coordinates. */
  @ParameterizedTest
  @MethodSource("models")
  void everythingIsOnTheDiagram(Path file) {
    BpmnModelInstance model = read(file);
    Set<String> shapes =
        model.getModelElementsByType(BpmnShape.class).stream()
            .map(s -> s.getBpmnElement().getId())
            .collect(Collectors.toSet());
    Set<String> edges =
        model.getModelElementsByType(BpmnEdge.class).stream()
            .map(e -> e.getBpmnElement().getId())
            .collect(Collectors.toSet());

    assertThat(model.getModelElementsByType(FlowNode.class))
        .allSatisfy(n -> assertThat(shapes).as("shapes").contains(n.getId()));
    assertThat(model.getModelElementsByType(SequenceFlow.class))
        .allSatisfy(f -> assertThat(edges).as("edges").contains(f.getId()));
  }

  /** A template for a bean nobody draws, or a drawn bean without template, is a mistake. */
  @Test
  void elementTemplatesCoverExactlyTheBeansOfTheModels() throws IOException {
    Set<String> modelled =
        models()
            .flatMap(f -> read(f).getModelElementsByType(ServiceTask.class).stream())
            .map(t -> beanOf(t.getId()))
            .collect(Collectors.toSet());
    Set<String> templated;
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      templated =
          files
              .filter(f -> f.toString().endsWith(".json"))
              .flatMap(f -> BEAN_EXPRESSION.matcher(readString(f)).results())
              .map(m -> m.group(1))
              .filter(name -> name.endsWith("Delegate"))
              .collect(Collectors.toSet());
    }

    assertThat(templated).containsExactlyInAnyOrderElementsOf(modelled);
  }

  /** The VIM type of a {@code vnf-<operation>-<vimType>} child, empty for any other model. */
  static Optional<String> vimTypeOf(Path file) {
    Matcher child = VIM_CHILD.matcher(file.getFileName().toString());
    return child.matches() ? Optional.of(child.group(1)) : Optional.empty();
  }

  static String beanOf(String taskId) {
    return Character.toLowerCase(taskId.charAt(0)) + taskId.substring(1) + "Delegate";
  }

  private static String delegateExpressionOf(BaseElement task) {
    if (task instanceof ServiceTask t) {
      return t.getCamundaDelegateExpression();
    }
    if (task instanceof SendTask t) {
      return t.getCamundaDelegateExpression();
    }
    return ((BusinessRuleTask) task).getCamundaDelegateExpression();
  }

  private static String retryCycleOf(ServiceTask task) {
    Collection<CamundaFailedJobRetryTimeCycle> cycles =
        extensions(task, CamundaFailedJobRetryTimeCycle.class);
    return cycles.isEmpty() ? null : cycles.iterator().next().getTextContent().trim();
  }

  private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance>
      Collection<T> extensions(BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return List.of();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list();
  }

  private static BpmnModelInstance read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
      return model;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
