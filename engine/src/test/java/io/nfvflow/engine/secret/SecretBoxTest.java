package io.nfvflow.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  static SecretKeys.Key key(String source) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new SecretKeys.Key(bytes, source);
  }

  @Test
  void sealsAndOpensWithTheSameKey() {
    SecretKeys.Key key = key("test");
    String sealed = new SecretBox(key).seal("s3cr3t-token");
    assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t-token");
    assertThat(new SecretBox(key).open(sealed)).isEqualTo("s3cr3t-token");
  }

  @Test
  void everySealUsesAFreshNonce() {
    SecretBox box = new SecretBox(key("test"));
    assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
  }

  @Test
  void anotherKeyCannotOpenAndTheMessageNamesItsSourceNotTheKey() {
    String sealed = new SecretBox(key("a")).seal("x");
    SecretKeys.Key otherKey = key("environment variable NFVFLOW_SECRET_KEY");
    SecretBox other = new SecretBox(otherKey);
    assertThat(other.opens(sealed)).isFalse();
    assertThatThrownBy(() -> other.open(sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot decrypt")
        .hasMessageContaining("environment variable NFVFLOW_SECRET_KEY")
        .hasMessageNotContaining(java.util.Base64.getEncoder().encodeToString(otherKey.bytes()));
  }

  @Test
  void tamperingIsDetected() {
    SecretBox box = new SecretBox(key("test"));
    String sealed = box.seal("value");
    char last = sealed.charAt(sealed.length() - 3);
    String tampered =
        sealed.substring(0, sealed.length() - 3)
            + (last == 'A' ? 'B' : 'A')
            + sealed.substring(sealed.length() - 2);
    assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
  }
}
