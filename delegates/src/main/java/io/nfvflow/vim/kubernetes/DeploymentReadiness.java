package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Optional;

/** When a Deployment counts as ready. */
final class DeploymentReadiness {

  private DeploymentReadiness() {}

  /**
   * Why a Deployment is not ready, if it is not: ready means the controller has seen the latest
   * spec (else the status describes an older one) and the desired replicas are available. The
   * desired count is read from the live object, since an autoscaler may have changed it.
   */
  static Optional<String> notReady(Deployment d) {
    String ref = "Deployment " + KubernetesWorkloads.ref(d);
    int desired =
        d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    DeploymentStatus status = d.getStatus();
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    long observed =
        status == null || status.getObservedGeneration() == null
            ? 0
            : status.getObservedGeneration();
    if (status == null || observed < generation) {
      return Optional.of(ref + ": the controller has not yet seen generation " + generation);
    }
    int available = status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
    if (available < desired) {
      return Optional.of("%s: %d of %d replicas available".formatted(ref, available, desired));
    }
    return Optional.empty();
  }

  /**
   * Why a Deployment can never get its pods, if it cannot: the controller reports {@code
   * ReplicaFailure} when it may not create pods at all (quota exceeded, admission refused), a
   * failure that waiting does not fix.
   */
  static Optional<String> failure(Deployment d) {
    if (d.getStatus() == null || d.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return d.getStatus().getConditions().stream()
        .filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst()
        .map(
            c ->
                "Deployment %s: %s: %s"
                    .formatted(KubernetesWorkloads.ref(d), c.getReason(), c.getMessage()));
  }
}
