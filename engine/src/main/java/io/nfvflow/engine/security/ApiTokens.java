package io.nfvflow.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes API tokens: 43 random letters and digits (256 bits), valid for {@code
 * nfvflow.auth.token-ttl}. The token itself is handed out once and never stored or logged; the
 * table holds its hash.
 */
@Component
public class ApiTokens {

  /** Expired rows are kept this long (a late validation answers "expired", not "unknown"). */
  private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

  private final ApiTokenRepository tokens;
  private final Duration ttl;

  public ApiTokens(ApiTokenRepository tokens, AuthSettings settings) {
    this.tokens = tokens;
    this.ttl = settings.tokenTtl();
  }

  /** A new token and its row. */
  public record Issued(String token, ApiTokenEntity row) {
    @Override
    public String toString() {
      return "Issued[token=***, user=" + row.userId + "]";
    }
  }

  /** A new token for the user, valid for the configured time. */
  @Transactional
  public Issued issue(String userId) {
    return issue(userId, Instant.now().plus(ttl));
  }

  /** A new token for the user that expires at {@code expiresAt} (never later than the TTL). */
  @Transactional
  public Issued issue(String userId, Instant expiresAt) {
    // microseconds, as the database keeps them: the answer shows what a later validation shows
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    tokens.deleteExpiredBefore(now.minus(KEEP_EXPIRED));
    // 43 letters and digits: 256 bits, as the 32 random bytes of the base64 tokens before
    String token = RandomSecrets.alphanumeric(43);
    Instant expiry =
        (expiresAt.isAfter(now.plus(ttl)) ? now.plus(ttl) : expiresAt)
            .truncatedTo(ChronoUnit.MICROS);
    ApiTokenEntity row = tokens.save(new ApiTokenEntity(hash(token), userId, now, expiry));
    return new Issued(token, row);
  }

  /** The token's row while it is neither expired nor revoked. */
  @Transactional(readOnly = true)
  public Optional<ApiTokenEntity> active(String token) {
    Instant now = Instant.now();
    return find(token).filter(row -> row.activeAt(now));
  }

  /** The token's row, whatever its state (expired rows are purged a day after they expire). */
  @Transactional(readOnly = true)
  public Optional<ApiTokenEntity> find(String token) {
    if (token == null || token.isBlank() || token.length() > 512) {
      return Optional.empty();
    }
    return tokens.findById(hash(token));
  }

  /** Revokes the token; false when it was not active. */
  @Transactional
  public boolean revoke(String token) {
    Optional<ApiTokenEntity> row = active(token);
    row.ifPresent(
        r -> {
          r.revokedAt = Instant.now();
          tokens.save(r);
        });
    return row.isPresent();
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
