package io.nfvflow.engine.vnf;

import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vim.VimUsers;
import io.nfvflow.engine.vnfd.VnfdUsers;
import io.nfvflow.lcm.VnfContext;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.Observation;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's side of the {@link VnfInventory} port: what workflow steps read about a VNF, and the
 * ends of operations, which go through the one lifecycle core ({@link Operations}).
 */
@Component
public class VnfInventoryAdapter implements VnfInventory, VimUsers, VnfdUsers {

  private final VnfRepository vnfs;
  private final VnfDescriptors descriptors;
  private final VimRegistry vims;
  private final Operations operations;
  private final InstantiatedState state;

  public VnfInventoryAdapter(
      VnfRepository vnfs,
      VnfDescriptors descriptors,
      @Lazy VimRegistry vims,
      @Lazy Operations operations,
      InstantiatedState state) {
    this.vnfs = vnfs;
    this.descriptors = descriptors;
    this.vims = vims;
    this.operations = operations;
    this.state = state;
  }

  /**
   * The VNF with its resolved descriptor and desired scale. A descriptor that can no longer be read
   * comes back as {@code null}, so that removal (which needs only the VNF id) still works.
   */
  @Override
  @Transactional(readOnly = true)
  public VnfContext load(String vnfId) {
    VnfEntity vnf =
        vnfs.findById(vnfId)
            .orElseThrow(() -> new IllegalStateException("VNF " + vnfId + " does not exist"));
    InstantiatedState.Levels levels = state.levels(vnfId);
    return new VnfContext(
        vnf.id,
        vnf.name,
        vnf.vimId,
        vims.find(vnf.vimId).getType(),
        descriptors.orNull(vnf),
        levels.scale(),
        levels.floors());
  }

  @Override
  public void recordInstances(String vnfId, Observation observation) {
    state.record(vnfId, observation);
  }

  @Override
  public void complete(String operationId) {
    operations.complete(operationId);
  }

  @Override
  public void fail(String operationId, String reason) {
    operations.fail(operationId, reason);
  }

  @Override
  public void beginRollback(String operationId, String reason) {
    operations.beginRollback(operationId, reason);
  }

  @Override
  public void completeRollback(String operationId) {
    operations.completeRollback(operationId);
  }

  @Override
  public io.nfvflow.lcm.HealTarget healTarget(String operationId) {
    return operations.healTarget(operationId);
  }

  @Override
  public java.util.List<io.nfvflow.vim.VnfInstance> selectHealInstances(
      String operationId,
      java.util.List<io.nfvflow.vim.VnfInstance> chosen,
      java.util.List<String> found) {
    return operations.selectHealInstances(operationId, chosen, found);
  }

  @Override
  public long vnfsOnVim(String vimId) {
    return vnfs.countByVimId(vimId);
  }

  @Override
  public long vnfsOfVnfd(String vnfdId) {
    return vnfs.countByVnfdId(vnfdId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<io.nfvflow.vim.VnfInstance> leavingInstances(String operationId) {
    return operations.leavingInstances(operationId);
  }
}
