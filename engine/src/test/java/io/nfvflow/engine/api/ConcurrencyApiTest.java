package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two writers of one row at once (two requests, or a workflow step and another node): optimistic
 * locking lets the first commit win; a request that lost answers 409 and stores nothing, a workflow
 * step that lost is retried as any failed job is.
 */
class ConcurrencyApiTest extends ApiTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;

  @AfterEach
  void noHooks() {
    fakeVim.onProbe = null;
    fakeVim.onObserve = null;
  }

  @Test
  void aVimUpdatedByAnotherRequestWhileItIsCheckedIsA409AndKeepsTheOtherChange() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    AtomicReference<Answer> second = new AtomicReference<>();
    // the first update's check of the VIM (a probe: seconds on a real VIM) lets a second update in
    fakeVim.onProbe =
        connection -> {
          fakeVim.onProbe = null;
          Thread other =
              new Thread(
                  () -> {
                    try {
                      second.set(
                          put(
                              "/v1.0/vims/" + vim,
                              "{\"vim\": {\"description\": \"second writer\"}}"));
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
          other.start();
          try {
            other.join(30_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };

    Answer first = put("/v1.0/vims/" + vim, "{\"vim\": {\"description\": \"first writer\"}}");

    assertThat(second.get().status()).as("the update that committed first").isEqualTo(200);
    assertThat(first.status()).as(first.toString()).isEqualTo(409);
    assertThat(first.error().path("type").asText()).isEqualTo("ConcurrentUpdate");
    assertThat(first.error().path("message").asText())
        .contains("VIM " + vim)
        .contains("changed by another request")
        .contains("retry");
    assertThat(get("/v1.0/vims/" + vim).body().path("vim").path("description").asText())
        .isEqualTo("second writer");
  }

  @Test
  void aWorkflowStepThatLosesARaceIsRetriedAndTheOtherChangeIsKept() throws Exception {
    String vim = registerVim(unique("vim"), "good", false);
    String vnfd = onboard(unique("vnfd"), containerVnfd("nginx"));
    // while RecordInstances reads the VIM, another node changes the VNF it has loaded
    fakeVim.onObserve =
        vnf -> {
          fakeVim.onObserve = null;
          Thread other =
              new Thread(
                  () ->
                      jdbc.update(
                          "update nfv_vnf set description = ?, version = version + 1 where id = ?",
                          "changed by another node",
                          vnf.vnfId()));
          other.start();
          try {
            other.join(30_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };

    String id = createVnf(unique("vnf"), vnfd, vim).body().path("vnf").path("id").asText();

    awaitStatus(id, "ACTIVE");
    assertThat(vnf(id).path("description").asText()).isEqualTo("changed by another node");
    assertThat(vnf(id).path("mgmt_ip_address").asText()).contains("10.0.0.1");
    String process = vnf(id).path("lcm_operation").path("process_instance_id").asText();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        history.createHistoricJobLogQuery().failureLog().list().stream()
                            .filter(
                                log ->
                                    process.equals(log.getProcessInstanceId())
                                        || process.equals(log.getRootProcessInstanceId()))
                            .map(HistoricJobLog::getJobExceptionMessage))
                    .as("the step's first run failed on the conflict, then was retried")
                    .singleElement()
                    .asString()
                    .contains("updated or deleted by another transaction")
                    .contains("VnfEntity"));
  }
}
