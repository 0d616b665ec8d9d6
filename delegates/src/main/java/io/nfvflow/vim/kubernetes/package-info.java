/** The Kubernetes VIM type: driver, manifest translation, workload operations and BPMN steps. */
package io.nfvflow.vim.kubernetes;
