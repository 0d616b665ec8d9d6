package io.nfvflow.vim.kubernetes;

import java.util.List;
import java.util.Optional;

/**
 * Where the workloads of a VNF stand.
 *
 * @param notReady what is not ready yet and why, one entry per object (empty when all are ready)
 * @param failure why a pod can never become ready, if one cannot
 */
public record WorkloadStatus(List<String> notReady, Optional<String> failure) {

  public WorkloadStatus {
    notReady = List.copyOf(notReady);
  }

  /** Every Deployment has its desired replicas available. */
  public boolean ready() {
    return notReady.isEmpty();
  }

  /** For people: what is not ready and why. */
  public String describe() {
    if (ready()) {
      return "all workloads are ready";
    }
    return failure.orElse(String.join("; ", notReady));
  }
}
