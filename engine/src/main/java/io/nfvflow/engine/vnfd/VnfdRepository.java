package io.nfvflow.engine.vnfd;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Onboarded VNFDs. */
public interface VnfdRepository extends JpaRepository<VnfdEntity, String> {

  Optional<VnfdEntity> findByName(String name);
}
