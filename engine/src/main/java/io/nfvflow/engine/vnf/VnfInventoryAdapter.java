package io.nfvflow.engine.vnf;

import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.vim.VimUsers;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.engine.vnfd.VnfdUsers;
import io.nfvflow.lcm.VnfContext;
import io.nfvflow.lcm.VnfInventory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's side of the {@link VnfInventory} port: what workflow steps read and write about
 * VNFs. Each status change updates the operation and writes an event in the same transaction.
 */
@Component
public class VnfInventoryAdapter implements VnfInventory, VimUsers, VnfdUsers {

  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final VnfdCatalogue catalogue;
  private final EventLog events;

  public VnfInventoryAdapter(
      VnfRepository vnfs,
      LcmOperationRepository operations,
      @Lazy VnfdCatalogue catalogue,
      EventLog events) {
    this.vnfs = vnfs;
    this.operations = operations;
    this.catalogue = catalogue;
    this.events = events;
  }

  @Override
  @Transactional(readOnly = true)
  public VnfContext load(String vnfId) {
    VnfEntity vnf = vnf(vnfId);
    return new VnfContext(
        vnf.id,
        vnf.name,
        vnf.vimId,
        catalogue.descriptor(catalogue.find(vnf.vnfdId), VnfLifecycle.params(vnf)));
  }

  @Override
  @Transactional
  public void markActive(String vnfId, String operationId, Map<String, String> mgmtAddresses) {
    VnfEntity vnf = vnf(vnfId);
    vnf.status = "ACTIVE";
    vnf.errorReason = null;
    vnf.mgmtIpAddress = mgmtAddresses.isEmpty() ? null : JsonColumns.write(mgmtAddresses);
    vnf.updatedAt = Instant.now();
    String eventType = finish(operationId, "COMPLETED", null);
    events.record(EventLog.VNF, vnfId, "ACTIVE", eventType, "VNF is active");
  }

  @Override
  @Transactional
  public void markFailed(String vnfId, String operationId, String reason) {
    VnfEntity vnf = vnf(vnfId);
    vnf.status = "ERROR";
    vnf.errorReason = truncate(reason);
    vnf.updatedAt = Instant.now();
    String eventType = finish(operationId, "FAILED", reason);
    events.record(EventLog.VNF, vnfId, "ERROR", eventType, reason);
  }

  @Override
  @Transactional
  public void markDeleted(String vnfId, String operationId) {
    Optional<VnfEntity> found = vnfs.findById(vnfId);
    String eventType = finish(operationId, "COMPLETED", null);
    if (found.isEmpty()) {
      return; // a re-run after a crash: the VNF is already gone
    }
    vnfs.delete(found.get());
    vnfs.flush();
    events.record(
        EventLog.VNF, vnfId, "DEAD", eventType, "VNF deleted; its VIM resources are gone");
    catalogue.deleteIfInlineAndUnused(found.get().vnfdId);
  }

  @Override
  public long vnfsOnVim(String vimId) {
    return vnfs.countByVimId(vimId);
  }

  @Override
  public long vnfsOfVnfd(String vnfdId) {
    return vnfs.countByVnfdId(vnfdId);
  }

  private String finish(String operationId, String state, String error) {
    LcmOperationEntity op = operations.findById(operationId).orElse(null);
    if (op == null) {
      return "UPDATE";
    }
    op.state = state;
    op.error = error == null ? null : truncate(error);
    op.endedAt = Instant.now();
    return VnfLifecycle.TERMINATE.equals(op.operation) ? "DELETE" : "CREATE";
  }

  private VnfEntity vnf(String vnfId) {
    return vnfs.findById(vnfId)
        .orElseThrow(() -> new IllegalStateException("VNF " + vnfId + " does not exist"));
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
  }
}
