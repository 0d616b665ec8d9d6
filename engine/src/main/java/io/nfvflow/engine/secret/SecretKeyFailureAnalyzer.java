package io.nfvflow.engine.secret;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused start because of the secret key: Spring Boot prints the reason and what to do. */
public class SecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SecretKeyException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
