package io.nfvflow.engine.vnffg;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Flow classifiers of NFPs. */
public interface ClassifierRepository extends JpaRepository<ClassifierEntity, String> {

  List<ClassifierEntity> findByVnffgId(String vnffgId);

  List<ClassifierEntity> findByNfpIdOrderByPosition(String nfpId);
}
