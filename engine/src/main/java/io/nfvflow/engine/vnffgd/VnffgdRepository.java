package io.nfvflow.engine.vnffgd;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Onboarded and inline VNFFGDs. */
public interface VnffgdRepository extends JpaRepository<VnffgdEntity, String> {

  Optional<VnffgdEntity> findByName(String name);
}
