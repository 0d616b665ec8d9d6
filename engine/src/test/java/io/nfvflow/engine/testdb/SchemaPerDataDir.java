package io.nfvflow.engine.testdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Under {@code -Ppostgres} (system property {@value #BASE_URL}, set by engine/pom.xml): every
 * application a test starts gets {@code spring.datasource.url} on its own schema of the test
 * database, named after its {@code nfvflow.data-dir}. Tests already give each application context
 * its own data directory (their fresh H2 database), so each gets a fresh schema the same way; an
 * application started twice on one data directory (a restart test) finds its data again.
 *
 * <p>The URL is computed when the datasource is configured, after the test's own properties
 * ({@code @DynamicPropertySource}) are in place. Schemas older than {@link #STALE} (earlier runs)
 * are dropped when a run makes its first one.
 */
public class SchemaPerDataDir implements EnvironmentPostProcessor {

  /** The test database's JDBC URL, without a schema. */
  static final String BASE_URL = "nfvflow.test.postgres-url";

  static final String PREFIX = "nfvflow_t_";
  static final Duration STALE = Duration.ofHours(6);
  private static final AtomicBoolean CLEANED = new AtomicBoolean();
  private static final java.util.Set<String> MADE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String base = env.getProperty(BASE_URL);
    if (base == null || base.isBlank()) {
      return;
    }
    env.getPropertySources()
        .addFirst(
            new PropertySource<>("nfvflow-test-schema-per-data-dir", base) {
              @Override
              public Object getProperty(String name) {
                return switch (name) {
                  case "spring.datasource.url" -> url(env, base);
                  // Camunda looks for its tables in every schema the user sees unless told which
                  case "camunda.bpm.database.schema-name" -> schema(env, base);
                  case "camunda.bpm.database.table-prefix" -> schema(env, base) + ".";
                  default -> null;
                };
              }
            });
  }

  private static String url(ConfigurableEnvironment env, String base) {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema(env, base);
  }

  private static String schema(ConfigurableEnvironment env, String base) {
    String dataDir = env.getProperty("nfvflow.data-dir", "data");
    String schema = schemaFor(Path.of(dataDir).toAbsolutePath().normalize().toString());
    ensure(
        base,
        env.getProperty("spring.datasource.username"),
        env.getProperty("spring.datasource.password"),
        schema);
    return schema;
  }

  /**
   * The schema of a data directory, made (and time-stamped) if it does not exist: for a test that
   * prepares it before it starts nfvflow.
   */
  public static String prepare(Path dataDir) {
    String schema = schemaFor(dataDir.toAbsolutePath().normalize().toString());
    ensure(
        System.getProperty(BASE_URL),
        System.getProperty("spring.datasource.username"),
        System.getProperty("spring.datasource.password"),
        schema);
    return schema;
  }

  /** The schema of a data directory. */
  static String schemaFor(String dataDir) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(dataDir.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized void ensure(
      String base, String user, String password, String schema) {
    if (MADE.contains(schema)) {
      return;
    }
    try (Connection c = DriverManager.getConnection(base, user, password);
        Statement s = c.createStatement()) {
      if (CLEANED.compareAndSet(false, true)) {
        dropStale(c);
      }
      s.execute("create schema if not exists " + schema);
      s.execute("comment on schema %s is '%d'".formatted(schema, System.currentTimeMillis()));
      MADE.add(schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "-Ppostgres: cannot reach the test database %s (scripts/postgres-sandbox.sh up): %s"
              .formatted(base, e.getMessage()),
          e);
    }
  }

  private static void dropStale(Connection c) throws SQLException {
    long before = System.currentTimeMillis() - STALE.toMillis();
    List<String> stale = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select nspname, obj_description(oid, 'pg_namespace') from pg_namespace"
                    + " where nspname like '"
                    + PREFIX
                    + "%'")) {
      while (r.next()) {
        String made = r.getString(2);
        // a schema without our time stamp is not ours to drop
        if (made != null && made.matches("\\d+") && Long.parseLong(made) < before) {
          stale.add(r.getString(1));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String schema : stale) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }
}
