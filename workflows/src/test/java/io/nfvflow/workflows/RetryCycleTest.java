package io.nfvflow.workflows;

import static io.nfvflow.workflows.Jobs.incidentsAt;
import static io.nfvflow.workflows.Jobs.jobAt;
import static io.nfvflow.workflows.Jobs.run;
import static io.nfvflow.workflows.Jobs.runFailing;
import static io.nfvflow.workflows.Jobs.runUntilIncident;
import static io.nfvflow.workflows.Jobs.start;
import static io.nfvflow.workflows.Jobs.variables;
import static io.nfvflow.workflows.Steps.unavailable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retry profiles are named once per VIM type: the engine starts every operation with the driver's
 * {@code retryCycle}, and every async step and call activity says {@code
 * <camunda:failedJobRetryTimeCycle>${retryCycle}</camunda:failedJobRetryTimeCycle>}. This proves
 * that Camunda 7.24 evaluates that expression against the job's execution when the job first fails:
 * the number of retries and the delay come from the variable, not from the engine default (3
 * retries, no delay) and not from a literal in the model.
 */
@Deployment(
    resources = {
      "bpmn/vnf-instantiate.bpmn",
      "bpmn/vnf-apply-openstack.bpmn",
      "bpmn/vnf-remove-openstack.bpmn",
      "bpmn/vnf-wait.bpmn"
    })
class RetryCycleTest extends ProcessTestBase {

  @ParameterizedTest
  @CsvSource({"R2/PT1S, 1, PT1S", "R5/PT15S, 4, PT15S", "R4/PT2M, 3, PT2M"})
  void aFailingStepTakesItsRetriesAndDelayFromTheRetryCycleVariable(
      String retryCycle, int retriesLeft, String delay) {
    steps.on("applyStackDelegate", unavailable());
    start("vnf-apply-openstack", withRetryCycle(retryCycle));

    runFailing("ApplyStack");

    Job job = jobAt("ApplyStack");
    assertThat(job.getRetries()).as("retries left after the first failure").isEqualTo(retriesLeft);
    assertThat(job.getDuedate()).as("next try").isEqualTo(nowPlus(delay));
    assertThat(job.getExceptionMessage()).contains("connection refused");
  }

  @Test
  void aProfileOfTwoMeansTwoTriesThenAnIncident() {
    steps.on("applyStackDelegate", unavailable());
    start("vnf-apply-openstack", withRetryCycle("R2/PT1S"));

    assertThat(runUntilIncident("ApplyStack")).isEqualTo(2);
    assertThat(incidentsAt("ApplyStack")).hasSize(1);
  }

  /** vnf-wait gets retryCycle from its caller (camunda:in) and its CheckProgress uses it. */
  @Test
  void theCalledWaitRetriesByItsCallersRetryCycle() {
    steps.on("checkProgressDelegate", unavailable());
    start("vnf-apply-openstack", withRetryCycle("R2/PT1S"));
    run("ApplyStack", "WaitUntilReady");

    runFailing("CheckProgress");

    assertThat(jobAt("CheckProgress").getRetries()).isEqualTo(1);
    assertThat(jobAt("CheckProgress").getDuedate()).isEqualTo(nowPlus("PT1S"));
  }

  /** A call activity's own job (here: the called model does not exist) follows it too. */
  @Test
  void aCallActivityRetriesByTheRetryCycle() {
    Map<String, Object> variables = variables("vsphere");
    variables.put("retryCycle", "R2/PT1S");
    start("vnf-instantiate", variables);

    runFailing("ApplyOnVim");

    assertThat(jobAt("ApplyOnVim").getRetries()).isEqualTo(1);
    assertThat(jobAt("ApplyOnVim").getDuedate()).isEqualTo(nowPlus("PT1S"));
    assertThat(jobAt("ApplyOnVim").getExceptionMessage()).contains("vnf-apply-vsphere");
  }

  /**
   * A process started without retryCycle does not fail on the expression: Camunda falls back to its
   * default (3 tries, at once). The engine must therefore always set retryCycle; this test pins the
   * fallback so that a change of it in a Camunda upgrade is noticed.
   */
  @Test
  void withoutRetryCycleTheEngineDefaultApplies() {
    steps.on("applyStackDelegate", unavailable());
    Map<String, Object> variables = variables("openstack");
    variables.remove("retryCycle");
    start("vnf-apply-openstack", variables);

    runFailing("ApplyStack");

    assertThat(jobAt("ApplyStack").getRetries()).isEqualTo(2);
    assertThat(jobAt("ApplyStack").getDuedate()).isNull();
  }

  private static Map<String, Object> withRetryCycle(String retryCycle) {
    Map<String, Object> variables = variables("openstack");
    variables.put("retryCycle", retryCycle);
    return variables;
  }
}
