package io.nfvflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Drives the job executor's work by hand. The job executor is off in tests; every async
 * continuation and every timer is a job that the test runs by the id of the activity it belongs to,
 * so the tests read like the path through the model. A test runs one process tree at a time, so an
 * activity id names one job.
 */
final class Jobs {

  static final String BUSINESS_KEY = "op-1";

  private Jobs() {}

  /** Starts {@code processKey} the way the engine does: business key = operation id. */
  static ProcessInstance start(String processKey, String vimType) {
    return start(processKey, variables(vimType));
  }

  static ProcessInstance start(String processKey, Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(processKey, BUSINESS_KEY, variables);
  }

  /** The variables the engine sets at start. */
  /**
   * Starts a VIM-type child model under the test-caller process (as the generic workflows call it)
   * and checks that the child inherits the operation's business key.
   */
  static ProcessInstance startUnderCaller(String vimType) {
    Map<String, Object> variables = variables(vimType);
    variables.put("child", "vnf-instantiate-" + vimType);
    ProcessInstance caller = start("test-caller", variables);
    assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(caller.getId())
                .singleResult()
                .getBusinessKey())
        .isEqualTo(BUSINESS_KEY);
    return caller;
  }

  static Map<String, Object> variables(String vimType) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("vnfId", "vnf-1");
    variables.put("operationId", BUSINESS_KEY);
    variables.put("vimType", vimType);
    variables.put("pollInterval", "PT2S");
    variables.put("readyTimeout", "PT5M");
    return variables;
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

  /**
   * Runs the failing job at the activity until its retries are used up, as the job executor would.
   *
   * @return how many times it ran
   */
  static int runUntilIncident(String activityId) {
    int attempts = 0;
    while (jobAt(activityId).getRetries() > 0) {
      String jobId = jobAt(activityId).getId();
      assertThatThrownBy(() -> managementService().executeJob(jobId))
          .as("job at %s fails", activityId);
      attempts++;
      assertThat(attempts).as("attempts at %s", activityId).isLessThanOrEqualTo(10);
    }
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

  /** The process instances started from the definition, running or ended, via history. */
  static List<String> businessKeysOf(String processKey) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .list()
        .stream()
        .map(p -> p.getBusinessKey())
        .toList();
  }
}
