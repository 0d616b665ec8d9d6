package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyStack}: creates the VNF's Heat stack (a stack this VNF already has is kept) and
 * starts the poll backoff ({@code pollDelay} = {@code pollInterval}). Heat's own timeout is the
 * workflow's {@code readyTimeout}, so a stuck stack ends CREATE_FAILED with a readable reason.
 */
@Component
public class ApplyStackDelegate extends OpenStackStep {

  public ApplyStackDelegate(VnfInventory inventory, VimDirectory directory, HeatStacks stacks) {
    super(inventory, directory, stacks);
  }

  @Override
  protected void run(DelegateExecution execution, OpenStackVnf vnf) {
    try {
      LcmErrors.vimCall(
          () ->
              stacks.create(
                  vnf.vim(),
                  vnf.vnfId(),
                  vnf.descriptor(),
                  HeatTemplates.parameters(new VnfOnVim(vnf.vim(), vnf.vnfId(), vnf.descriptor())),
                  LcmVariables.readyTimeout(execution)));
    } catch (ToscaException e) {
      // the descriptor will not change by retrying
      throw new BpmnError(LcmErrors.INVALID_DESCRIPTOR, e.getMessage());
    }
  }
}
