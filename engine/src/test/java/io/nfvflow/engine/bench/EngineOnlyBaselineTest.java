package io.nfvflow.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/** The engine-only baseline keeps the Kubernetes models' shape and drops only their VIM work. */
class EngineOnlyBaselineTest {

  @Test
  void derivedModelsKeepEveryStepAndCallNoVimDelegate() throws Exception {
    for (String id : EngineOnlyBaseline.MODELS) {
      BpmnModelInstance original = read(id);
      BpmnModelInstance derived = EngineOnlyBaseline.derive(read(id), id);

      assertThat(derived.getModelElementsByType(Process.class))
          .extracting(Process::getId)
          .contains(id.replace("kubernetes", "engine-only"))
          .doesNotContain(id);
      assertThat(derived.getModelElementsByType(ServiceTask.class))
          .hasSameSizeAs(original.getModelElementsByType(ServiceTask.class))
          .isNotEmpty()
          .allSatisfy(
              t -> {
                assertThat(t.getCamundaDelegateExpression()).isEqualTo("${noVimWorkDelegate}");
                assertThat(t.isCamundaAsyncBefore()).isTrue();
              });
      // the reusable wait stays: the baseline pays for the same jobs
      assertThat(derived.getModelElementsByType(CallActivity.class))
          .extracting(CallActivity::getCalledElement)
          .containsExactlyElementsOf(
              original.getModelElementsByType(CallActivity.class).stream()
                  .map(CallActivity::getCalledElement)
                  .toList());
      Bpmn.validateModel(derived);
    }
  }

  private static BpmnModelInstance read(String id) throws Exception {
    try (InputStream in =
        EngineOnlyBaselineTest.class.getResourceAsStream("/bpmn/" + id + ".bpmn")) {
      return Bpmn.readModelFromStream(in);
    }
  }
}
