package io.nfvflow.engine.ns;

import io.nfvflow.engine.vnf.SubjectKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A member of an NS: one NSD VNF node (a VNF) or VNFFG group (a VNFFG). Written when the NS is
 * created, before any member exists; {@code subjectId} is filled in the transaction that creates
 * the member, so a step re-run after a crash finds it.
 */
@Entity
@Table(
    name = "nfv_ns_member",
    indexes = {
      @Index(name = "ix_ns_member_ns", columnList = "nsId"),
      @Index(name = "ix_ns_member_subject", columnList = "subjectId")
    })
public class NsMemberEntity {

  @Id String id;

  @Column(nullable = false)
  String nsId;

  /** VNF or VNFFG. */
  @Enumerated(EnumType.STRING)
  @Column(length = 32, nullable = false)
  SubjectKind kind;

  /** Its position among the NS's members of its kind (the workflow's loop counter). */
  int position;

  /** The NSD node (VNF1) or group (VNFFG1). */
  @Column(nullable = false)
  String node;

  /** The member VNF's or VNFFG's name: {@code <NS name>_<node>}. */
  @Column(nullable = false)
  String name;

  /** The VNF's VNFD (VNF members). */
  String vnfdId;

  /** The VIM the VNF is placed on (VNF members). */
  String vimId;

  /** The member VNF's or VNFFG's id once created. */
  String subjectId;

  /** "VNF VNF1 (ns1_VNF1)": how messages name it. */
  String describe() {
    return kind.label() + " " + label();
  }

  /** "VNF1 (ns1_VNF1)": its node and name (the NS steps say the kind). */
  String label() {
    return "%s (%s)".formatted(node, name);
  }
}
