package io.nfvflow.engine.vnf;

import io.nfvflow.lcm.OperationState;
import io.nfvflow.lcm.OperationType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Lifecycle operations. */
public interface LcmOperationRepository extends JpaRepository<LcmOperationEntity, String> {

  List<LcmOperationEntity> findBySubjectIdOrderByStartedAtDesc(String subjectId);

  List<LcmOperationEntity> findBySubjectIdAndStateIn(
      String subjectId, Collection<OperationState> states);

  /** The newest operation of a type on a policy (a scale's cooldown counts from it). */
  Optional<LcmOperationEntity> findFirstBySubjectIdAndTypeAndScalePolicyOrderByStartedAtDesc(
      String vnfId, OperationType type, String scalePolicy);
}
