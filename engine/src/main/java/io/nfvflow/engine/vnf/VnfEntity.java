package io.nfvflow.engine.vnf;

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

/** A VNF: an instance of a VNFD on one VIM. */
@Entity
@Table(name = "nfv_vnf")
public class VnfEntity implements OperationSubject {

  @Id String id;

  /**
   * Optimistic lock: API requests, workflow steps, the heal monitor and the autoscale recorder of
   * any node write it; a write based on a stale read fails instead of overwriting (409 for a
   * request, a retried job for a workflow step).
   */
  @Version Long version;

  @Column(unique = true, nullable = false)
  String name;

  @Column(length = 1000)
  String description;

  String tenantId;
  String vnfdId;
  String vimId;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  VnfStatus status;

  @Column(length = 4000)
  String errorReason;

  /**
   * Management address(es) per VDU, as a JSON object string (as Tacker answers it): a string per
   * VDU, or a list when a VDU has several instances.
   */
  @Column(length = 4000)
  String mgmtIpAddress;

  /** {@code attributes.param_values} as JSON. */
  @Column(length = Length.LONG32)
  String paramValues;

  /**
   * Alarm URL per trigger of the VNFD's Alarming policies, as a JSON object (shown in {@code
   * attributes} as Tacker did; the URL's last segment is the trigger's key).
   */
  @Column(length = Length.LONG32)
  String alarmUrls;

  /**
   * Automatic healing gave up on this VNF (its heals kept failing); set back to null by a heal on
   * request.
   */
  Boolean autoHealSuspended;

  /** The NS it is a member of (created and deleted with it), or {@code null}. */
  String nsId;

  Instant createdAt;
  Instant updatedAt;

  @Override
  public SubjectKind kind() {
    return SubjectKind.VNF;
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

  /** The VNFD it is an instance of. */
  public String vnfdId() {
    return vnfdId;
  }

  /** The VIM it runs on. */
  public String vimId() {
    return vimId;
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

  /** The management address(es) per VDU, as Tacker's JSON object string, or {@code null}. */
  public String mgmtIpAddress() {
    return mgmtIpAddress;
  }
}
