package io.nfvflow.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SecretKeysTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir Path dir;

  StandardEnvironment env(String... pairs) {
    Map<String, Object> map = new HashMap<>();
    map.put("nfvflow.data-dir", dir.resolve("data").toString());
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", map));
    return env;
  }

  @Test
  void aSingleNodeOnItsOwnH2GetsAKeyFileMadeOwnerOnlyAndKeepsIt() throws Exception {
    StandardEnvironment env = env("spring.datasource.url", "jdbc:h2:file:/x/nfvflow");
    SecretKeys.Key first = SecretKeys.load(env);
    Path file = dir.resolve("data/secret.key");
    assertThat(first.source()).isEqualTo("key file " + file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SecretKeys.load(env).bytes()).isEqualTo(first.bytes());
  }

  @Test
  void theKeyFromThePropertyComesFirstAndItsSourceIsNamedNotTheKey() throws Exception {
    Path file = dir.resolve("other.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B'));
    SecretKeys.Key key =
        SecretKeys.load(env("nfvflow.secret-key", KEY, "nfvflow.secret-key-file", file.toString()));
    assertThat(key.bytes()).isEqualTo(new byte[32]);
    assertThat(key.source()).isEqualTo("property nfvflow.secret-key");
    assertThat(key.toString()).doesNotContain(KEY);
    assertThat(dir.resolve("data/secret.key")).doesNotExist();
  }

  @Test
  void aConfiguredKeyFileIsRead() throws Exception {
    Path file = dir.resolve("cluster.key");
    Files.writeString(file, KEY + "\n");
    SecretKeys.Key key =
        SecretKeys.load(
            env(
                "nfvflow.secret-key-file",
                file.toString(),
                "spring.datasource.url",
                "jdbc:postgresql://db/nfvflow"));
    assertThat(key.bytes()).isEqualTo(new byte[32]);
    assertThat(key.source()).contains(file.toString()).contains("nfvflow.secret-key-file");
  }

  @Test
  void aSharedDatabaseWithoutAKeyIsRefusedAndNoKeyIsGenerated() {
    for (StandardEnvironment env :
        new StandardEnvironment[] {
          env("spring.datasource.url", "jdbc:postgresql://db:5432/nfvflow?password=hunter2"),
          env("nfvflow.cluster.enabled", "true"),
          env("spring.datasource.url", "jdbc:h2:tcp://db/nfvflow")
        }) {
      assertThatThrownBy(() -> SecretKeys.load(env))
          .isInstanceOf(SecretKeyException.class)
          .hasMessageContaining("never generates")
          .hasMessageNotContaining("hunter2")
          .satisfies(
              e ->
                  assertThat(((SecretKeyException) e).action())
                      .contains("NFVFLOW_SECRET_KEY_FILE")
                      .contains("NFVFLOW_SECRET_KEY="));
      assertThat(dir.resolve("data/secret.key")).doesNotExist();
    }
  }

  @Test
  void aKeyThatIsNotBase64Or256BitsIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> SecretKeys.load(env("nfvflow.secret-key", "not base64 at all!")))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("property nfvflow.secret-key is not base64")
        .hasMessageNotContaining("not base64 at all!");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> SecretKeys.load(env("nfvflow.secret-key", shortKey)))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("decodes to 16 bytes, not 32")
        .hasMessageNotContaining(shortKey);
  }

  @Test
  void onlyALocalH2DatabaseIsANodesOwn() {
    assertThat(SecretKeys.isLocalH2("jdbc:h2:file:/var/lib/nfvflow/nfvflow;DB_CLOSE_ON_EXIT=FALSE"))
        .isTrue();
    assertThat(SecretKeys.isLocalH2("jdbc:h2:mem:test")).isTrue();
    assertThat(SecretKeys.isLocalH2("jdbc:h2:file:/x;AUTO_SERVER=TRUE")).isFalse();
    assertThat(SecretKeys.isLocalH2("jdbc:h2:tcp://host/x")).isFalse();
    assertThat(SecretKeys.isLocalH2("jdbc:postgresql://host/x")).isFalse();
  }
}
