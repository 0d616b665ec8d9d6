package io.nfvflow.ns;

import java.util.List;

/**
 * The port the NS steps use to start and delete an NS's members (implemented by the engine). A
 * member is an NSD node: a VNF node (by its position among the NSD's VNF nodes) or a VNFFG group
 * (by its position among the NSD's VNFFG groups). Every method is idempotent: a step re-run after a
 * crash finds what the first run started and starts nothing twice.
 */
public interface NsMembers {

  /**
   * What a start or delete did.
   *
   * @param subjectId the member VNF's or VNFFG's id ({@code null} when there is none, e.g. a delete
   *     of a member that was never created)
   * @param name the member's name for people (the NSD node and the VNF/VNFFG name)
   * @param awaited whether an operation on the member runs now and its end must be awaited (message
   *     {@link NsVariables#MEMBER_ENDED} correlated by {@link NsVariables#MEMBER_ID}); {@code
   *     false} when it has already ended or nothing was started
   */
  record Started(String subjectId, String name, boolean awaited) {}

  /**
   * Creates the NS's {@code index}-th VNF (instantiate operation), or finds it when a first run
   * created it.
   *
   * @throws NsMemberException when it cannot be created (a reason for people)
   */
  Started startVnf(String nsId, int index);

  /**
   * Creates the NS's {@code index}-th VNFFG (its create operation), mapping the NSD's VNFDs to the
   * NS's VNFs, or finds it.
   *
   * @throws NsMemberException when it cannot be created
   */
  Started startVnffg(String nsId, int index);

  /**
   * Deletes the NS's {@code index}-th VNFFG (forced: a running operation on it is cancelled), or
   * nothing when it does not exist (any more).
   *
   * @throws NsMemberException when the delete cannot begin
   */
  Started deleteVnffg(String nsId, int index);

  /**
   * Deletes (terminates, forced) the NS's {@code index}-th VNF, or nothing when it does not exist
   * (any more).
   *
   * @throws NsMemberException when the delete cannot begin
   */
  Started deleteVnf(String nsId, int index);

  /**
   * The VNF members that did not become ACTIVE, each as a sentence naming the NSD node, the VNF and
   * its reason ("VNF VNF2 (ns1_VNF2) failed: ..."); empty when all are ACTIVE.
   */
  List<String> vnfFailures(String nsId);

  /** The VNFFG members that did not become ACTIVE, like {@link #vnfFailures}. */
  List<String> vnffgFailures(String nsId);

  /**
   * The members that still exist after the removal ("VNF VNF1 (ns1_VNF1) is ERROR: ..."); empty
   * when every member is gone.
   */
  List<String> leftovers(String nsId);

  /** Records an event on the NS (resource type {@code ns}) saying what a step did. */
  void event(String nsId, String detail);
}
