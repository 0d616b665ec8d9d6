package io.nfvflow.workflows;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A process test: the engine, and every step's bean mocked afresh for each test. */
@ExtendWith(ProcessEngineExtension.class)
abstract class ProcessTestBase {

  Steps steps;

  @BeforeEach
  void registerSteps() {
    steps = Steps.register();
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }
}
