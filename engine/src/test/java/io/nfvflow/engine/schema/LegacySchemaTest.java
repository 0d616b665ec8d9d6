package io.nfvflow.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.engine.NfvflowApplication;
import io.nfvflow.engine.secret.SecretBox;
import io.nfvflow.engine.secret.SecretKeys;
import io.nfvflow.engine.testdb.SchemaPerDataDir;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A database an earlier nfvflow made with Hibernate's {@code ddl-auto: update} (before Flyway, and
 * before network services: columns and tables missing, H2 enums or PostgreSQL large objects and
 * check constraints) is brought to V1 at start, keeping every row, and nfvflow runs on it. On H2
 * (the default) or, under -Ppostgres, on PostgreSQL: the fixture is {@code legacy/<vendor>.sql}.
 */
class LegacySchemaTest {

  @TempDir Path dir;

  @Test
  void anEarlierVersionsTablesAreBroughtToV1KeepingEveryRow() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path keyFile = data.resolve("secret.key");
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
    String sealed = new SecretBox(new SecretKeys.Key(key, "test")).seal("{\"password\":\"old\"}");
    String vendor = loadFixture(data, sealed);
    String password = UUID.randomUUID().toString();

    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(NfvflowApplication.class)
            .run(
                "--server.port=0",
                "--nfvflow.data-dir=" + data,
                "--nfvflow.secret-key=",
                "--nfvflow.secret-key-file=" + keyFile,
                "--nfvflow.admin.password=" + password,
                "--nfvflow.heal.enabled=false",
                "--nfvflow.heal.monitor.enabled=false")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      List<Map<String, Object>> history =
          jdbc.queryForList(
              "select \"version\", \"type\" from \"flyway_schema_history\""
                  + " order by \"installed_rank\"");
      assertThat(history)
          .as("V1 recorded as the baseline, not run; the migrations after it run")
          .anySatisfy(
              row ->
                  assertThat(row).containsEntry("version", "1").containsEntry("type", "BASELINE"))
          .noneSatisfy(
              row -> assertThat(row).containsEntry("version", "1").containsEntry("type", "SQL"))
          .anySatisfy(
              row -> assertThat(row).containsEntry("version", "3").containsEntry("type", "SQL"));

      JsonNode vnfs = getJson(app, "/v1.0/vnfs", password).path("vnfs");
      assertThat(vnfs.findValuesAsText("name")).containsExactly("legacy-vnf");
      assertThat(vnfs.get(0).path("status").asText()).isEqualTo("ACTIVE");
      assertThat(getJson(app, "/v1.0/events?resource_id=vnf-1", password).path("events").size())
          .isEqualTo(1);
      assertThat(getJson(app, "/v1.0/vnfds/vnfd-1", password).path("vnfd").path("name").asText())
          .isEqualTo("legacy-vnfd");
      String secrets =
          jdbc.queryForObject(
              "select sealed_secrets from nfv_vim where id = 'vim-1'", String.class);
      assertThat(app.getBean(SecretBox.class).open(secrets)).isEqualTo("{\"password\":\"old\"}");
      assertThat(jdbc.queryForObject("select version from nfv_vnf", Long.class)).isZero();
      assertThat(
              jdbc.update(
                  "update nfv_lcm_operation set subject = 'NS', automatic = true"
                      + " where id = 'op-1'"))
          .as("an enum constant the old schema did not know, a column it did not have")
          .isEqualTo(1);
      if (vendor.equals("h2")) {
        try (var files = Files.list(data)) {
          assertThat(files.map(f -> f.getFileName().toString()))
              .anyMatch(name -> name.matches("nfvflow-before-schema-v1-.*\\.zip"));
        }
      }
    }
  }

  /** Loads legacy/<vendor>.sql into the database the data directory's nfvflow will use. */
  private static String loadFixture(Path data, String sealed) throws Exception {
    String postgres = System.getProperty("nfvflow.test.postgres-url");
    String vendor = postgres == null ? "h2" : "postgresql";
    String script =
        new String(
                LegacySchemaTest.class
                    .getResourceAsStream("/legacy/" + vendor + ".sql")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("@@SEALED@@", sealed);
    try (Connection c = connect(data, postgres)) {
      ScriptUtils.executeSqlScript(
          c, new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)));
    }
    return vendor;
  }

  private static Connection connect(Path data, String postgres) throws Exception {
    if (postgres == null) {
      return DriverManager.getConnection(
          "jdbc:h2:file:" + data.toAbsolutePath() + "/nfvflow", "nfvflow", "nfvflow");
    }
    Connection c =
        DriverManager.getConnection(
            postgres,
            System.getProperty("spring.datasource.username"),
            System.getProperty("spring.datasource.password"));
    String schema = SchemaPerDataDir.prepare(data);
    try (Statement s = c.createStatement()) {
      s.execute("set search_path to " + schema);
    }
    return c;
  }

  private static JsonNode getJson(ConfigurableApplicationContext app, String path, String password)
      throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    ("admin:" + password)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return new ObjectMapper().readTree(answer.body());
  }
}
