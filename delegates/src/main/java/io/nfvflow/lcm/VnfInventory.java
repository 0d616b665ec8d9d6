package io.nfvflow.lcm;

import io.nfvflow.vim.Observation;

/**
 * Port to the VNF inventory and the operation model, implemented by the engine. Steps end
 * operations only through it: each call changes the VNF's status, the operation's state and the
 * instantiated state, and writes the event, in one transaction, with the outcome the operation's
 * type calls for.
 */
public interface VnfInventory {

  /**
   * Loads a VNF, its resolved descriptor and its desired scale.
   *
   * @throws IllegalStateException when the VNF does not exist
   */
  VnfContext load(String vnfId);

  /**
   * Stores what the VIM reports of the VNF (instances, addresses, ports) as its instantiated state;
   * {@code mgmt_ip_address} follows.
   */
  void recordInstances(String vnfId, Observation observation);

  /**
   * The operation succeeded: COMPLETED, and the VNF ACTIVE (a terminate: the VNF leaves the
   * inventory). Running it again after a crash changes nothing.
   */
  void complete(String operationId);

  /** The operation failed for good: FAILED, the VNF ERROR with the reason. */
  void fail(String operationId, String reason);

  /**
   * The operation failed and is being rolled back: the desired state goes back to what it was
   * before the operation (a scale: the previous level), the reason is recorded. The workflow then
   * converges the VIM again and calls {@link #completeRollback}.
   */
  void beginRollback(String operationId, String reason);

  /** The rollback converged: ROLLED_BACK, the VNF ACTIVE, the reason in the event. */
  void completeRollback(String operationId);

  /**
   * The heal request of a heal operation, with the instances chosen to be replaced once {@link
   * #selectHealInstances} stored them.
   *
   * @throws IllegalStateException when the operation does not exist or is not a heal
   */
  HealTarget healTarget(String operationId);

  /**
   * Stores the instances a heal replaces, once: the first call stores {@code chosen}; a later call
   * (a step re-run after a crash) keeps and returns what was stored first.
   *
   * @param found what the VIM's diagnosis found wrong, for the heal's end event (may be empty)
   * @return the instances the heal replaces
   */
  java.util.List<io.nfvflow.vim.VnfInstance> selectHealInstances(
      String operationId,
      java.util.List<io.nfvflow.vim.VnfInstance> chosen,
      java.util.List<String> found);

  /**
   * The instances an operation is about to remove from the VIM, so that what holds their ports (a
   * chain's port pairs) lets go of them first: a heal's selected instances; a scale-in's every
   * instance of the VDUs its policy targets (which ones the VIM removes is the VIM's choice); none
   * for other operations.
   *
   * @throws IllegalStateException when the operation does not exist
   */
  java.util.List<io.nfvflow.vim.VnfInstance> leavingInstances(String operationId);
}
