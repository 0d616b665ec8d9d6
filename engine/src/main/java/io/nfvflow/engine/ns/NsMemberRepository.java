package io.nfvflow.engine.ns;

import io.nfvflow.engine.vnf.SubjectKind;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The members of network services. */
public interface NsMemberRepository extends JpaRepository<NsMemberEntity, String> {

  List<NsMemberEntity> findByNsIdOrderByKindAscPositionAsc(String nsId);

  Optional<NsMemberEntity> findByNsIdAndKindAndPosition(
      String nsId, SubjectKind kind, int position);

  List<NsMemberEntity> findBySubjectId(String subjectId);

  List<NsMemberEntity> findByVimId(String vimId);

  long countByNsIdAndKind(String nsId, SubjectKind kind);
}
