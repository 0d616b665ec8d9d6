package io.nfvflow.engine.ns;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Network services. */
public interface NsRepository extends JpaRepository<NsEntity, String> {

  Optional<NsEntity> findByName(String name);

  List<NsEntity> findByNsdId(String nsdId);

  List<NsEntity> findByVimId(String vimId);
}
