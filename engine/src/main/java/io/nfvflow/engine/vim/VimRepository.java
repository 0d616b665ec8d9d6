package io.nfvflow.engine.vim;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Registered VIMs. */
public interface VimRepository extends JpaRepository<VimEntity, String> {

  Optional<VimEntity> findByName(String name);

  Optional<VimEntity> findFirstByIsDefaultTrue();
}
