package io.nfvflow.engine.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A restarted node takes back only its own locks from before it started. */
class JobLockRecoveryTest {

  @Test
  void releasesOnlyThisNodesLocksTakenBeforeTheRestart() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:locks;DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE ACT_RU_JOB (ID_ VARCHAR(64), LOCK_OWNER_ VARCHAR(255),"
              + " LOCK_EXP_TIME_ TIMESTAMP)");
      s.execute("INSERT INTO ACT_RU_JOB VALUES ('old-mine', 'host-a:9890', '2026-01-01 10:00:00')");
      s.execute("INSERT INTO ACT_RU_JOB VALUES ('new-mine', 'host-a:9890', '2026-01-01 12:00:00')");
      s.execute("INSERT INTO ACT_RU_JOB VALUES ('other', 'host-b:9890', '2026-01-01 10:00:00')");
      s.execute("INSERT INTO ACT_RU_JOB VALUES ('free', NULL, NULL)");
    }
    JobLockRecovery recovery = new JobLockRecovery("", 9890, ds);
    JobLockRecovery named = new JobLockRecovery("host-a:9890", 1, ds);
    assertThat(recovery.nodeId()).endsWith(":9890");
    assertThat(named.nodeId()).isEqualTo("host-a:9890");

    int released = named.release(Timestamp.valueOf("2026-01-01 11:00:00"));

    assertThat(released).isEqualTo(1);
    Map<String, String> owners = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        ResultSet r =
            c.createStatement()
                .executeQuery("SELECT ID_, LOCK_OWNER_ FROM ACT_RU_JOB ORDER BY ID_")) {
      while (r.next()) {
        owners.put(r.getString(1), String.valueOf(r.getString(2)));
      }
    }
    assertThat(owners)
        .containsEntry("old-mine", "null")
        .containsEntry("new-mine", "host-a:9890")
        .containsEntry("other", "host-b:9890")
        .containsEntry("free", "null");
  }
}
