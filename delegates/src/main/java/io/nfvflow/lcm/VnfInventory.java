package io.nfvflow.lcm;

import java.util.Map;

/**
 * Port to the VNF inventory, implemented by the engine. Every status change it makes also writes an
 * event row and updates the operation's state, in one transaction.
 */
public interface VnfInventory {

  /**
   * Loads a VNF and its resolved descriptor.
   *
   * @throws IllegalStateException when the VNF does not exist
   */
  VnfContext load(String vnfId);

  /**
   * The VNF is up: status ACTIVE, the operation COMPLETED.
   *
   * @param mgmtAddresses management address per VDU (may be empty)
   */
  void markActive(String vnfId, String operationId, Map<String, String> mgmtAddresses);

  /** The operation failed for good: status ERROR with the reason, the operation FAILED. */
  void markFailed(String vnfId, String operationId, String reason);

  /** The VNF's resources are gone: the VNF is removed, the operation COMPLETED. */
  void markDeleted(String vnfId, String operationId);
}
