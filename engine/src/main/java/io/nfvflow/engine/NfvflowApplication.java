package io.nfvflow.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** nfvflow: NFV orchestrator whose lifecycle logic is BPMN. */
@SpringBootApplication(scanBasePackages = "io.nfvflow")
public class NfvflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(NfvflowApplication.class, args);
  }
}
