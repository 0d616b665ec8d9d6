package io.nfvflow.engine.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An issued API token. Only the token's SHA-256 hash is stored, so the table gives nothing away;
 * every node of a cluster sees the same rows, so a token works on all of them and a revocation too.
 */
@Entity
@Table(
    name = "nfv_api_token",
    indexes = @Index(name = "ix_nfv_api_token_expires", columnList = "expiresAt"))
public class ApiTokenEntity {

  /** Hex SHA-256 of the token. */
  @Id
  @Column(length = 64)
  String tokenHash;

  @Column(nullable = false, length = 64)
  String userId;

  @Column(nullable = false)
  Instant issuedAt;

  @Column(nullable = false)
  Instant expiresAt;

  Instant revokedAt;

  protected ApiTokenEntity() {}

  ApiTokenEntity(String tokenHash, String userId, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public String userId() {
    return userId;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  boolean activeAt(Instant now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }
}
