package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.HealTarget;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task {@code MarkServersUnhealthy} of {@code vnf-heal-openstack}: marks the servers the heal
 * replaces (chosen once by {@code SelectInstances}) unhealthy in Heat, in the top-level stack or a
 * scaling group's member stack, with their ports, and anything of the stack that is gone, so that
 * the stack update of {@code UpdateStack} replaces them. A server no longer in the stack was
 * replaced already: a re-run changes nothing.
 */
@Component
public class MarkServersUnhealthyDelegate extends OpenStackStep {

  private static final Logger LOG = LoggerFactory.getLogger(MarkServersUnhealthyDelegate.class);

  public MarkServersUnhealthyDelegate(
      VnfInventory inventory, VimDirectory directory, OpenStackDriver driver) {
    super(inventory, directory, driver);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    String operation = LcmVariables.operationId(execution);
    HealTarget target = inventory.healTarget(operation);
    if (target.selected() == null) {
      throw new IllegalStateException(
          "heal operation %s has no instances chosen yet (SelectInstances runs first)"
              .formatted(operation));
    }
    List<String> servers = target.selected().stream().map(VnfInstance::id).toList();
    List<String> marked =
        LcmErrors.vimCall(
            () -> driver.markUnhealthy(vnf, servers, "nfvflow heal operation " + operation));
    LOG.info("VNF {}: heal {} marked unhealthy: {}", vnf.vnfId(), operation, marked);
  }
}
