package io.nfvflow.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** nfvflow: NFV orchestrator whose lifecycle logic is BPMN. */
@SpringBootApplication(scanBasePackages = "io.nfvflow")
public class NfvflowApplication {

  public static void main(String[] args) {
    if (io.nfvflow.engine.secret.KeyRotation.requested(args)) {
      // a one-shot command: re-encrypt the stored secrets with a new key, then exit
      System.exit(io.nfvflow.engine.secret.KeyRotation.run(args));
    }
    SpringApplication.run(NfvflowApplication.class, args);
  }
}
