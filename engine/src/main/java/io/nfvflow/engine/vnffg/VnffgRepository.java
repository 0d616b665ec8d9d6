package io.nfvflow.engine.vnffg;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** VNFFGs. */
public interface VnffgRepository extends JpaRepository<VnffgEntity, String> {

  Optional<VnffgEntity> findByName(String name);

  List<VnffgEntity> findByVnffgdId(String vnffgdId);

  List<VnffgEntity> findByNeutronVimId(String neutronVimId);

  /** The VNFFGs whose VNF mapping names the VNF. */
  default List<VnffgEntity> chaining(String vnfId) {
    return findAll().stream()
        .filter(
            v -> io.nfvflow.engine.tacker.JsonColumns.stringMap(v.vnfMapping).containsValue(vnfId))
        .toList();
  }
}
