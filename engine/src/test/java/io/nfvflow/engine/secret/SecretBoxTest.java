package io.nfvflow.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

  @TempDir Path dir;

  @Test
  void sealsAndOpensWithTheSameKeyFile() {
    Path key = dir.resolve("data/secret.key");
    String sealed = new SecretBox(key).seal("s3cr3t-token");
    assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t-token");
    assertThat(new SecretBox(key).open(sealed)).isEqualTo("s3cr3t-token");
  }

  @Test
  void everySealUsesAFreshNonce() {
    SecretBox box = new SecretBox(dir.resolve("k"));
    assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
  }

  @Test
  void theKeyFileIsCreatedOwnerOnly() throws Exception {
    Path key = dir.resolve("k");
    new SecretBox(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
  }

  @Test
  void anotherKeyCannotOpen() {
    String sealed = new SecretBox(dir.resolve("a")).seal("x");
    SecretBox other = new SecretBox(dir.resolve("b"));
    assertThatThrownBy(() -> other.open(sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot decrypt");
  }

  @Test
  void tamperingIsDetected() {
    SecretBox box = new SecretBox(dir.resolve("k"));
    String sealed = box.seal("value");
    char last = sealed.charAt(sealed.length() - 3);
    String tampered =
        sealed.substring(0, sealed.length() - 3)
            + (last == 'A' ? 'B' : 'A')
            + sealed.substring(sealed.length() - 2);
    assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
  }
}
