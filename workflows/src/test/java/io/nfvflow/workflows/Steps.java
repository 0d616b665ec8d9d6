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
 * variables it saw) and does what the real step would do to the process by default: readiness and
 * removal checks succeed at once, the timeout reports fail the way their Java classes will. Heat
 * stack checks that are not done yet also set {@code pollDelay} (see {@link #notYet}).
 */
final class Steps {

  static final List<String> BEANS =
      List.of(
          "activateVnfDelegate",
          "failVnfDelegate",
          "removeVnfDelegate",
          "createConfigMapsDelegate",
          "createDeploymentsDelegate",
          "createServicesDelegate",
          "createAutoscalersDelegate",
          "checkWorkloadsReadyDelegate",
          "reportReadyTimeoutDelegate",
          "readServiceAddressesDelegate",
          "deleteAutoscalersDelegate",
          "deleteServicesDelegate",
          "deleteDeploymentsDelegate",
          "deleteConfigMapsDelegate",
          "checkWorkloadsGoneDelegate",
          "reportRemovalTimeoutDelegate",
          "createStackDelegate",
          "checkStackCreatedDelegate",
          "reportStackTimeoutDelegate",
          "readStackOutputsDelegate",
          "deleteStackDelegate",
          "checkStackDeletedDelegate",
          "reportStackDeletionTimeoutDelegate");

  static final String MGMT_ADDRESSES = "{\"vdu1\":\"10.0.0.7\"}";

  private final List<String> calls = new ArrayList<>();
  private final Map<String, Map<String, Object>> seen = new HashMap<>();
  private final Map<String, Deque<JavaDelegate>> behaviours = new HashMap<>();

  private Steps() {}

  /** Registers a fresh set of steps; call {@link Mocks#reset()} after the test. */
  static Steps register() {
    Steps steps = new Steps();
    BEANS.forEach(bean -> Mocks.register(bean, steps.delegate(bean)));
    steps.on("checkWorkloadsReadyDelegate", ready(true));
    steps.on("checkWorkloadsGoneDelegate", gone(true));
    steps.on("readServiceAddressesDelegate", e -> e.setVariable("mgmtAddresses", MGMT_ADDRESSES));
    steps.on(
        "reportReadyTimeoutDelegate",
        fail(new BpmnError("READY_TIMEOUT", "workloads not ready within PT5M")));
    steps.on(
        "reportRemovalTimeoutDelegate",
        fail(new IllegalStateException("deployment vnf-1-vdu1 still present")));
    steps.on("checkStackCreatedDelegate", ready(true));
    steps.on("checkStackDeletedDelegate", gone(true));
    steps.on("readStackOutputsDelegate", e -> e.setVariable("mgmtAddresses", MGMT_ADDRESSES));
    steps.on(
        "reportStackTimeoutDelegate",
        fail(new BpmnError("READY_TIMEOUT", "stack vnf-1 not CREATE_COMPLETE within PT5M")));
    steps.on(
        "reportStackDeletionTimeoutDelegate",
        fail(new IllegalStateException("stack vnf-1 still present (DELETE_IN_PROGRESS)")));
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

  static JavaDelegate ready(boolean ready) {
    return e -> e.setVariable("ready", ready);
  }

  static JavaDelegate gone(boolean gone) {
    return e -> e.setVariable("gone", gone);
  }

  /**
   * A Heat stack check that is not done yet: sets the flag false and the delay to the next poll.
   */
  static JavaDelegate notYet(String flag, String pollDelay) {
    return e -> {
      e.setVariable(flag, false);
      e.setVariable("pollDelay", pollDelay);
    };
  }

  static JavaDelegate fail(RuntimeException failure) {
    return e -> {
      throw failure;
    };
  }

  static JavaDelegate bpmnError(String code) {
    return fail(new BpmnError(code, code.toLowerCase().replace('_', ' ') + " (from the VIM)"));
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
