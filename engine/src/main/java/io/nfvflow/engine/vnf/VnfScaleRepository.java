package io.nfvflow.engine.vnf;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The desired instances per scaling policy of each VNF. */
public interface VnfScaleRepository extends JpaRepository<VnfScaleEntity, String> {

  List<VnfScaleEntity> findByVnfId(String vnfId);

  void deleteByVnfId(String vnfId);
}
