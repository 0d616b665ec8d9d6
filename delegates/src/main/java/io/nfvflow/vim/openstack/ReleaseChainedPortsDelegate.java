package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfInstance;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task {@code ReleaseChainedPorts}, in a VNF's heal and scale before the VIM removes instances:
 * every chain through the VNF lets go of the leaving instances' ports (their port pairs leave the
 * port pair groups and are deleted), because Neutron refuses to delete a port a port pair holds.
 * The chain gets the replacements' ports when the operation has recorded them (the chain follows).
 * Nothing leaving, or no chain: nothing to do. Idempotent.
 */
@Component
public class ReleaseChainedPortsDelegate implements JavaDelegate {

  private final VnfInventory inventory;
  private final ChainInventory chains;
  private final VimDirectory directory;
  private final ApplyPortPairGroupsDelegate groups;
  private final PruneChainDelegate prune;

  public ReleaseChainedPortsDelegate(
      VnfInventory inventory,
      ChainInventory chains,
      VimDirectory directory,
      ApplyPortPairGroupsDelegate groups,
      PruneChainDelegate prune) {
    this.inventory = inventory;
    this.chains = chains;
    this.directory = directory;
    this.groups = groups;
    this.prune = prune;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> leaving =
        inventory.leavingInstances(LcmVariables.operationId(execution)).stream()
            .map(VnfInstance::id)
            .collect(Collectors.toSet());
    if (leaving.isEmpty()) {
      return;
    }
    for (ChainPlan plan : chains.plansWithout(LcmVariables.vnfId(execution), leaving)) {
      VimConnection neutron = directory.connection(plan.neutronVimId());
      LcmErrors.vimCall(
          () -> {
            groups.converge(plan, neutron);
            prune.converge(plan, neutron);
          });
    }
  }
}
