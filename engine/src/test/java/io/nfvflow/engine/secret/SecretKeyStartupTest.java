package io.nfvflow.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfvflow.engine.NfvflowApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The secret key at start and in the rotation command, with the whole application on one data
 * directory (its H2 database, or its own PostgreSQL schema under -Ppostgres). Settings are given as
 * command-line arguments, as an operator would, so they override the test profile's.
 */
class SecretKeyStartupTest {

  @TempDir Path dir;

  private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

  @AfterEach
  void stop() {
    apps.forEach(ConfigurableApplicationContext::close);
  }

  static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private final String adminPassword = UUID.randomUUID().toString();

  private String[] args(Path dataDir, String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--nfvflow.data-dir=" + dataDir,
                "--nfvflow.admin.password=" + adminPassword,
                "--nfvflow.heal.enabled=false",
                "--nfvflow.heal.monitor.enabled=false"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private ConfigurableApplicationContext start(String... args) {
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(NfvflowApplication.class).run(args);
    apps.add(app);
    return app;
  }

  private static SecretKeyException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SecretKeyException k) {
        return k;
      }
    }
    throw new AssertionError("not refused because of the key", e);
  }

  @Test
  void aClusterNodeWithoutAConfiguredKeyRefusesToStartAndGeneratesNone() {
    Path data = dir.resolve("cluster-node");
    assertThatThrownBy(
            () -> start(args(data, "--nfvflow.cluster.enabled=true", "--nfvflow.secret-key=")))
        .satisfies(
            e ->
                assertThat(refusal(e).getMessage())
                    .contains("nfvflow.cluster.enabled is true")
                    .contains("never generates"));
    assertThat(data.resolve("secret.key")).doesNotExist();
  }

  @Test
  void theRotationReEncryptsEverySecretAndThenOnlyTheNewKeyStarts() throws Exception {
    Path data = dir.resolve("rotated");
    String old = newKey();
    ConfigurableApplicationContext app = start(args(data, "--nfvflow.secret-key=" + old));
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    SecretBox box = app.getBean(SecretBox.class);
    String vimId = UUID.randomUUID().toString();
    jdbc.update(
        "insert into nfv_vim (id, version, name, type, auth_url, status, is_default,"
            + " sealed_secrets, secret_keys) values (?, 0, ?, 'openstack',"
            + " 'http://127.0.0.1:9/v3', 'UNREACHABLE', false, ?, 'password')",
        vimId,
        "rotated-" + vimId.substring(0, 6),
        box.seal("{\"password\":\"p4ssw0rd\"}"));
    app.close();
    Path newKeyFile = dir.resolve("new.key");
    Files.writeString(newKeyFile, newKey() + "\n");
    String[] rotation = {
      "--nfvflow.data-dir=" + data, "--nfvflow.rotate-key.new-key-file=" + newKeyFile
    };
    assertThat(KeyRotation.requested(rotation)).isTrue();

    int wrongCurrentKey = KeyRotation.run(append(rotation, "--nfvflow.secret-key=" + newKey()));
    int rotated = KeyRotation.run(append(rotation, "--nfvflow.secret-key=" + old));

    assertThat(wrongCurrentKey)
        .as("a rotation from a key that is not the current one")
        .isEqualTo(1);
    assertThat(rotated).isZero();
    assertThatThrownBy(() -> start(args(data, "--nfvflow.secret-key=" + old)))
        .satisfies(
            e -> {
              SecretKeyException refused = refusal(e);
              assertThat(refused.getMessage())
                  .contains("The secret key from property nfvflow.secret-key cannot decrypt")
                  .contains("credentials of VIM 'rotated-")
                  .doesNotContain(old);
              FailureAnalysis printed = new SecretKeyFailureAnalyzer().analyze(e);
              assertThat(printed.getDescription()).isEqualTo(refused.getMessage());
              assertThat(printed.getAction()).contains("after a key rotation, the new key");
            });
    ConfigurableApplicationContext again =
        start(args(data, "--nfvflow.secret-key=", "--nfvflow.secret-key-file=" + newKeyFile));
    Map<String, Object> vim =
        again
            .getBean(JdbcTemplate.class)
            .queryForMap("select sealed_secrets, version from nfv_vim where id = ?", vimId);
    assertThat(again.getBean(SecretBox.class).open((String) vim.get("sealed_secrets")))
        .isEqualTo("{\"password\":\"p4ssw0rd\"}");
    assertThat(((Number) vim.get("version")).longValue()).isEqualTo(1);
  }

  private static String[] append(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }
}
