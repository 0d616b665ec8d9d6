package io.nfvflow.engine.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.jdbc.DatabaseDriver;

/** The databases nfvflow has migrations for, as Flyway's {@code {vendor}} names them. */
final class Vendor {

  static final String H2 = "h2";
  static final String POSTGRESQL = "postgresql";
  private static final Set<String> SUPPORTED = Set.of(H2, POSTGRESQL);

  private Vendor() {}

  /**
   * The vendor of a connection's database.
   *
   * @throws IllegalStateException naming the database when nfvflow has no migrations for it
   */
  static String of(Connection connection) throws SQLException {
    String url = connection.getMetaData().getURL();
    String id = DatabaseDriver.fromJdbcUrl(url).getId();
    if (!SUPPORTED.contains(id)) {
      throw new IllegalStateException(
          "nfvflow runs on H2 or PostgreSQL; the database at %s is %s, for which it has no schema"
                  .formatted(
                      url.replaceAll("\\?.*", ""),
                      connection.getMetaData().getDatabaseProductName())
              + " migrations");
    }
    return id;
  }

  /** Whether a table exists in the connection's current schema (names in any case). */
  static boolean hasTable(Connection connection, String table) throws SQLException {
    try (ResultSet tables =
        connection
            .getMetaData()
            .getTables(
                connection.getCatalog(), connection.getSchema(), null, new String[] {"TABLE"})) {
      while (tables.next()) {
        if (tables
            .getString("TABLE_NAME")
            .toLowerCase(Locale.ROOT)
            .equals(table.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }
}
