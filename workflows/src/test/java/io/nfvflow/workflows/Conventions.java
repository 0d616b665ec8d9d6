package io.nfvflow.workflows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The modelling conventions of the lifecycle workflows (architecture guide sections 3 and 4, the
 * design of issue 6) as rules that list what a model breaks. {@link BpmnConventionsTest} runs every
 * rule on every shipped model, and on a deliberately broken model to show that each rule catches
 * what it is about.
 */
final class Conventions {

  /** A model file: its name, the parsed model and its text. */
  record Model(String fileName, BpmnModelInstance bpmn, String text) {}

  /** A rule: what it enforces, and the violations it finds in a model. */
  record Rule(String name, Function<Model, List<String>> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The inputs of every VNF lifecycle process and every call of a {@code vnf-*} model (the design's
   * contract).
   */
  static final List<String> CONTRACT =
      List.of("vnfId", "vnfName", "operationId", "vimType", "retryCycle", "readyTimeout");

  /**
   * The inputs of every VNFFG process and every call of a {@code vnffg-*} model (issue 8): a chain
   * lives in the Neutron of one OpenStack VIM, so there is no VIM type to choose a model by, and
   * nothing waits.
   */
  static final List<String> CHAIN_CONTRACT =
      List.of("vnffgId", "vnffgName", "operationId", "retryCycle");

  /** The VNFFG models' prefix. */
  static final String CHAIN_PREFIX = "vnffg-";

  /**
   * The inputs of every NS process and every call of an {@code ns-*} model (issue 9): the NS and
   * how many members of each kind it has (the cardinalities of its multi-instance activities). An
   * NS's members run on several VIMs, each member's own operation waits for its VIM, so there is no
   * VIM type and no ready time-out here.
   */
  static final List<String> NS_CONTRACT =
      List.of("nsId", "nsName", "operationId", "retryCycle", "vnfCount", "vnffgCount");

  /** The NS models' prefix; every model that is neither an NS's nor a VNFFG's is a VNF's. */
  static final String NS_PREFIX = "ns-";

  /** The reusable wait, and what its callers pass on top of the contract. */
  static final String WAIT = "vnf-wait";

  static final Map<String, Pattern> WAIT_INPUTS =
      Map.of(
          "goal", Pattern.compile("\\$\\{'(READY|GONE)'}"),
          "progress", Pattern.compile("\\$\\{'[^'$#{}]+'}"));

  /**
   * The BPMN error codes of io.nfvflow.lcm.LcmErrors, io.nfvflow.chain.ChainStep and
   * io.nfvflow.ns.NsVariables.
   */
  static final Set<String> ERROR_CODES =
      Set.of(
          "NS_MEMBER_FAILED",
          "CHAIN_INVALID",
          "VIM_REJECTED",
          "VIM_UNAUTHORIZED",
          "WORKLOAD_FAILED",
          "STACK_FAILED",
          "READY_TIMEOUT",
          "INVALID_DESCRIPTOR");

  /**
   * The verbs activity ids start with. A new model may need a new verb: add it here when it is one
   * (an id like {@code Deployments} or {@code StackCheck} is not).
   */
  static final Set<String> VERBS =
      new TreeSet<>(
          Set.of(
              "Apply",
              "Begin",
              "Check",
              "Clean",
              "Complete",
              "Create",
              "Delete",
              "Fail",
              "Heal",
              "Mark",
              "Poll",
              "Prune",
              "Record",
              "Release",
              "Remove",
              "Replace",
              "Roll",
              "Scale",
              "Select",
              "Start",
              "Update",
              "Wait"));

  /**
   * The one message a model waits for (io.nfvflow.ns.NsVariables): the end of an NS member's
   * operation, correlated by the member's id in the LOCAL variable memberId.
   */
  static final String MEMBER_ENDED = "NsMemberEnded";

  static final String MEMBER_ID = "memberId";

  /**
   * The one message a catch event waits for (io.nfvflow.lcm.LcmVariables#vnfChanged): the VIM's
   * watch reported a change of the VNF, correlated by the VNF id in the message's name.
   */
  static final String VNF_CHANGED = "VnfChanged-${vnfId}";

  static final String RETRY_CYCLE = "${retryCycle}";
  static final String BUSINESS_KEY = "#{execution.processBusinessKey}";

  static final List<Rule> RULES =
      List.of(
          new Rule(
              "process id is the file name, documented, history cleaned up", Conventions::process),
          new Rule("no code in the model", Conventions::noCode),
          new Rule("each service task is the bean named after it", Conventions::beans),
          new Rule("activity ids are PascalCase verbs", Conventions::verbs),
          new Rule("async steps retry by ${retryCycle}", Conventions::retries),
          new Rule("call activities map the contract explicitly", Conventions::callActivities),
          new Rule("timers take their durations from variables", Conventions::timers),
          new Rule(
              "waits are for messages the engine sends, correlated as it does", Conventions::waits),
          new Rule("errors have a known code and carry their message", Conventions::errors),
          new Rule("activities, boundary and error events are documented", Conventions::documented),
          new Rule("everything is on the diagram, names with labels", Conventions::onDiagram),
          new Rule("shapes and labels do not overlap", Conventions::noOverlap),
          new Rule("edges are orthogonal and dock on their shapes", Conventions::edges));

  private static final Pattern PASCAL_CASE = Pattern.compile("([A-Z][a-z0-9]+)(?:[A-Z][a-z0-9]*)*");
  private static final Pattern BEAN = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)Delegate}");
  private static final Pattern PLAIN_VARIABLE = Pattern.compile("\\$\\{[a-z][A-Za-z0-9]*}");
  private static final Pattern CALLED =
      Pattern.compile(
          "vnf-[a-z]+(?:-[a-z]+)*(?:-\\$\\{vimType})?|vnffg-[a-z]+(?:-[a-z]+)*|ns-[a-z]+(?:-[a-z]+)*");
  private static final Pattern KEPT_ERROR_CODE = Pattern.compile("([a-z][A-Za-z0-9]*)ErrorCode");
  private static final Pattern METHOD_CALL = Pattern.compile("[$#]\\{[^}]*\\(");
  private static final Pattern DOCUMENTATION =
      Pattern.compile("<bpmn:documentation>.*?</bpmn:documentation>", Pattern.DOTALL);

  private Conventions() {}

  static List<String> process(Model model) {
    List<String> violations = new ArrayList<>();
    Collection<Process> processes = model.bpmn().getModelElementsByType(Process.class);
    if (processes.size() != 1) {
      return List.of("one process per file, found " + processes.size());
    }
    Process process = processes.iterator().next();
    if (!(process.getId() + ".bpmn").equals(model.fileName())) {
      violations.add("process id '" + process.getId() + "' is not the file name");
    }
    if (!process.isExecutable()) {
      violations.add("process is not executable");
    }
    if (blank(process.getCamundaHistoryTimeToLiveString())) {
      violations.add("no camunda:historyTimeToLive");
    }
    if (!documented(process)) {
      violations.add("process has no documentation");
    }
    return violations;
  }

  static List<String> noCode(Model model) {
    List<String> violations = new ArrayList<>();
    BpmnModelInstance bpmn = model.bpmn();
    bpmn.getModelElementsByType(ScriptTask.class)
        .forEach(t -> violations.add(t.getId() + ": script task"));
    if (!bpmn.getModelElementsByType(CamundaScript.class).isEmpty()) {
      violations.add("inline script (camunda:script)");
    }
    for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
      if (task.getCamundaExpression() != null || task.getCamundaType() != null) {
        violations.add(task.getId() + ": camunda:expression / camunda:type");
      }
    }
    String code = DOCUMENTATION.matcher(model.text()).replaceAll("");
    if (code.contains("camunda:class=")) {
      violations.add("camunda:class");
    }
    Matcher call = METHOD_CALL.matcher(code);
    while (call.find()) {
      violations.add("method expression with arguments: " + call.group() + "...");
    }
    return violations;
  }

  static List<String> beans(Model model) {
    List<String> violations = new ArrayList<>();
    for (BaseElement task : tasks(model.bpmn())) {
      String expression = delegateExpressionOf(task);
      Matcher bean = BEAN.matcher(expression == null ? "" : expression);
      if (!bean.matches()) {
        violations.add(task.getId() + ": '" + expression + "' is not ${<step>Delegate}");
        continue;
      }
      String step = Character.toUpperCase(bean.group(1).charAt(0)) + bean.group(1).substring(1);
      if (!task.getId().equals(step) && !task.getId().matches(Pattern.quote(step) + "[A-Z]\\w*")) {
        violations.add(task.getId() + ": id is not the step of its bean " + bean.group());
      }
    }
    return violations;
  }

  static List<String> verbs(Model model) {
    List<String> violations = new ArrayList<>();
    for (Activity activity : model.bpmn().getModelElementsByType(Activity.class)) {
      Matcher id = PASCAL_CASE.matcher(activity.getId());
      if (!id.matches()) {
        violations.add(activity.getId() + ": not PascalCase");
      } else if (!VERBS.contains(id.group(1))) {
        violations.add(activity.getId() + ": does not start with a verb " + VERBS);
      }
    }
    return violations;
  }

  static List<String> retries(Model model) {
    List<String> violations = new ArrayList<>();
    BpmnModelInstance bpmn = model.bpmn();
    List<FlowNode> mustBeAsync =
        new ArrayList<>(tasks(bpmn).stream().map(FlowNode.class::cast).toList());
    mustBeAsync.addAll(bpmn.getModelElementsByType(CallActivity.class));
    for (FlowNode node : mustBeAsync) {
      if (!node.isCamundaAsyncBefore()) {
        violations.add(node.getId() + ": not asyncBefore");
      }
    }
    for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
      if (node instanceof EventBasedGateway) {
        continue; // cannot be asynchronous (the model API refuses to even ask)
      }
      if (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) {
        List<String> cycles = retryCyclesOf(node);
        if (!cycles.equals(List.of(RETRY_CYCLE))) {
          violations.add(node.getId() + ": retry time cycle " + cycles + ", not " + RETRY_CYCLE);
        }
      }
    }
    for (CamundaFailedJobRetryTimeCycle cycle :
        bpmn.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class)) {
      if (!RETRY_CYCLE.equals(cycle.getTextContent().trim())) {
        violations.add(
            "retry time cycle '" + cycle.getTextContent().trim() + "' (profiles are per VIM type)");
      }
    }
    return violations;
  }

  static List<String> callActivities(Model model) {
    List<String> violations = new ArrayList<>();
    for (CallActivity call : model.bpmn().getModelElementsByType(CallActivity.class)) {
      String id = call.getId();
      String called = call.getCalledElement();
      if (called == null || !CALLED.matcher(called).matches()) {
        violations.add(
            id
                + ": calls '"
                + called
                + "', not vnf-<model>, vnf-<model>-${vimType}, vnffg-<model> or ns-<model>");
      }
      List<String> contract = contractOf(called == null ? "" : called);
      if (!contract.equals(contractOf(model.fileName()))) {
        violations.add(id + ": calls " + called + ", whose contract is not this model's");
      }
      if (!extensions(call, CamundaOut.class).isEmpty()) {
        violations.add(id + ": camunda:out (errors carry their message; state lives in tables)");
      }
      boolean businessKey = false;
      Map<String, String> sources = new HashMap<>();
      Map<String, String> expressions = new HashMap<>();
      for (CamundaIn in : extensions(call, CamundaIn.class)) {
        if (in.getCamundaVariables() != null) {
          violations.add(id + ": camunda:in variables=\"" + in.getCamundaVariables() + "\"");
        } else if (in.getCamundaBusinessKey() != null) {
          businessKey = BUSINESS_KEY.equals(in.getCamundaBusinessKey());
        } else if (in.getCamundaSourceExpression() != null) {
          expressions.put(in.getCamundaTarget(), in.getCamundaSourceExpression());
        } else {
          sources.put(in.getCamundaTarget(), in.getCamundaSource());
        }
      }
      if (!businessKey) {
        violations.add(id + ": does not pass the business key " + BUSINESS_KEY);
      }
      for (String variable : contract) {
        if (!variable.equals(sources.get(variable))) {
          violations.add(id + ": does not map " + variable + " to itself");
        }
      }
      Set<String> extra = new HashSet<>(sources.keySet());
      contract.forEach(extra::remove);
      if (!extra.isEmpty()) {
        violations.add(id + ": maps " + extra + " beyond the contract");
      }
      Set<String> expected = WAIT.equals(called) ? WAIT_INPUTS.keySet() : Set.of();
      if (!expressions.keySet().equals(expected)) {
        violations.add(id + ": passes " + expressions.keySet() + " by expression, not " + expected);
      }
      expressions.forEach(
          (target, expression) -> {
            Pattern allowed = WAIT_INPUTS.get(target);
            if (allowed != null && !allowed.matcher(expression).matches()) {
              violations.add(id + ": " + target + " = '" + expression + "' is not allowed");
            }
          });
    }
    return violations;
  }

  static List<String> timers(Model model) {
    List<String> violations = new ArrayList<>();
    for (TimerEventDefinition timer :
        model.bpmn().getModelElementsByType(TimerEventDefinition.class)) {
      String owner = ((BaseElement) timer.getParentElement()).getId();
      List<String> values = new ArrayList<>();
      if (timer.getTimeDuration() != null) {
        values.add(timer.getTimeDuration().getTextContent().trim());
      }
      if (timer.getTimeDate() != null) {
        values.add(timer.getTimeDate().getTextContent().trim());
      }
      if (timer.getTimeCycle() != null) {
        values.add(timer.getTimeCycle().getTextContent().trim());
      }
      if (values.size() != 1 || !PLAIN_VARIABLE.matcher(values.get(0)).matches()) {
        violations.add(owner + ": timer " + values + " is not one ${variable}");
      }
    }
    return violations;
  }

  /**
   * A message catch event waits for {@link #VNF_CHANGED}. A receive task waits for {@link
   * #MEMBER_ENDED}, maps memberId to itself (a receive task with a message is a scope: without the
   * mapping the waiting execution has no local memberId and the engine's correlation finds nothing)
   * and is asyncAfter (the correlation must not run the NS's next steps in the transaction of the
   * member's operation).
   */
  static List<String> waits(Model model) {
    List<String> violations = new ArrayList<>();
    for (IntermediateCatchEvent event :
        model.bpmn().getModelElementsByType(IntermediateCatchEvent.class)) {
      for (var definition : event.getEventDefinitions()) {
        if (definition instanceof MessageEventDefinition m) {
          String name = m.getMessage() == null ? null : m.getMessage().getName();
          if (!VNF_CHANGED.equals(name)) {
            violations.add(event.getId() + ": waits for message " + name + ", not " + VNF_CHANGED);
          }
        }
      }
    }
    for (ReceiveTask task : model.bpmn().getModelElementsByType(ReceiveTask.class)) {
      String id = task.getId();
      Message message = task.getMessage();
      String name = message == null ? null : message.getName();
      if (!MEMBER_ENDED.equals(name)) {
        violations.add(id + ": waits for message " + name + ", not " + MEMBER_ENDED);
      }
      boolean mapped =
          extensions(task, CamundaInputOutput.class).stream()
              .flatMap(io -> io.getCamundaInputParameters().stream())
              .anyMatch(
                  p ->
                      MEMBER_ID.equals(p.getCamundaName())
                          && ("${" + MEMBER_ID + "}").equals(p.getTextContent().trim()));
      if (!mapped) {
        violations.add(id + ": does not map " + MEMBER_ID + " to itself as an input");
      }
      if (!task.isCamundaAsyncAfter()) {
        violations.add(id + ": not asyncAfter");
      }
    }
    return violations;
  }

  static List<String> errors(Model model) {
    List<String> violations = new ArrayList<>();
    BpmnModelInstance bpmn = model.bpmn();
    for (Error error : bpmn.getModelElementsByType(Error.class)) {
      if (!ERROR_CODES.contains(error.getErrorCode())) {
        violations.add(error.getId() + ": unknown error code " + error.getErrorCode());
      }
    }
    for (ErrorEventDefinition definition :
        bpmn.getModelElementsByType(ErrorEventDefinition.class)) {
      ModelElementInstance event = definition.getParentElement();
      String id = ((BaseElement) event).getId();
      Error error = definition.getError();
      if (event instanceof EndEvent) {
        if (error == null || blank(error.getCamundaErrorMessage())) {
          violations.add(id + ": error end event without an error with camunda:errorMessage");
        }
      } else if (event instanceof BoundaryEvent && !keepsErrorCodeAndMessage(model, definition)) {
        violations.add(id + ": error boundary does not keep errorCode / errorMessage");
      }
    }
    return violations;
  }

  /**
   * A boundary keeps the error's code and message in errorCode / errorMessage, which Fail operation
   * and Begin rollback report. A second error caught while the first is still the reason (a failed
   * clean-up after a failed apply) may go to {@code <x>ErrorCode} / {@code <x>ErrorMessage}
   * instead, when a mapping of the model adds {@code ${<x>ErrorMessage}} to errorMessage.
   */
  private static boolean keepsErrorCodeAndMessage(Model model, ErrorEventDefinition definition) {
    String code = definition.getCamundaErrorCodeVariable();
    String message = definition.getCamundaErrorMessageVariable();
    if ("errorCode".equals(code) && "errorMessage".equals(message)) {
      return true;
    }
    Matcher kept = KEPT_ERROR_CODE.matcher(code == null ? "" : code);
    if (!kept.matches() || !(kept.group(1) + "ErrorMessage").equals(message)) {
      return false;
    }
    return model.bpmn().getModelElementsByType(CamundaOutputParameter.class).stream()
        .filter(p -> "errorMessage".equals(p.getCamundaName()))
        .anyMatch(p -> p.getTextContent().contains("${" + message + "}"));
  }

  /** The contract of a model, by its process id or file name. */
  static List<String> contractOf(String model) {
    if (model.startsWith(NS_PREFIX)) {
      return NS_CONTRACT;
    }
    return model.startsWith(CHAIN_PREFIX) ? CHAIN_CONTRACT : CONTRACT;
  }

  static List<String> documented(Model model) {
    List<String> violations = new ArrayList<>();
    BpmnModelInstance bpmn = model.bpmn();
    List<FlowElement> elements = new ArrayList<>(bpmn.getModelElementsByType(Activity.class));
    elements.addAll(bpmn.getModelElementsByType(BoundaryEvent.class));
    for (EndEvent end : bpmn.getModelElementsByType(EndEvent.class)) {
      if (!end.getEventDefinitions().isEmpty()) {
        elements.add(end);
      }
    }
    for (FlowElement element : elements) {
      if (!documented(element)) {
        violations.add(element.getId() + ": no documentation");
      }
    }
    return violations;
  }

  static List<String> onDiagram(Model model) {
    List<String> violations = new ArrayList<>();
    BpmnModelInstance bpmn = model.bpmn();
    Map<String, BpmnShape> shapes = shapes(bpmn);
    Map<String, BpmnEdge> edges = edges(bpmn);
    for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
      BpmnShape shape = shapes.get(node.getId());
      if (shape == null) {
        violations.add(node.getId() + ": no shape");
      } else if (!blank(node.getName())
          && (node instanceof Event || node instanceof Gateway)
          && shape.getBpmnLabel() == null) {
        violations.add(node.getId() + ": named, but no label position");
      }
    }
    for (SequenceFlow flow : bpmn.getModelElementsByType(SequenceFlow.class)) {
      BpmnEdge edge = edges.get(flow.getId());
      if (edge == null) {
        violations.add(flow.getId() + ": no edge");
      } else if (!blank(flow.getName()) && edge.getBpmnLabel() == null) {
        violations.add(flow.getId() + ": named, but no label position");
      }
    }
    return violations;
  }

  static List<String> noOverlap(Model model) {
    List<String> violations = new ArrayList<>();
    List<BpmnShape> shapes = new ArrayList<>(shapes(model.bpmn()).values());
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (overlap(a.getBounds(), b.getBounds()) && !nested(a, b) && !nested(b, a)) {
          violations.add(
              "shapes "
                  + a.getBpmnElement().getId()
                  + " and "
                  + b.getBpmnElement().getId()
                  + " overlap");
        }
      }
    }
    Map<String, Bounds> labels = new LinkedHashMap<>();
    shapes.stream()
        .filter(s -> s.getBpmnLabel() != null && s.getBpmnLabel().getBounds() != null)
        .forEach(s -> labels.put(s.getBpmnElement().getId(), s.getBpmnLabel().getBounds()));
    edges(model.bpmn()).values().stream()
        .filter(e -> e.getBpmnLabel() != null && e.getBpmnLabel().getBounds() != null)
        .forEach(e -> labels.put(e.getBpmnElement().getId(), e.getBpmnLabel().getBounds()));
    List<String> labelled = new ArrayList<>(labels.keySet());
    for (int i = 0; i < labelled.size(); i++) {
      String owner = labelled.get(i);
      Bounds label = labels.get(owner);
      for (BpmnShape shape : shapes) {
        boolean insideContainer =
            shape.getBpmnElement() instanceof SubProcess container
                && contains(container, model.bpmn().getModelElementById(owner));
        if (!insideContainer && overlap(label, shape.getBounds())) {
          violations.add("label of " + owner + " overlaps shape " + shape.getBpmnElement().getId());
        }
      }
      for (int j = i + 1; j < labelled.size(); j++) {
        if (overlap(label, labels.get(labelled.get(j)))) {
          violations.add("labels of " + owner + " and " + labelled.get(j) + " overlap");
        }
      }
    }
    return violations;
  }

  static List<String> edges(Model model) {
    List<String> violations = new ArrayList<>();
    Map<String, BpmnShape> shapes = shapes(model.bpmn());
    for (BpmnEdge edge : edges(model.bpmn()).values()) {
      if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
        continue;
      }
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      String id = flow.getId();
      if (points.size() < 2) {
        violations.add(id + ": fewer than two waypoints");
        continue;
      }
      for (int k = 1; k < points.size(); k++) {
        Waypoint p = points.get(k - 1);
        Waypoint q = points.get(k);
        if (!p.getX().equals(q.getX()) && !p.getY().equals(q.getY())) {
          violations.add(id + ": segment " + k + " is diagonal");
        }
      }
      BpmnShape source = shapes.get(flow.getSource().getId());
      BpmnShape target = shapes.get(flow.getTarget().getId());
      if (source != null && !onBorder(points.get(0), source.getBounds())) {
        violations.add(id + ": does not start on the border of " + flow.getSource().getId());
      }
      if (target != null && !onBorder(points.get(points.size() - 1), target.getBounds())) {
        violations.add(id + ": does not end on the border of " + flow.getTarget().getId());
      }
    }
    return violations;
  }

  /** The service, send and business rule tasks: the steps that are beans. */
  static List<BaseElement> tasks(BpmnModelInstance bpmn) {
    List<BaseElement> tasks = new ArrayList<>(bpmn.getModelElementsByType(ServiceTask.class));
    tasks.addAll(bpmn.getModelElementsByType(SendTask.class));
    tasks.addAll(bpmn.getModelElementsByType(BusinessRuleTask.class));
    return tasks;
  }

  static String delegateExpressionOf(BaseElement task) {
    if (task instanceof ServiceTask t) {
      return t.getCamundaDelegateExpression();
    }
    if (task instanceof SendTask t) {
      return t.getCamundaDelegateExpression();
    }
    return ((BusinessRuleTask) task).getCamundaDelegateExpression();
  }

  static <T extends ModelElementInstance> List<T> extensions(BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return List.of();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list();
  }

  private static List<String> retryCyclesOf(BaseElement element) {
    return extensions(element, CamundaFailedJobRetryTimeCycle.class).stream()
        .map(c -> c.getTextContent().trim())
        .toList();
  }

  private static boolean documented(BaseElement element) {
    Collection<Documentation> docs = element.getDocumentations();
    return docs.stream().anyMatch(d -> !blank(d.getTextContent()));
  }

  private static Map<String, BpmnShape> shapes(BpmnModelInstance bpmn) {
    Map<String, BpmnShape> shapes = new LinkedHashMap<>();
    bpmn.getModelElementsByType(BpmnShape.class)
        .forEach(s -> shapes.put(s.getBpmnElement().getId(), s));
    return shapes;
  }

  private static Map<String, BpmnEdge> edges(BpmnModelInstance bpmn) {
    Map<String, BpmnEdge> edges = new LinkedHashMap<>();
    bpmn.getModelElementsByType(BpmnEdge.class)
        .forEach(e -> edges.put(e.getBpmnElement().getId(), e));
    return edges;
  }

  /**
   * {@code inner} may lie on {@code outer}: a boundary event on its host, a node in its subprocess.
   */
  private static boolean nested(BpmnShape outer, BpmnShape inner) {
    BaseElement o = outer.getBpmnElement();
    BaseElement i = inner.getBpmnElement();
    if (i instanceof BoundaryEvent boundary && boundary.getAttachedTo() == o) {
      return true;
    }
    return o instanceof SubProcess container && contains(container, i);
  }

  private static boolean contains(SubProcess container, ModelElementInstance element) {
    Set<ModelElementInstance> seen = new LinkedHashSet<>();
    for (ModelElementInstance e = element; e != null && seen.add(e); e = e.getParentElement()) {
      if (e.getParentElement() == container) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }

  private static boolean onBorder(Waypoint p, Bounds b) {
    double x = p.getX();
    double y = p.getY();
    double left = b.getX();
    double top = b.getY();
    double right = left + b.getWidth();
    double bottom = top + b.getHeight();
    boolean within = x >= left - 1 && x <= right + 1 && y >= top - 1 && y <= bottom + 1;
    boolean onEdge =
        Math.abs(x - left) <= 1
            || Math.abs(x - right) <= 1
            || Math.abs(y - top) <= 1
            || Math.abs(y - bottom) <= 1;
    return within && onEdge;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
