package io.nfvflow.engine.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How API tokens behave.
 *
 * @param tokenTtl how long a token issued by {@code POST /identity/v3/auth/tokens} is valid
 */
@ConfigurationProperties("nfvflow.auth")
public record AuthSettings(Duration tokenTtl) {

  public AuthSettings {
    tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException(
          "nfvflow.auth.token-ttl must be positive, e.g. PT8H; it is " + tokenTtl);
    }
  }
}
