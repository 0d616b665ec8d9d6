package io.nfvflow.engine.vnffg;

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

/**
 * A VNFFG: a VNFFGD instantiated over mapped VNFs. Its NFPs, SFCs and classifiers have their own
 * rows and share its status (they move together).
 */
@Entity
@Table(name = "nfv_vnffg")
public class VnffgEntity implements OperationSubject {

  @Id String id;

  /**
   * Optimistic lock: API requests, workflow steps and the chain follower of any node write it; a
   * write based on a stale read fails instead of overwriting (409 for a request, a retried job for
   * a workflow step).
   */
  @Version Long version;

  @Column(unique = true, nullable = false)
  String name;

  @Column(length = 1000)
  String description;

  String tenantId;
  String vnffgdId;

  /** VNFD name → VNF id, as JSON. */
  @Column(length = 4000)
  String vnfMapping;

  /** {@code attributes.param_values} as JSON (a flat map of input name to value). */
  @Column(length = Length.LONG32)
  String paramValues;

  /** The request's {@code symmetrical}: true makes every path symmetrical. */
  boolean symmetrical;

  /** The OpenStack VIM whose Neutron holds every port of the chain. */
  String neutronVimId;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  VnfStatus status;

  @Column(length = 4000)
  String errorReason;

  /** Set when a chained VNF's ports changed while an operation ran: follow again at its end. */
  Boolean followPending;

  String nsId;
  Instant createdAt;
  Instant updatedAt;

  @Override
  public SubjectKind kind() {
    return SubjectKind.VNFFG;
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

  /** A VNFFG in ERROR may be updated (to repair it) as well as deleted. */
  @Override
  public boolean canMoveTo(VnfStatus next) {
    return status == VnfStatus.ERROR && next == VnfStatus.PENDING_UPDATE
        || OperationSubject.super.canMoveTo(next);
  }

  @Override
  public String errorReason() {
    return errorReason;
  }

  /** The NS it is a member of, or {@code null}. */
  public String nsId() {
    return nsId;
  }

  /** Makes it a member of an NS (it can then be deleted only with the NS). */
  public void joinNs(String nsId) {
    this.nsId = nsId;
  }
}
