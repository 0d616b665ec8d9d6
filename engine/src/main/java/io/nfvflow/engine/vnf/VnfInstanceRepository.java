package io.nfvflow.engine.vnf;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The VIM-side instances of each VNF. */
public interface VnfInstanceRepository extends JpaRepository<VnfInstanceEntity, String> {

  List<VnfInstanceEntity> findByVnfIdOrderByPosition(String vnfId);

  void deleteByVnfId(String vnfId);
}
