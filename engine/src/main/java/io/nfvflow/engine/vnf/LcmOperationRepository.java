package io.nfvflow.engine.vnf;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Lifecycle operations. */
public interface LcmOperationRepository extends JpaRepository<LcmOperationEntity, String> {

  List<LcmOperationEntity> findByVnfIdOrderByStartedAtDesc(String vnfId);

  List<LcmOperationEntity> findByVnfIdAndStateIn(String vnfId, List<String> states);
}
