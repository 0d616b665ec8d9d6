package io.nfvflow.engine.vnffg;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.Length;

/**
 * One forwarding path of a VNFFG (an FP node of its VNFFGD) with its SFC: one networking-sfc port
 * chain.
 */
@Entity
@Table(
    name = "nfv_vnffg_nfp",
    indexes = @Index(name = "ix_vnffg_nfp_vnffg", columnList = "vnffg_id"))
public class NfpEntity {

  @Id String id;

  @Column(name = "vnffg_id")
  String vnffgId;

  /** The FP node's name. */
  String name;

  /** Its position among the descriptor's forwarding paths. */
  int position;

  /** The wanted chain id from the descriptor ({@code properties.id}), or null. */
  Integer requestedPathId;

  /** networking-sfc's {@code chain_id} once the port chain exists. */
  Integer pathId;

  boolean symmetrical;

  /** The SFC's id (Tacker shows NFP and SFC as two resources; nfvflow keeps them on one row). */
  String sfcId;

  /** The port chain's id in networking-sfc. */
  String portChainId;

  /** The SFC's {@code chain} as last realised (JSON list), for the API. */
  @Column(length = Length.LONG32)
  String chain;
}
