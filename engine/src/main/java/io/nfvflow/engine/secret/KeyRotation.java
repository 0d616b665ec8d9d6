package io.nfvflow.engine.secret;

import io.nfvflow.engine.schema.LegacySchema;
import io.nfvflow.engine.schema.SchemaMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key rotation command: {@code java -jar nfvflow.jar --nfvflow.rotate-key.new-key-file=<file>}
 * with the same settings (database, current key) as the nodes. It starts only what it needs (the
 * database and its migrations: no API, no engine, no jobs), re-encrypts every stored secret from
 * the current key to the new one in one transaction, and exits: 0 when done, 1 with the reason and
 * nothing changed. Stop every node first; start them again with the new key.
 */
public final class KeyRotation {

  static final String NEW_KEY_FILE = "nfvflow.rotate-key.new-key-file";

  private KeyRotation() {}

  /** Whether the command line or the environment asks for a key rotation. */
  public static boolean requested(String... args) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    String file = env.getProperty(NEW_KEY_FILE);
    return file != null && !file.isBlank();
  }

  /** Runs the rotation; the process's exit code. */
  public static int run(String... args) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Context.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .run(args)) {
      String done =
          rotate(
              context.getEnvironment(),
              context.getBean(JdbcTemplate.class),
              context.getBean(TransactionTemplate.class));
      System.out.println("nfvflow key rotation: " + done);
      return 0;
    } catch (RuntimeException e) {
      System.err.println("nfvflow key rotation failed; nothing was changed: " + reason(e));
      return 1;
    }
  }

  /** Re-encrypts, in one transaction; what it did and what to do next. */
  static String rotate(Environment env, JdbcTemplate jdbc, TransactionTemplate tx) {
    Path file = Path.of(env.getProperty(NEW_KEY_FILE).trim()).toAbsolutePath().normalize();
    String source = "key file " + file;
    if (!Files.isRegularFile(file)) {
      throw new SecretKeyException(
          "the new key file %s does not exist".formatted(file),
          "Make the new key first (" + SecretKeys.MAKE_ONE + ").");
    }
    SecretKeys.Key newKey = new SecretKeys.Key(SecretKeys.read(file, source), source);
    SecretKeys.Key oldKey = SecretKeys.load(env, false);
    if (Arrays.equals(oldKey.bytes(), newKey.bytes())) {
      throw new SecretKeyException(
          "the new key (%s) is the current key (%s)".formatted(source, oldKey.source()),
          "Make a new key (" + SecretKeys.MAKE_ONE + ").");
    }
    SecretBox current = new SecretBox(oldKey);
    SecretBox next = new SecretBox(newKey);
    int vims = tx.execute(s -> reseal(jdbc, current, next));
    return ("re-encrypted the credentials of %d VIM(s) and the key check with the new key (%s),"
            + " in one transaction; the old key (%s) no longer opens them. Next: give every node"
            + " the new key (NFVFLOW_SECRET_KEY_FILE=%s, or its content as NFVFLOW_SECRET_KEY; on a"
            + " single node you may move it to <data-dir>/secret.key) and start them: a node with"
            + " the old key refuses to start.")
        .formatted(vims, source, oldKey.source(), file);
  }

  private static int reseal(JdbcTemplate jdbc, SecretBox current, SecretBox next) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Map<String, Object>> vims =
        jdbc.queryForList(
            "select id, name, sealed_secrets from nfv_vim where sealed_secrets is not null"
                + " order by id for update");
    for (Map<String, Object> vim : vims) {
      String sealed = (String) vim.get("sealed_secrets");
      if (!current.opens(sealed)) {
        throw SecretKeyCheck.refused(
            current, "the credentials of VIM '%s' (%s)".formatted(vim.get("name"), vim.get("id")));
      }
      // the version moves on: a node that read the VIM before cannot write the old seal back
      jdbc.update(
          "update nfv_vim set sealed_secrets = ?, version = version + 1, updated_at = ?"
              + " where id = ?",
          next.seal(current.open(sealed)),
          now,
          vim.get("id"));
    }
    List<String> check =
        jdbc.queryForList(
            "select sealed from nfv_secret_key_check where id = ? for update",
            String.class,
            SecretKeyCheck.ROW);
    if (check.isEmpty()) {
      jdbc.update(
          "insert into nfv_secret_key_check (id, sealed, created_at) values (?, ?, ?)",
          SecretKeyCheck.ROW,
          next.seal(SecretKeyCheck.TEXT),
          now);
    } else if (!current.opens(check.get(0))) {
      throw SecretKeyCheck.refused(current, "the database's key check (nfv_secret_key_check)");
    } else {
      jdbc.update(
          "update nfv_secret_key_check set sealed = ? where id = ?",
          next.seal(SecretKeyCheck.TEXT),
          SecretKeyCheck.ROW);
    }
    return vims.size();
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SecretKeyException k) {
        return k.getMessage() + ". " + k.action();
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** The rotation's application: the database, its migrations and transactions; nothing else. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    FlywayAutoConfiguration.class
  })
  @Import({SchemaMigration.class, LegacySchema.class})
  static class Context {}
}
