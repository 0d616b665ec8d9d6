package io.nfvflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.nfvflow.ns.CheckNsRemovedDelegate;
import io.nfvflow.ns.CheckNsVnffgsDelegate;
import io.nfvflow.ns.CheckNsVnfsDelegate;
import io.nfvflow.ns.DeleteNsVnfDelegate;
import io.nfvflow.ns.DeleteNsVnffgDelegate;
import io.nfvflow.ns.NsMemberException;
import io.nfvflow.ns.NsMembers;
import io.nfvflow.ns.StartNsVnfDelegate;
import io.nfvflow.ns.StartNsVnffgDelegate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;

/**
 * The NS steps for process tests: the real delegates of {@code io.nfvflow.ns}, registered under
 * their bean names on top of {@link Steps} (so that calls are still recorded), working on a fake
 * {@link NsMembers} port; and the engine's side of a member's end: the one correlation the engine
 * makes when an operation on a member ends.
 */
final class Ns {

  static final String NS_NAME = "ns1";

  /** The message and the local variable the engine correlates a member's end by. */
  static final String MEMBER_ENDED = "NsMemberEnded";

  static final String MEMBER_ID = "memberId";

  /** The receive tasks of the NS models. */
  static final String VNF_ENDED = "WaitUntilVnfEnded";

  static final String VNFFG_ENDED = "WaitUntilVnffgEnded";
  static final String VNFFG_DELETED = "WaitUntilVnffgDeleted";
  static final String VNF_DELETED = "WaitUntilVnfDeleted";

  final Members members = new Members();

  private Ns() {}

  /** Registers the real NS steps on the fake port in {@code steps}. */
  static Ns register(Steps steps) {
    Ns ns = new Ns();
    steps.on("startNsVnfDelegate", new StartNsVnfDelegate(ns.members));
    steps.on("startNsVnffgDelegate", new StartNsVnffgDelegate(ns.members));
    steps.on("deleteNsVnffgDelegate", new DeleteNsVnffgDelegate(ns.members));
    steps.on("deleteNsVnfDelegate", new DeleteNsVnfDelegate(ns.members));
    steps.on("checkNsVnfsDelegate", new CheckNsVnfsDelegate(ns.members));
    steps.on("checkNsVnffgsDelegate", new CheckNsVnffgsDelegate(ns.members));
    steps.on("checkNsRemovedDelegate", new CheckNsRemovedDelegate(ns.members));
    return ns;
  }

  /** The member VNF's id, as the fake port gives it: {@code vnf-1} for index 0. */
  static String vnfId(int index) {
    return "vnf-" + (index + 1);
  }

  static String vnffgId(int index) {
    return "vnffg-" + (index + 1);
  }

  /** A member's name as people read it: the NSD node and the VNF's name. */
  static String vnfName(int index) {
    return "VNF" + (index + 1) + " (" + NS_NAME + "_VNF" + (index + 1) + ")";
  }

  static String vnffgName(int index) {
    return "Forwarding" + (index + 1) + " (" + NS_NAME + "_Forwarding" + (index + 1) + ")";
  }

  /**
   * What the engine does when the operation on member {@code memberId} ends: correlates {@link
   * #MEMBER_ENDED} by the LOCAL {@link #MEMBER_ID}. Exactly one execution must receive it, and it
   * must be the one waiting with that member's local memberId (read here before the correlation).
   */
  static void end(String memberId) {
    List<String> waiting =
        runtimeService()
            .createExecutionQuery()
            .messageEventSubscriptionName(MEMBER_ENDED)
            .list()
            .stream()
            .map(Execution::getId)
            .filter(id -> memberId.equals(runtimeService().getVariableLocal(id, MEMBER_ID)))
            .toList();
    assertThat(waiting).as("executions waiting for the end of %s", memberId).hasSize(1);

    List<MessageCorrelationResult> results =
        runtimeService()
            .createMessageCorrelation(MEMBER_ENDED)
            .localVariableEquals(MEMBER_ID, memberId)
            .correlateAllWithResult();

    assertThat(results).as("executions that received the end of %s", memberId).hasSize(1);
    assertThat(results.get(0).getExecution().getId()).isEqualTo(waiting.get(0));
  }

  /** Ends the member (see {@link #end}) and runs the one job its receive task left after it. */
  static void endAndGoOn(String memberId) {
    Set<String> before = jobIds();
    end(memberId);
    Set<String> after = jobIds();
    after.removeAll(before);
    assertThat(after).as("job after the end of %s", memberId).hasSize(1);
    managementService().executeJob(after.iterator().next());
  }

  private static Set<String> jobIds() {
    Set<String> ids = new HashSet<>();
    managementService().createJobQuery().list().forEach(job -> ids.add(job.getId()));
    return ids;
  }

  /**
   * The memberIds of the executions waiting in the receive task (an ended member's execution stays
   * there until the job after it runs, but no longer waits for the message).
   */
  static Set<String> waitingAt(String receiveTask) {
    Set<String> ids = new TreeSet<>();
    for (Execution execution :
        runtimeService()
            .createExecutionQuery()
            .activityId(receiveTask)
            .messageEventSubscriptionName(MEMBER_ENDED)
            .list()) {
      ids.add((String) runtimeService().getVariableLocal(execution.getId(), MEMBER_ID));
    }
    return ids;
  }

  /** Runs every job waiting at the activity (one per instance of a multi-instance activity). */
  static int runAll(String activityId) {
    List<Job> jobs = managementService().createJobQuery().activityId(activityId).list();
    jobs.forEach(job -> managementService().executeJob(job.getId()));
    return jobs.size();
  }

  /** Runs the job at the activity in the multi-instance instance of this loopCounter. */
  static void runMember(String activityId, int index) {
    Job job =
        managementService().createJobQuery().activityId(activityId).list().stream()
            .filter(j -> Integer.valueOf(index).equals(loopCounterOf(j.getExecutionId())))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no job at " + activityId + " #" + index));
    managementService().executeJob(job.getId());
  }

  private static Object loopCounterOf(String executionId) {
    return runtimeService().getVariable(executionId, "loopCounter");
  }

  static long jobsAt(String activityId) {
    return managementService().createJobQuery().activityId(activityId).count();
  }

  /**
   * A fake of the engine's port. Started members exist; a start or delete is awaited unless told
   * otherwise; a delete of a member that does not exist is nothing to await. Records every call and
   * every event.
   */
  static final class Members implements NsMembers {

    private final List<String> calls = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final Set<String> existing = new HashSet<>();
    private final Set<String> notAwaited = new HashSet<>();
    private final Map<String, String> refusals = new HashMap<>();
    private List<String> vnfFailures = List.of();
    private List<String> vnffgFailures = List.of();
    private List<String> leftovers = List.of();

    /** These members exist already (an NS to delete). */
    Members existing(int vnfs, int vnffgs) {
      for (int i = 0; i < vnfs; i++) {
        existing.add(vnfId(i));
      }
      for (int i = 0; i < vnffgs; i++) {
        existing.add(vnffgId(i));
      }
      return this;
    }

    /** Calls of {@code method} for this index answer "nothing to await" (already ended). */
    Members notAwaited(String method, int index) {
      notAwaited.add(method + " " + index);
      return this;
    }

    /** Calls of {@code method} for this index throw NsMemberException(reason). */
    Members refuse(String method, int index, String reason) {
      refusals.put(method + " " + index, reason);
      return this;
    }

    Members failedVnfs(String... failures) {
      vnfFailures = List.of(failures);
      return this;
    }

    Members failedVnffgs(String... failures) {
      vnffgFailures = List.of(failures);
      return this;
    }

    Members left(String... left) {
      leftovers = List.of(left);
      return this;
    }

    /** The calls, as "method index" or "method". */
    List<String> calls() {
      return List.copyOf(calls);
    }

    List<String> events() {
      return List.copyOf(events);
    }

    @Override
    public Started startVnf(String nsId, int index) {
      return start("startVnf", nsId, index, vnfId(index), vnfName(index));
    }

    @Override
    public Started startVnffg(String nsId, int index) {
      return start("startVnffg", nsId, index, vnffgId(index), vnffgName(index));
    }

    @Override
    public Started deleteVnffg(String nsId, int index) {
      return delete("deleteVnffg", nsId, index, vnffgId(index), vnffgName(index));
    }

    @Override
    public Started deleteVnf(String nsId, int index) {
      return delete("deleteVnf", nsId, index, vnfId(index), vnfName(index));
    }

    @Override
    public List<String> vnfFailures(String nsId) {
      calls.add("vnfFailures");
      return vnfFailures;
    }

    @Override
    public List<String> vnffgFailures(String nsId) {
      calls.add("vnffgFailures");
      return vnffgFailures;
    }

    @Override
    public List<String> leftovers(String nsId) {
      calls.add("leftovers");
      return leftovers;
    }

    @Override
    public void event(String nsId, String detail) {
      assertThat(nsId).isEqualTo("ns-1");
      events.add(detail);
    }

    private Started start(String method, String nsId, int index, String id, String name) {
      call(method, nsId, index);
      existing.add(id);
      return new Started(id, name, !notAwaited.contains(method + " " + index));
    }

    private Started delete(String method, String nsId, int index, String id, String name) {
      call(method, nsId, index);
      if (!existing.remove(id)) {
        return new Started(null, name, false);
      }
      return new Started(id, name, !notAwaited.contains(method + " " + index));
    }

    private void call(String method, String nsId, int index) {
      assertThat(nsId).isEqualTo("ns-1");
      calls.add(method + " " + index);
      String reason = refusals.get(method + " " + index);
      if (reason != null) {
        throw new NsMemberException(reason);
      }
    }
  }
}
