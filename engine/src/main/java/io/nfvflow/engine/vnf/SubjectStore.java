package io.nfvflow.engine.vnf;

import java.util.Map;
import java.util.Optional;

/**
 * A kind of {@link OperationSubject} as the operation model needs it: finding one, the workflow's
 * start variables, and what a completed removal does. One bean per {@link SubjectKind}.
 */
public interface SubjectStore {

  SubjectKind kind();

  /** The subject, if it still exists. */
  Optional<? extends OperationSubject> find(String id);

  /**
   * The variables the subject's workflows start with (ids and small values only; never secrets),
   * besides the operation id, which the operation model adds.
   *
   * @param vimType the type of the VIM the operation works on
   */
  Map<String, Object> variables(OperationSubject subject, String vimType);

  /**
   * A completed terminate or delete: the subject leaves the inventory, with its last event.
   * Idempotent.
   */
  void remove(OperationSubject subject, LcmOperationEntity op);
}
