package io.nfvflow.vim.kubernetes;

import static io.nfvflow.vim.kubernetes.KubernetesObjects.ref;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Optional;

/** When a Deployment counts as ready, and when it never will be. */
final class DeploymentReadiness {

  private static final String REPLICA_FAILURE = "ReplicaFailure";

  private DeploymentReadiness() {}

  /**
   * Why a Deployment is not rolled out at exactly the desired count, if it is not: the controller
   * has seen the latest spec (else the status describes an older one), the spec asks for the
   * desired count, and that many replicas are updated, ready and available with no surplus left. A
   * scale-in is therefore done only once the surplus pods are going.
   *
   * @param desired the VNF's desired instances of the VDU (not the live spec: an autoscaler or a
   *     person may have changed that)
   */
  static Optional<String> notReady(Deployment d, int desired) {
    String ref = "Deployment " + ref(d);
    DeploymentStatus status = d.getStatus();
    long generation = orZero(d.getMetadata().getGeneration());
    if (status == null || orZero(status.getObservedGeneration()) < generation) {
      return Optional.of(ref + ": the controller has not yet seen generation " + generation);
    }
    int spec =
        d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    if (spec != desired) {
      return Optional.of("%s: spec asks for %d replicas, %d desired".formatted(ref, spec, desired));
    }
    int updated = orZero(status.getUpdatedReplicas());
    int ready = orZero(status.getReadyReplicas());
    int available = orZero(status.getAvailableReplicas());
    int done = Math.min(updated, Math.min(ready, available));
    if (done < desired) {
      return Optional.of("%s: %d of %d ready".formatted(ref, done, desired));
    }
    int replicas = orZero(status.getReplicas());
    if (replicas != desired || updated != desired || ready != desired || available != desired) {
      return Optional.of(
          "%s: %d replicas, %d desired (surplus pods still there)"
              .formatted(ref, replicas, desired));
    }
    return Optional.empty();
  }

  /**
   * Why a Deployment can never get its pods, if it cannot: the controller reports {@code
   * ReplicaFailure} when it may not create pods at all (quota exceeded, admission refused), a
   * failure that waiting does not fix. Only a condition about the current spec that still lacks
   * pods counts: a scale-in after a blocked scale-out leaves the old condition for a moment.
   */
  static Optional<String> failure(Deployment d) {
    DeploymentStatus status = d.getStatus();
    if (status == null
        || status.getConditions() == null
        || orZero(status.getObservedGeneration()) < orZero(d.getMetadata().getGeneration())
        || !lacksPods(d.getSpec().getReplicas(), status.getReplicas())) {
      return Optional.empty();
    }
    return status.getConditions().stream()
        .filter(c -> REPLICA_FAILURE.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst()
        .map(c -> "Deployment %s: %s: %s".formatted(ref(d), c.getReason(), c.getMessage()));
  }

  /**
   * The same for a ReplicaSet: its controller reports the failure first (the Deployment copies it
   * later), so a scale-out blocked by a quota fails fast.
   */
  static Optional<String> failure(ReplicaSet rs) {
    var status = rs.getStatus();
    if (status == null
        || status.getConditions() == null
        || orZero(status.getObservedGeneration()) < orZero(rs.getMetadata().getGeneration())
        || !lacksPods(rs.getSpec().getReplicas(), status.getReplicas())) {
      return Optional.empty();
    }
    return status.getConditions().stream()
        .filter(c -> REPLICA_FAILURE.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst()
        .map(c -> "ReplicaSet %s: %s: %s".formatted(ref(rs), c.getReason(), c.getMessage()));
  }

  private static boolean lacksPods(Integer wanted, Integer have) {
    return orZero(have) < (wanted == null ? 1 : wanted);
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }

  private static long orZero(Long n) {
    return n == null ? 0 : n;
  }
}
