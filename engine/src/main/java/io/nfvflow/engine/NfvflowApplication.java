package io.nfvflow.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/** nfvflow: NFV orchestrator whose lifecycle logic is BPMN. */
// no Spring Boot default user with a generated password: the users are Camunda's
@SpringBootApplication(
    scanBasePackages = "io.nfvflow",
    exclude = UserDetailsServiceAutoConfiguration.class)
public class NfvflowApplication {

  public static void main(String[] args) {
    if (io.nfvflow.engine.secret.KeyRotation.requested(args)) {
      // a one-shot command: re-encrypt the stored secrets with a new key, then exit
      System.exit(io.nfvflow.engine.secret.KeyRotation.run(args));
    }
    SpringApplication.run(NfvflowApplication.class, args);
  }
}
