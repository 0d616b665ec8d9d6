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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retry profiles are named once per VIM type: the engine starts every operation with the driver's
 * {@code retryCycle}, and every async step and call activity says {@code
 * <camunda:failedJobRetryTimeCycle>${retryCycle}</camunda:failedJobRetryTimeCycle>}. This proves
 * that Camunda 7.24 evaluates that expression against the job's execution when the job first fails:
 * the number of retries and the delay come from the variable, not from the engine default (3
 * retries, no delay) and not from a literal in the model. Every async activity of every shipped
 * model is run once to show it.
 */
class RetryCycleTest extends ProcessTestBase {

  static final String APPLY_OPENSTACK = "bpmn/vnf-apply-openstack.bpmn";
  static final String WAIT = "bpmn/vnf-wait.bpmn";

  /** Each asyncBefore activity of each model in src/main/resources/bpmn. */
  static Stream<Arguments> asyncActivities() throws IOException {
    return BpmnConventionsTest.modelFiles().stream()
        .flatMap(
            file ->
                Bpmn.readModelFromFile(file.toFile())
                    .getModelElementsByType(FlowNode.class)
                    .stream()
                    .filter(FlowNode::isCamundaAsyncBefore)
                    .map(node -> Arguments.of(file.getFileName(), node.getId())));
  }

  /**
   * The model alone is deployed and started right before the activity; every step fails, and a call
   * activity fails because nothing it could call is deployed. The first failure leaves the retries
   * and the delay of retryCycle R2/PT1S.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("asyncActivities")
  void everyAsyncActivityOfEveryModelRetriesByTheRetryCycle(Path model, String activityId) {
    Steps.BEANS.forEach(bean -> steps.on(bean, unavailable()));
    String processKey = model.toString().replace(".bpmn", "");
    String deployment =
        repositoryService()
            .createDeployment()
            .addClasspathResource("bpmn/" + model)
            .deploy()
            .getId();
    try {
      runtimeService()
          .createProcessInstanceByKey(processKey)
          .businessKey(Jobs.BUSINESS_KEY)
          .setVariables(withRetryCycle(processKey, "R2/PT1S"))
          .startBeforeActivity(activityId)
          .execute();

      runFailing(activityId);

      assertThat(jobAt(activityId).getRetries()).as("retries left").isEqualTo(1);
      assertThat(jobAt(activityId).getDuedate()).as("next try").isEqualTo(nowPlus("PT1S"));
    } finally {
      repositoryService().deleteDeployment(deployment, true);
    }
  }

  @ParameterizedTest
  @Deployment(resources = {APPLY_OPENSTACK, WAIT})
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
  @Deployment(resources = {APPLY_OPENSTACK, WAIT})
  void aProfileOfTwoMeansTwoTriesThenAnIncident() {
    steps.on("applyStackDelegate", unavailable());
    start("vnf-apply-openstack", withRetryCycle("R2/PT1S"));

    assertThat(runUntilIncident("ApplyStack")).isEqualTo(2);
    assertThat(incidentsAt("ApplyStack")).hasSize(1);
  }

  /** vnf-wait gets retryCycle from its caller (camunda:in) and its CheckProgress uses it. */
  @Test
  @Deployment(resources = {APPLY_OPENSTACK, WAIT})
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
  @Deployment(resources = {"bpmn/vnf-instantiate.bpmn", APPLY_OPENSTACK, WAIT})
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
  @Deployment(resources = {APPLY_OPENSTACK, WAIT})
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

  /** The variables a model of this process key is started with, and the retry cycle. */
  private static Map<String, Object> withRetryCycle(String processKey, String retryCycle) {
    if (processKey.startsWith(Conventions.NS_PREFIX)) {
      Map<String, Object> variables = Jobs.nsVariables(2, 1);
      variables.put("retryCycle", retryCycle);
      return variables;
    }
    if (!processKey.startsWith(Conventions.CHAIN_PREFIX)) {
      return withRetryCycle(retryCycle);
    }
    Map<String, Object> variables = Jobs.chainVariables();
    variables.put("retryCycle", retryCycle);
    return variables;
  }
}
