package io.nfvflow.engine.security;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Issued tokens, by hash. */
interface ApiTokenRepository extends JpaRepository<ApiTokenEntity, String> {

  @Modifying
  @Query("delete from ApiTokenEntity t where t.expiresAt < :cutoff")
  int deleteExpiredBefore(Instant cutoff);
}
