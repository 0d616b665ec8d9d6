package io.nfvflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Starts processes the way the engine does and drives the job executor's work by hand. The job
 * executor is off in tests; every async continuation and every timer is a job that the test runs by
 * the id of the activity it belongs to, so the tests read like the path through the model. A test
 * runs one process tree at a time, so an activity id names one job.
 */
final class Jobs {

  static final String BUSINESS_KEY = "op-1";

  static final String READY_TIMEOUT = "PT5M";

  /**
   * Retry profiles as the drivers name them (VimDriver.retryCycle()), set by the engine at the
   * start of every operation. Unknown VIM types get the Kubernetes one.
   */
  static final Map<String, String> RETRY_CYCLES =
      Map.of("kubernetes", "R3/PT5S", "openstack", "R5/PT15S");

  /** What every lifecycle model is started with (DESIGN, "BPMN"). */
  static final Set<String> CONTRACT =
      Set.of("vnfId", "vnfName", "operationId", "vimType", "retryCycle", "readyTimeout");

  /** What every VNFFG model is started with (issue 8). */
  static final Set<String> CHAIN_CONTRACT =
      Set.of("vnffgId", "vnffgName", "operationId", "retryCycle");

  /** What every NS model is started with (issue 9). */
  static final Set<String> NS_CONTRACT =
      Set.of("nsId", "nsName", "operationId", "retryCycle", "vnfCount", "vnffgCount");

  /** What callers of vnf-wait pass as progress, for a time-out before the VIM ever answered. */
  static final String NO_ANSWER_YET = "no answer from the VIM yet";

  private Jobs() {}

  /** Starts {@code processKey} the way the engine does: business key = operation id. */
  static ProcessInstance start(String processKey, String vimType) {
    return start(processKey, variables(vimType));
  }

  static ProcessInstance start(String processKey, Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(processKey, BUSINESS_KEY, variables);
  }

  /** The variables the engine sets at start. */
  static Map<String, Object> variables(String vimType) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("vnfId", "vnf-1");
    variables.put("vnfName", "hello-cnf");
    variables.put("operationId", BUSINESS_KEY);
    variables.put("vimType", vimType);
    variables.put("retryCycle", RETRY_CYCLES.getOrDefault(vimType, "R3/PT5S"));
    variables.put("readyTimeout", READY_TIMEOUT);
    return variables;
  }

  /**
   * The variables the engine sets at the start of a VNFFG operation. A chain lives in the Neutron
   * of an OpenStack VIM, so its steps retry by the OpenStack profile.
   */
  static Map<String, Object> chainVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("vnffgId", "vnffg-1");
    variables.put("vnffgName", "web-chain");
    variables.put("operationId", BUSINESS_KEY);
    variables.put("retryCycle", RETRY_CYCLES.get("openstack"));
    return variables;
  }

  /**
   * The variables the engine sets at the start of an NS operation. An NS's steps call nfvflow
   * itself (they start the members' operations), so they retry by the Kubernetes profile here; the
   * engine chooses the profile.
   */
  static Map<String, Object> nsVariables(int vnfCount, int vnffgCount) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("nsId", "ns-1");
    variables.put("nsName", "ns1");
    variables.put("operationId", BUSINESS_KEY);
    variables.put("retryCycle", RETRY_CYCLES.get("kubernetes"));
    variables.put("vnfCount", vnfCount);
    variables.put("vnffgCount", vnffgCount);
    return variables;
  }

  /** The inputs of vnf-wait as its callers map them. */
  static Map<String, Object> waitVariables(String vimType, String goal) {
    Map<String, Object> variables = variables(vimType);
    variables.put("goal", goal);
    variables.put("progress", NO_ANSWER_YET);
    return variables;
  }

  /**
   * Starts {@code child} under the test-caller process, which catches its BPMN errors into
   * errorCode / errorMessage as the lifecycle models do, and checks that the child inherits the
   * operation's business key.
   */
  static ProcessInstance startUnderCaller(String child, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("child", child);
    ProcessInstance caller = start("test-caller", all);
    assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(caller.getId())
                .singleResult()
                .getBusinessKey())
        .isEqualTo(BUSINESS_KEY);
    return caller;
  }

  /** The one job waiting at the activity (async continuation or timer). */
  static Job jobAt(String activityId) {
    List<Job> jobs = managementService().createJobQuery().activityId(activityId).list();
    assertThat(jobs).as("jobs at %s", activityId).hasSize(1);
    return jobs.get(0);
  }

  static boolean hasJobAt(String activityId) {
    return managementService().createJobQuery().activityId(activityId).count() > 0;
  }

  /** Runs the jobs at these activities, one after the other; each must succeed. */
  static void run(String... activityIds) {
    for (String activityId : activityIds) {
      managementService().executeJob(jobAt(activityId).getId());
    }
  }

  static void run(List<String> activityIds) {
    run(activityIds.toArray(String[]::new));
  }

  /** Runs the job at the activity once; it must fail. */
  static void runFailing(String activityId) {
    String jobId = jobAt(activityId).getId();
    assertThatThrownBy(() -> managementService().executeJob(jobId))
        .as("job at %s fails", activityId);
  }

  /**
   * Runs the failing job at the activity until its retries are used up, as the job executor would.
   *
   * @return how many times it ran
   */
  static int runUntilIncident(String activityId) {
    int attempts = 0;
    do {
      runFailing(activityId);
      attempts++;
      assertThat(attempts).as("attempts at %s", activityId).isLessThanOrEqualTo(10);
    } while (jobAt(activityId).getRetries() > 0);
    return attempts;
  }

  /** An operator's "retry" in cockpit: give the job one more try and run it. */
  static void retry(String activityId) {
    String jobId = jobAt(activityId).getId();
    managementService().setJobRetries(jobId, 1);
    managementService().executeJob(jobId);
  }

  static List<Incident> incidentsAt(String activityId) {
    return runtimeService().createIncidentQuery().activityId(activityId).list();
  }

  static List<HistoricProcessInstance> instancesOf(String processKey) {
    return historyService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .orderByProcessInstanceStartTime()
        .asc()
        .list();
  }

  /** The business keys of the instances started from the definition, running or ended. */
  static List<String> businessKeysOf(String processKey) {
    return instancesOf(processKey).stream().map(HistoricProcessInstance::getBusinessKey).toList();
  }

  /** The names of every variable the instance ever had (history). */
  static Set<String> variableNamesOf(HistoricProcessInstance instance) {
    return historyService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .list()
        .stream()
        .map(HistoricVariableInstance::getName)
        .collect(Collectors.toSet());
  }

  /** The instance's variable values (history), by name. */
  static Map<String, Object> variablesOf(HistoricProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    historyService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }
}
