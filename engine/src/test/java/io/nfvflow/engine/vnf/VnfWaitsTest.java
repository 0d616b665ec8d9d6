package io.nfvflow.engine.vnf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine side of event-driven waits, on a real (in-memory) engine running the shipped {@code
 * vnf-wait}: a change the VIM reports ends the wait of that vnf at once, and a change during the
 * wait's look (before its transaction has subscribed to the message) is not lost.
 */
class VnfWaitsTest {

  private static ProcessEngine engine;

  /** What the wait's look does before it answers "not yet"; set by a test. */
  private static volatile Runnable duringLook = () -> {};

  /** A vnf of this test alone (the engine is shared). */
  private final String vnf = "vnf-" + UUID.randomUUID();

  @BeforeAll
  static void startEngine() {
    JavaDelegate checkProgress =
        (DelegateExecution e) -> {
          duringLook.run();
          e.setVariable("done", false);
          e.setVariable("progress", "0 of 1 pods ready");
          e.setVariable("pollDelay", "PT2S");
        };
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:vnf-waits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                // not "default": a Spring test context of the same JVM keeps its engine registered
                .setProcessEngineName("vnf-waits-test");
    config.setBeans(Map.of("checkProgressDelegate", checkProgress));
    engine = config.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("bpmn/vnf-wait.bpmn")
        .deploy();
  }

  @AfterEach
  void quiet() {
    duringLook = () -> {};
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void aChangeEndsThePauseOfThatVnfsWaitAtOnce() {
    VnfWaits waits = new VnfWaits(engine.getRuntimeService(), VnfWaits.RETRIES);
    ProcessInstance mine = waitFor(vnf);
    ProcessInstance other = waitFor(vnf + "-other");
    look(mine);
    look(other);

    waits.changed(vnf);

    await(() -> lookPending(mine));
    assertThat(timerPending(mine)).as("the safety timer goes").isFalse();
    assertThat(lookPending(other)).as("another vnf's wait").isFalse();
    assertThat(timerPending(other)).isTrue();
    waits.stop();
  }

  @Test
  void aChangeWithNoWaitIsNothing() {
    VnfWaits waits = new VnfWaits(engine.getRuntimeService(), VnfWaits.RETRIES);

    waits.changed(vnf);
    waits.changed(vnf);

    waits.stop(); // nothing thrown, nothing started
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .variableValueEquals("vnfId", vnf)
                .count())
        .isZero();
  }

  /**
   * The race: the VIM changes while CheckProgress looks. The first correlation runs before the
   * look's transaction commits (so nothing waits for the message yet); the wait exists, so it is
   * tried again, and then ends the pause the look just began.
   */
  @Test
  void aChangeDuringTheLookIsCorrelatedOnceTheLookHasCommitted() {
    Attempts waits = new Attempts(engine.getRuntimeService(), VnfWaits.RETRIES);
    ProcessInstance wait = waitFor(vnf);
    duringLook = () -> waits.changedAndAwaitFirstAttempt(vnf);

    look(wait); // commits after the first attempt found nothing
    duringLook = () -> {};

    await(() -> lookPending(wait));
    assertThat(waits.attempts.get()).as("tried again").isGreaterThan(1);
    assertThat(timerPending(wait)).isFalse();
    waits.stop();
  }

  /** Without the retries the same change is lost: only the safety timer would end the pause. */
  @Test
  void withoutRetriesAChangeDuringTheLookIsLost() throws InterruptedException {
    Attempts waits = new Attempts(engine.getRuntimeService(), List.of());
    ProcessInstance wait = waitFor(vnf);
    duringLook = () -> waits.changedAndAwaitFirstAttempt(vnf);

    look(wait);
    Thread.sleep(700);

    assertThat(waits.attempts.get()).isEqualTo(1);
    assertThat(lookPending(wait)).isFalse();
    assertThat(timerPending(wait)).isTrue();
    waits.stop();
  }

  /** VnfWaits that counts its correlations and lets a look wait for the first one to end. */
  private static final class Attempts extends VnfWaits {
    final AtomicInteger attempts = new AtomicInteger();
    private final CountDownLatch first = new CountDownLatch(1);

    Attempts(org.camunda.bpm.engine.RuntimeService runtime, List<Duration> retries) {
      super(runtime, retries);
    }

    @Override
    void correlate(String vnfId, int attempt) {
      // counted before it runs: a test that sees its effect must see the count too
      attempts.incrementAndGet();
      super.correlate(vnfId, attempt);
      first.countDown();
    }

    void changedAndAwaitFirstAttempt(String vnfId) {
      changed(vnfId);
      try {
        assertThat(first.await(5, TimeUnit.SECONDS)).as("first attempt").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private ProcessInstance waitFor(String vnfId) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "vnf-wait",
            "op-" + vnfId,
            Map.of(
                "vnfId", vnfId,
                "vnfName", "hello-cnf",
                "operationId", "op-" + vnfId,
                "vimType", "kubernetes",
                "retryCycle", "R3/PT5S",
                "readyTimeout", "PT5M",
                "goal", "READY",
                "progress", "no answer from the VIM yet"));
  }

  /** Runs the wait's pending look (CheckProgress is asyncBefore), which answers "not yet". */
  private void look(ProcessInstance wait) {
    var job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(wait.getId())
            .activityId("CheckProgress")
            .singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  private boolean lookPending(ProcessInstance wait) {
    return jobs(wait, "CheckProgress") > 0;
  }

  private boolean timerPending(ProcessInstance wait) {
    return jobs(wait, "WaitPollDelay") > 0;
  }

  private long jobs(ProcessInstance wait, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(wait.getId())
        .activityId(activityId)
        .count();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out waiting").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
