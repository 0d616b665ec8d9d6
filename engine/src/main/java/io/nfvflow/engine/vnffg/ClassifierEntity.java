package io.nfvflow.engine.vnffg;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.Length;

/** One flow classifier of an NFP. */
@Entity
@Table(
    name = "nfv_vnffg_classifier",
    indexes = @Index(name = "ix_vnffg_classifier_vnffg", columnList = "vnffg_id"))
public class ClassifierEntity {

  @Id String id;

  @Column(name = "vnffg_id")
  String vnffgId;

  String nfpId;

  /** The criteria entry's name, or null (legacy FP.Tacker). */
  String name;

  /** Its position among its path's classifiers. */
  int position;

  /** The {@code match} object (Tacker's criteria keys), JSON. */
  @Column(length = Length.LONG32)
  String matchJson;

  /** The flow classifier's id in networking-sfc. */
  String flowClassifierId;
}
