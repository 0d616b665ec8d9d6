package io.nfvflow.engine.ns;

import io.nfvflow.engine.vnf.OperationSubject;
import io.nfvflow.engine.vnf.SubjectKind;
import io.nfvflow.lcm.VnfStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.Length;

/** A network service: an NSD instantiated. Its members are {@link NsMemberEntity} rows. */
@Entity
@Table(name = "nfv_ns")
public class NsEntity implements OperationSubject {

  @Id String id;

  /**
   * Optimistic lock: API requests and workflow steps of any node write it; a write based on a stale
   * read fails instead of overwriting (409 for a request, a retried job for a workflow step).
   */
  @Version Long version;

  @Column(unique = true, nullable = false)
  String name;

  @Column(length = 4000)
  String description;

  String tenantId;
  String nsdId;

  /** The NS's VIM: the request's {@code vim_id}, else the default VIM. */
  String vimId;

  /** {@code attributes.param_values} as JSON ({@code nsd}, {@code vims}, per-VNFD values). */
  @Column(length = Length.LONG32)
  String paramValues;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  VnfStatus status;

  @Column(length = 4000)
  String errorReason;

  Instant createdAt;
  Instant updatedAt;

  @Override
  public SubjectKind kind() {
    return SubjectKind.NS;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public VnfStatus status() {
    return status;
  }

  @Override
  public void moveTo(VnfStatus next) {
    status = next;
    updatedAt = Instant.now();
  }

  @Override
  public void errorReason(String reason) {
    errorReason = reason;
  }

  @Override
  public String errorReason() {
    return errorReason;
  }
}
