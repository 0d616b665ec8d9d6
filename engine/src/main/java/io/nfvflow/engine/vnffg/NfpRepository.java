package io.nfvflow.engine.vnffg;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** NFPs (with their SFCs). */
public interface NfpRepository extends JpaRepository<NfpEntity, String> {

  List<NfpEntity> findByVnffgIdOrderByPosition(String vnffgId);

  java.util.Optional<NfpEntity> findBySfcId(String sfcId);
}
