package io.nfvflow.workflows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for every delegate bean the lifecycle workflows name, registered with {@link Mocks} so
 * the models resolve {@code ${beanName}} to them. Each records its calls (in order, with the
 * variables it saw) and by default does what the real step does to the process when all goes well:
 * CheckProgress finds the goal reached at the first look, every other step just succeeds.
 */
final class Steps {

  /**
   * The beans of the contract (DESIGN, "BPMN"): generic, then Kubernetes, then OpenStack, then the
   * networking-sfc steps of a VNFFG (issue 8), then the steps of an NS (issue 9).
   */
  static final List<String> BEANS =
      List.of(
          "checkProgressDelegate",
          "checkRemovedDelegate",
          "recordInstancesDelegate",
          "completeOperationDelegate",
          "failOperationDelegate",
          "beginRollbackDelegate",
          "completeRollbackDelegate",
          "selectHealInstancesDelegate",
          "releaseChainedPortsDelegate",
          "applyConfigMapsDelegate",
          "applyDeploymentsDelegate",
          "applyServicesDelegate",
          "applyAutoscalersDelegate",
          "deleteAutoscalersDelegate",
          "deleteServicesDelegate",
          "deleteDeploymentsDelegate",
          "deleteConfigMapsDelegate",
          "replacePodsDelegate",
          "applyStackDelegate",
          "deleteStackDelegate",
          "markServersUnhealthyDelegate",
          "healStackDelegate",
          "applyFlowClassifiersDelegate",
          "applyPortPairsDelegate",
          "applyPortPairGroupsDelegate",
          "applyPortChainsDelegate",
          "pruneChainDelegate",
          "deletePortChainsDelegate",
          "deletePortPairGroupsDelegate",
          "deletePortPairsDelegate",
          "deleteFlowClassifiersDelegate",
          "startNsVnfDelegate",
          "checkNsVnfsDelegate",
          "startNsVnffgDelegate",
          "checkNsVnffgsDelegate",
          "deleteNsVnffgDelegate",
          "deleteNsVnfDelegate",
          "checkNsRemovedDelegate");

  /** The first poll delay the mocked CheckProgress asks for, like a driver's cadence. */
  static final String FIRST_POLL_DELAY = "PT2S";

  private final List<String> calls = new ArrayList<>();
  private final Map<String, Map<String, Object>> seen = new HashMap<>();
  private final Map<String, Deque<JavaDelegate>> behaviours = new HashMap<>();

  private Steps() {}

  /** Registers a fresh set of steps; call {@link Mocks#reset()} after the test. */
  static Steps register() {
    Steps steps = new Steps();
    BEANS.forEach(bean -> Mocks.register(bean, steps.delegate(bean)));
    steps.on("checkProgressDelegate", done());
    return steps;
  }

  /**
   * What the bean does on its next calls, one behaviour per call; the last one stays for all
   * further calls.
   */
  Steps on(String bean, JavaDelegate... answers) {
    behaviours.put(bean, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  /** Bean names in call order (a failed, rolled back call is still listed). */
  List<String> calls() {
    return List.copyOf(calls);
  }

  /** The variables the bean saw on its last call. */
  Map<String, Object> variablesSeenBy(String bean) {
    return seen.getOrDefault(bean, Map.of());
  }

  /** CheckProgress: the goal is reached. */
  static JavaDelegate done() {
    return e -> {
      e.setVariable("done", true);
      e.setVariable("progress", "goal " + e.getVariable("goal") + " reached");
      e.setVariable("pollDelay", FIRST_POLL_DELAY);
    };
  }

  /** CheckProgress: not yet, with what is pending and the delay until the next look. */
  static JavaDelegate notYet(String progress, String pollDelay) {
    return e -> {
      e.setVariable("done", false);
      e.setVariable("progress", progress);
      e.setVariable("pollDelay", pollDelay);
    };
  }

  static JavaDelegate fail(RuntimeException failure) {
    return e -> {
      throw failure;
    };
  }

  /** A BPMN error whose message is {@link #messageOf} its code. */
  static JavaDelegate bpmnError(String code) {
    return fail(new BpmnError(code, messageOf(code)));
  }

  static String messageOf(String code) {
    return code.toLowerCase().replace('_', ' ') + " (from the VIM)";
  }

  /** A VIM that does not answer: a plain exception, retried by the job executor. */
  static JavaDelegate unavailable() {
    return fail(new IllegalStateException("VIM unavailable: connection refused"));
  }

  static JavaDelegate succeed() {
    return e -> {};
  }

  private JavaDelegate delegate(String bean) {
    return execution -> {
      calls.add(bean);
      seen.put(bean, new HashMap<>(execution.getVariables()));
      Deque<JavaDelegate> answers = behaviours.get(bean);
      if (answers == null || answers.isEmpty()) {
        return;
      }
      JavaDelegate answer = answers.size() > 1 ? answers.poll() : answers.peek();
      answer.execute(execution);
    };
  }
}
