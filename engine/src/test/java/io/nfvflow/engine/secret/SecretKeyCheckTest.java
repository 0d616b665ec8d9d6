package io.nfvflow.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The check at start, on nfvflow's V1 tables (H2 in memory). */
class SecretKeyCheckTest {

  JdbcTemplate jdbc;

  @BeforeEach
  void database() {
    DriverManagerDataSource db =
        new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration/h2", "classpath:db/migration/common")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(db);
  }

  @Test
  void theFirstNodeWithAKeySealsTheCheckAndANodeWithAnotherKeyIsRefused() {
    SecretBox first = new SecretBox(SecretBoxTest.key("key file /etc/nfvflow/a.key"));
    new SecretKeyCheck(jdbc).verify(first);
    new SecretKeyCheck(jdbc).verify(first);
    SecretBox other = new SecretBox(SecretBoxTest.key("environment variable NFVFLOW_SECRET_KEY"));

    assertThatThrownBy(() -> new SecretKeyCheck(jdbc).verify(other))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("environment variable NFVFLOW_SECRET_KEY cannot decrypt")
        .hasMessageContaining("key check");
    assertThat(jdbc.queryForObject("select count(*) from nfv_secret_key_check", Integer.class))
        .isOne();
  }

  @Test
  void everyVimsCredentialsMustOpenEvenInADatabaseWithoutACheckYet() {
    SecretBox sealer = new SecretBox(SecretBoxTest.key("a"));
    jdbc.update(
        "insert into nfv_vim (id, version, name, is_default, sealed_secrets) values"
            + " ('v1', 0, 'edge', false, ?)",
        sealer.seal("{\"bearer_token\":\"t\"}"));
    SecretBox other = new SecretBox(SecretBoxTest.key("key file /data/secret.key"));

    assertThatThrownBy(() -> new SecretKeyCheck(jdbc).verify(other))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("credentials of VIM 'edge' (v1)");
    assertThat(jdbc.queryForObject("select count(*) from nfv_secret_key_check", Integer.class))
        .as("no check sealed with the wrong key")
        .isZero();
    new SecretKeyCheck(jdbc).verify(sealer);
  }
}
