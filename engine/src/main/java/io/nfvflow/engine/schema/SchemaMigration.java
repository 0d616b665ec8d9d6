package io.nfvflow.engine.schema;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates nfvflow's tables ({@code db/migration/<vendor>}) at start, before JPA validates them. A
 * database has one of three shapes:
 *
 * <ul>
 *   <li>a schema history: Flyway migrates on;
 *   <li>no history and no nfvflow table (new, or only Camunda's tables): V1 onwards (a baseline at
 *       0 so that Camunda's tables in the same schema are no reason to stop);
 *   <li>nfvflow's tables but no history: made by an earlier nfvflow with Hibernate's {@code
 *       ddl-auto: update}. {@link LegacySchema} brings them to V1 keeping every row, the schema is
 *       recorded as V1, and Flyway migrates on.
 * </ul>
 */
@Component
public class SchemaMigration implements FlywayMigrationStrategy {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

  private final LegacySchema legacy;

  public SchemaMigration(LegacySchema legacy) {
    this.legacy = legacy;
  }

  @Override
  public void migrate(Flyway flyway) {
    DataSource dataSource = flyway.getConfiguration().getDataSource();
    Shape shape;
    String vendor;
    try (Connection connection = dataSource.getConnection()) {
      vendor = Vendor.of(connection);
      shape = shape(connection, flyway.getConfiguration().getTable());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look at the database: " + e.getMessage(), e);
    }
    switch (shape) {
      case HISTORY -> report(flyway.migrate());
      case NEW ->
          report(
              Flyway.configure()
                  .configuration(flyway.getConfiguration())
                  .baselineOnMigrate(true)
                  .baselineVersion("0")
                  .load()
                  .migrate());
      case LEGACY -> {
        legacy.upgrade(dataSource, vendor);
        Flyway.configure()
            .configuration(flyway.getConfiguration())
            .baselineVersion("1")
            .baselineDescription("nfvflow tables made by ddl-auto update, brought to V1")
            .load()
            .baseline();
        report(flyway.migrate());
      }
    }
  }

  private static void report(MigrateResult result) {
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "nfvflow schema: applied {} migration(s), now at version {}",
          result.migrationsExecuted,
          result.targetSchemaVersion);
    }
  }

  enum Shape {
    HISTORY,
    NEW,
    LEGACY
  }

  static Shape shape(Connection connection, String historyTable) throws SQLException {
    if (Vendor.hasTable(connection, historyTable)) {
      return Shape.HISTORY;
    }
    return LegacySchema.present(connection) ? Shape.LEGACY : Shape.NEW;
  }
}
