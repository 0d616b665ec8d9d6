package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.run;

import java.util.ArrayList;
import java.util.List;

/** The steps of each VIM type's apply, remove and heal models, for tests that walk through them. */
enum Vim {
  KUBERNETES(
      "kubernetes",
      List.of("ApplyConfigMaps", "ApplyDeployments", "ApplyServices", "ApplyAutoscalers"),
      List.of("DeleteAutoscalers", "DeleteServices", "DeleteDeployments", "DeleteConfigMaps"),
      List.of("ReplacePods"),
      "ApplyOnVim"),
  OPENSTACK(
      "openstack",
      List.of("ApplyStack"),
      List.of("DeleteStack"),
      List.of("MarkServersUnhealthy", "HealStack"),
      "WaitUntilReady");

  /** The call activity of a vnf-heal-&lt;type&gt; that converges through vnf-apply-&lt;type&gt;. */
  private static final String APPLY_ON_VIM = "ApplyOnVim";

  final String type;

  /** The service tasks of vnf-apply-&lt;type&gt;, before its WaitUntilReady. */
  final List<String> applySteps;

  /** The service tasks of vnf-remove-&lt;type&gt;, before its WaitUntilGone. */
  final List<String> removeSteps;

  /** The service tasks of vnf-heal-&lt;type&gt;, before its call activity. */
  final List<String> healSteps;

  /**
   * The call activity of vnf-heal-&lt;type&gt;: ApplyOnVim (vnf-apply-&lt;type&gt;, which waits) or
   * WaitUntilReady (vnf-wait).
   */
  final String healCall;

  Vim(
      String type,
      List<String> applySteps,
      List<String> removeSteps,
      List<String> healSteps,
      String healCall) {
    this.type = type;
    this.applySteps = applySteps;
    this.removeSteps = removeSteps;
    this.healSteps = healSteps;
    this.healCall = healCall;
  }

  /** The bean calls of a whole vnf-apply-&lt;type&gt; whose goal is reached at the first look. */
  List<String> applyCalls() {
    List<String> calls = new ArrayList<>(beans(applySteps));
    calls.add("checkProgressDelegate");
    return calls;
  }

  /** The bean calls of a whole vnf-remove-&lt;type&gt; whose goal is reached at the first look. */
  List<String> removeCalls() {
    List<String> calls = new ArrayList<>(beans(removeSteps));
    calls.add("checkProgressDelegate");
    return calls;
  }

  /** The bean calls of a whole vnf-heal-&lt;type&gt; whose goal is reached at the first look. */
  List<String> healCalls() {
    List<String> calls = new ArrayList<>(beans(healSteps));
    calls.addAll(APPLY_ON_VIM.equals(healCall) ? applyCalls() : List.of("checkProgressDelegate"));
    return calls;
  }

  /**
   * Runs vnf-heal-&lt;type&gt; from its first step into the wait, up to (not including) its first
   * look: the next job is CheckProgress.
   */
  void healUntilTheWait() {
    run(healSteps);
    run(healCall);
    if (APPLY_ON_VIM.equals(healCall)) {
      run(applySteps);
      run("WaitUntilReady");
    }
  }

  /** Runs vnf-heal-&lt;type&gt; from its first step, the goal reached at the first look. */
  void heal() {
    healUntilTheWait();
    run("CheckProgress");
  }

  /** Runs vnf-apply-&lt;type&gt; from its first step, the goal reached at the first look. */
  void apply() {
    run(applySteps);
    run("WaitUntilReady", "CheckProgress");
  }

  /** Runs vnf-remove-&lt;type&gt; from its first step, the goal reached at the first look. */
  void remove() {
    run(removeSteps);
    run("WaitUntilGone", "CheckProgress");
  }

  static List<String> beans(List<String> taskIds) {
    return taskIds.stream().map(Vim::beanOf).toList();
  }

  static String beanOf(String taskId) {
    return Character.toLowerCase(taskId.charAt(0)) + taskId.substring(1) + "Delegate";
  }

  /** Joins bean names and lists of bean names into the expected call order. */
  static List<String> calls(Object... parts) {
    List<String> all = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof List<?> list) {
        list.forEach(bean -> all.add((String) bean));
      } else {
        all.add((String) part);
      }
    }
    return all;
  }
}
