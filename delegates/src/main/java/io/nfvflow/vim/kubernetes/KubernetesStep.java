package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.lcm.VnfStep;

/** A BPMN step on a Kubernetes VIM (see {@link VnfStep}). */
abstract class KubernetesStep extends VnfStep {

  protected final KubernetesWorkloads workloads;

  KubernetesStep(VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory);
    this.workloads = workloads;
  }
}
