package io.nfvflow.engine.nsd;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Onboarded and inline NSDs. */
public interface NsdRepository extends JpaRepository<NsdEntity, String> {

  Optional<NsdEntity> findByName(String name);
}
