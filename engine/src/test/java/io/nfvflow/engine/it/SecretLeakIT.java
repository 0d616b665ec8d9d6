package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A VIM's bearer token must never come back out: not in any API answer, not in the log, not in a
 * Camunda variable (runtime, history, byte arrays), and not in plain text anywhere in the database
 * or the data dir (nfvflow encrypts it at rest). The token is the sandbox's real admin token — a
 * working one is needed for the whole lifecycle to run — and a refused, distinctive fake one.
 *
 * <p>Failures name where a secret was found, never the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakIT extends SandboxTestBase {

  private static final Set<String> CAMUNDA_VARIABLE_TABLES =
      Set.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY");

  @Autowired DataSource dataSource;

  @Value("${nfvflow.data-dir}")
  String dataDir;

  @Test
  void bearerTokensAreNeverShownLoggedOrStoredInPlainText(CapturedOutput output) throws Exception {
    String token = sandbox.token();

    // a refused token is a secret too (it may be valid for another cluster)
    String refusedToken = "it-refused-" + UUID.randomUUID();
    TackerApi.Response refused =
        registerVim(
            unique("it-vim-refused"), sandbox.apiUrl(), refusedToken, sandbox.caPem(), false);
    assertThat(refused.status()).as("registration with a wrong token").isEqualTo(400);

    // a full lifecycle with the real token: register, onboard, instantiate
    String vimId = registerSandboxVim(unique("it-vim-secret"), false).path("id").asText();
    String vnfdId =
        onboardVnfd(unique("it-vnfd-secret"), resource("tosca-vnfd-containerized.yaml"));
    String vnfId = createVnf(unique("it-vnf-secret"), vnfdId, vimId);
    JsonNode vnf = awaitVnfSettled(vnfId);
    assertThat(vnf.path("status").asText())
        .as("VNF status (error_reason: %s)", vnf.path("error_reason"))
        .isEqualTo("ACTIVE");

    assertApiAnswersClean(token, vimId, vnfdId, vnfId);
    assertCamundaRestClean(token);
    assertDatabaseClean(token, vimId);
    assertDataDirClean(token);

    // terminate: the delete workflow needs the credentials again
    deleteVnfAndAwaitGone(vnfId);
    awaitNothingLabelled(vnfId);
    assertDatabaseClean(token, vimId);
    assertCamundaRestClean(token);
    assertDataDirClean(token);

    for (TackerApi.Response answer : api.transcript()) {
      Secrets.assertAbsent(answer.raw(), token, "the answer to " + answer.call());
      Secrets.assertAbsent(answer.raw(), refusedToken, "the answer to " + answer.call());
    }
    Secrets.assertAbsent(output.getAll(), token, "the log output (stdout/stderr)");
    Secrets.assertAbsent(output.getAll(), refusedToken, "the log output (stdout/stderr)");
    assertDataDirClean(refusedToken);
  }

  private void assertApiAnswersClean(String token, String vimId, String vnfdId, String vnfId) {
    List<String> paths =
        List.of(
            "/v1.0/vims",
            "/v1.0/vims.json",
            "/v1.0/vims/" + vimId,
            "/v1.0/vims/" + vimId + ".json",
            "/v1.0/vnfds/" + vnfdId,
            "/v1.0/vnfs",
            "/v1.0/vnfs/" + vnfId,
            "/v1.0/events",
            "/v1.0/events?resource_id=" + vimId,
            "/v1.0/events?resource_id=" + vnfId);
    for (String path : paths) {
      TackerApi.Response answer = api.get(path);
      Secrets.assertAbsent(answer.raw(), token, "GET " + path);
      assertThat(answer.status()).as("GET %s", path).isEqualTo(200);
    }
    JsonNode vim = api.get("/v1.0/vims/" + vimId).at("/vim");
    assertThat(vim.at("/auth_cred/bearer_token").asText())
        .withFailMessage("auth_cred.bearer_token is not masked as \"***\"")
        .isEqualTo("***");
  }

  private void assertCamundaRestClean(String token) {
    String path = "/engine-rest/history/variable-instance?deserializeValues=false";
    TackerApi.Response anonymous = api.getAnonymously(path);
    assertThat(anonymous.status()).as("Camunda REST without credentials").isEqualTo(401);
    for (String p : List.of(path, "/engine-rest/variable-instance?deserializeValues=false")) {
      TackerApi.Response answer = api.get(p);
      assertThat(answer.status()).as("GET %s as admin", p).isEqualTo(200);
      Secrets.assertAbsent(answer.raw(), token, "Camunda REST GET " + p);
    }
  }

  /**
   * Scans every column of every row of every table: the Camunda variable tables by name, and
   * nfvflow's own tables (whatever they are called) — the one that holds the VIM must not hold its
   * token in plain text.
   */
  private void assertDatabaseClean(String token, String vimId) throws SQLException {
    Set<String> scanned = new TreeSet<>();
    Set<String> holdingVim = new TreeSet<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String[] table : tables(connection.getMetaData())) {
        String name = table[1].toUpperCase(Locale.ROOT);
        scanned.add(name);
        if (scanTable(connection, table, token, vimId) && !name.startsWith("ACT_")) {
          holdingVim.add(name);
        }
      }
      assertThat(scanned).as("tables scanned").containsAll(CAMUNDA_VARIABLE_TABLES);
      assertThat(holdingVim).as("nfvflow tables that store the VIM %s", vimId).isNotEmpty();
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ACT_HI_PROCINST")) {
        rs.next();
        assertThat(rs.getLong(1)).as("Camunda process instances of the lifecycle").isPositive();
      }
    }
  }

  /** {schema, table, quoted qualified name} of every base table outside the system schemas. */
  private static List<String[]> tables(DatabaseMetaData meta) throws SQLException {
    String q = meta.getIdentifierQuoteString().trim();
    List<String[]> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, null, "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        String schema = rs.getString("TABLE_SCHEM");
        String name = rs.getString("TABLE_NAME");
        boolean base = "TABLE".equalsIgnoreCase(type) || "BASE TABLE".equalsIgnoreCase(type);
        boolean system =
            schema != null
                && (schema.equalsIgnoreCase("INFORMATION_SCHEMA")
                    || schema.equalsIgnoreCase("pg_catalog"));
        if (base && !system) {
          String qualified = (schema == null ? "" : q + schema + q + ".") + q + name + q;
          tables.add(new String[] {schema, name, qualified});
        }
      }
    }
    return tables;
  }

  /** Fails on the token anywhere in the table; true when some cell mentions the VIM id. */
  private static boolean scanTable(
      Connection connection, String[] table, String token, String vimId) throws SQLException {
    boolean mentionsVim = false;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + table[2])) {
      ResultSetMetaData columns = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          String where = "database column " + table[1] + "." + columns.getColumnName(i);
          String text = cellText(rs, i, columns.getColumnType(i));
          Secrets.assertAbsent(text, token, where);
          mentionsVim |= text != null && text.contains(vimId);
        }
      }
    }
    return mentionsVim;
  }

  private static String cellText(ResultSet rs, int column, int sqlType) throws SQLException {
    return switch (sqlType) {
      case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
        byte[] bytes = rs.getBytes(column);
        yield bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
      }
      default -> rs.getString(column);
    };
  }

  /**
   * The H2 files, the key file and anything else nfvflow keeps in its data dir (on PostgreSQL with
   * a configured key there may be nothing).
   */
  private void assertDataDirClean(String secret) throws IOException, SQLException {
    Path root = Path.of(dataDir);
    assertThat(root).as("nfvflow.data-dir").isDirectory();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    try (Connection connection = dataSource.getConnection()) {
      if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
        assertThat(files).as("files in nfvflow.data-dir").isNotEmpty();
      }
    }
    for (Path file : files) {
      Secrets.assertAbsent(Files.readAllBytes(file), secret, "file " + root.relativize(file));
    }
  }
}
