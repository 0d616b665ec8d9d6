package io.nfvflow.engine.vnf;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** VNFs. */
public interface VnfRepository extends JpaRepository<VnfEntity, String> {

  Optional<VnfEntity> findByName(String name);

  long countByVimId(String vimId);

  List<VnfEntity> findByVimId(String vimId);

  long countByVnfdId(String vnfdId);
}
