package io.nfvflow.engine.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * nfvflow before Flyway let Hibernate make its tables ({@code ddl-auto: update}): large objects for
 * long texts on PostgreSQL, native enums on H2 (check constraints on PostgreSQL) that refuse any
 * new constant, generated index names, and no column a later version added to an existing table.
 * This brings such tables to exactly V1, keeping every row: {@code
 * db/legacy/<vendor>/upgrade-to-v1.sql} (idempotent statements), preceded on PostgreSQL by what
 * needs the catalog. An H2 database is backed up first ({@code BACKUP TO}) next to its file.
 */
@Component
public class LegacySchema {

  private static final Logger LOG = LoggerFactory.getLogger(LegacySchema.class);

  /** Tables every nfvflow that made its tables with Hibernate had. */
  private static final List<String> TABLES = List.of("nfv_vim", "nfv_vnfd", "nfv_vnf", "nfv_event");

  /** Whether the database holds nfvflow tables (then without a schema history: legacy). */
  static boolean present(Connection connection) throws SQLException {
    for (String table : TABLES) {
      if (Vendor.hasTable(connection, table)) {
        return true;
      }
    }
    return false;
  }

  /** Brings legacy tables to V1, in one transaction where the database allows (PostgreSQL). */
  void upgrade(DataSource dataSource, String vendor) {
    String script = "db/legacy/" + vendor + "/upgrade-to-v1.sql";
    try (Connection connection = dataSource.getConnection()) {
      String backup = Vendor.H2.equals(vendor) ? backUpH2(connection) : null;
      LOG.warn(
          "nfvflow's tables have no schema history: made by an earlier nfvflow (Hibernate ddl-auto"
              + " update). Bringing them to schema V1, keeping every row ({}){}",
          script,
          backup == null ? "" : "; a copy of the database as it was: " + backup);
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        if (Vendor.POSTGRESQL.equals(vendor)) {
          largeObjectsToText(connection);
          dropEnumChecks(connection);
        }
        ScriptUtils.executeSqlScript(connection, new ClassPathResource(script));
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      LOG.warn("nfvflow's tables are at schema V1 now; Flyway manages them from here");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot bring nfvflow's tables of an earlier version to schema V1: " + e.getMessage(), e);
    }
  }

  /** {@code BACKUP TO} next to the database file; null for an in-memory database. */
  private static String backUpH2(Connection connection) throws SQLException {
    String url = connection.getMetaData().getURL();
    String path = url.replaceFirst("^jdbc:h2:(file:)?", "").replaceAll(";.*", "");
    if (url.startsWith("jdbc:h2:mem:") || path.contains(":")) {
      return null; // in memory, or a server's database: not ours to copy
    }
    String zip =
        path
            + "-before-schema-v1-"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + ".zip";
    try (Statement s = connection.createStatement()) {
      s.execute("BACKUP TO '" + zip.replace("'", "''") + "'");
    }
    return zip;
  }

  /** Hibernate's {@code @Lob String} on PostgreSQL: an oid column of large objects → text. */
  private static void largeObjectsToText(Connection connection) throws SQLException {
    for (String[] column :
        rows(
            connection,
            "select table_name, column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name like 'nfv\\_%'"
                + " and data_type = 'oid'")) {
      String table = quote(column[0]);
      String name = quote(column[1]);
      String text = quote(column[1] + "__text");
      try (Statement s = connection.createStatement()) {
        s.execute("alter table %s add column %s text".formatted(table, text));
        s.execute(
            "update %s set %s = convert_from(lo_get(%s), 'UTF8') where %s is not null"
                .formatted(table, text, name, name));
        s.execute("select lo_unlink(%s) from %s where %s is not null".formatted(name, table, name));
        s.execute("alter table %s drop column %s".formatted(table, name));
        s.execute("alter table %s rename column %s to %s".formatted(table, text, name));
      }
      LOG.info("{}.{}: large objects moved into a text column", column[0], column[1]);
    }
  }

  /** Hibernate's check constraints listing an enum's constants: a new constant needs no change. */
  private static void dropEnumChecks(Connection connection) throws SQLException {
    for (String[] check :
        rows(
            connection,
            "select t.relname, c.conname from pg_constraint c"
                + " join pg_class t on t.oid = c.conrelid"
                + " join pg_namespace n on n.oid = t.relnamespace"
                + " where c.contype = 'c' and n.nspname = current_schema()"
                + " and t.relname like 'nfv\\_%'")) {
      try (Statement s = connection.createStatement()) {
        s.execute("alter table %s drop constraint %s".formatted(quote(check[0]), quote(check[1])));
      }
    }
  }

  private static List<String[]> rows(Connection connection, String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        rows.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    return rows;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
