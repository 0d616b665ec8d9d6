package io.nfvflow.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A process test: the engine, every step's bean mocked afresh for each test, and the engine's clock
 * fixed at {@link #NOW}, so that timer and retry due dates can be checked exactly.
 */
@ExtendWith(ProcessEngineExtension.class)
abstract class ProcessTestBase {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  Steps steps;

  @BeforeEach
  void registerStepsAndFixTheClock() {
    steps = Steps.register();
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetMocksAndClock() {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** {@link #NOW} plus an ISO-8601 duration, as a job due date. */
  static Date nowPlus(String duration) {
    return Date.from(NOW.plus(Duration.parse(duration)));
  }
}
