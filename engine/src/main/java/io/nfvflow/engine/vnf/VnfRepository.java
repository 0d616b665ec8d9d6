package io.nfvflow.engine.vnf;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** VNFs. */
public interface VnfRepository extends JpaRepository<VnfEntity, String> {

  Optional<VnfEntity> findByName(String name);

  long countByVimId(String vimId);

  long countByVnfdId(String vnfdId);
}
