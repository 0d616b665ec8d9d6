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
    SpringApplication.run(NfvflowApplication.class, args);
  }
}
