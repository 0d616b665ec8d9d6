package io.nfvflow.engine.secret;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At start: the key must open what the database holds — every VIM's sealed credentials, and the
 * database's key check (a known text sealed by the first node that started with a key, so a node
 * with another key is refused even before any VIM is registered). Plain JDBC: it runs before JPA
 * and in the one-shot key rotation.
 */
final class SecretKeyCheck {

  static final String ROW = "key";
  static final String TEXT = "nfvflow secret key check";

  private final JdbcTemplate jdbc;

  SecretKeyCheck(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @throws SecretKeyException naming the key's source and what it cannot open
   */
  void verify(SecretBox box) {
    for (Map<String, Object> vim :
        jdbc.queryForList(
            "select id, name, sealed_secrets from nfv_vim where sealed_secrets is not null")) {
      if (!box.opens((String) vim.get("sealed_secrets"))) {
        throw refused(
            box, "the credentials of VIM '%s' (%s)".formatted(vim.get("name"), vim.get("id")));
      }
    }
    List<String> check = stored();
    if (check.isEmpty()) {
      try {
        jdbc.update(
            "insert into nfv_secret_key_check (id, sealed, created_at) values (?, ?, ?)",
            ROW,
            box.seal(TEXT),
            java.sql.Timestamp.from(Instant.now()));
        return;
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        check = stored();
      }
    }
    if (!box.opens(check.get(0))) {
      throw refused(box, "the database's key check (nfv_secret_key_check)");
    }
  }

  private List<String> stored() {
    return jdbc.queryForList(
        "select sealed from nfv_secret_key_check where id = ?", String.class, ROW);
  }

  static SecretKeyException refused(SecretBox box, String what) {
    return new SecretKeyException(
        "The secret key from %s cannot decrypt %s stored in the database: it is not the key the"
                .formatted(box.keySource(), what)
            + " database's secrets were sealed with.",
        "Start this node with the key the database was sealed with: the one every other node"
            + " uses; after a key rotation, the new key; on a single node, the secret.key file"
            + " that was in its data directory.");
  }
}
