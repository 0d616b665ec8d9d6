package io.nfvflow.vim.kubernetes;

import static io.nfvflow.vim.kubernetes.KubernetesObjects.describe;
import static io.nfvflow.vim.kubernetes.KubernetesObjects.ref;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VnfOnVim;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges the objects of one kind of one VNF: creates what is missing, updates what differs in
 * the fields nfvflow owns ({@link OwnedFields}), deletes owned extras. Nothing is written when the
 * VIM already matches, so a retried step changes nothing.
 *
 * <p>Changes are plain creates and updates (PUT with the resource version just read): no
 * server-side apply or strategic merge patch, which fabric8's mock server does not serve, and no
 * JSON merge patch, whose list handling the mock server gets wrong (it appends to a list instead of
 * replacing it). A conflict means someone wrote in between: read again and retry.
 */
final class Convergence {

  private static final Logger LOG = LoggerFactory.getLogger(Convergence.class);

  /** Conflicts in a row before giving up to the job executor's retries. */
  static final int ATTEMPTS = 3;

  private final KubernetesClient client;
  private final VnfOnVim vnf;

  Convergence(KubernetesClient client, VnfOnVim vnf) {
    this.client = client;
    this.vnf = vnf;
  }

  /** Every wanted object of a kind as wanted, and no other owned object of that kind. */
  <T extends HasMetadata> void converge(Class<T> kind, List<T> wanted, OwnedFields<T> owned) {
    wanted.forEach(w -> object(w, owned));
    deleteExtras(kind, wanted);
  }

  /**
   * One object as wanted.
   *
   * @return the live object afterwards
   * @throws VimException REJECTED when an object of that name exists and is not the VNF's
   */
  <T extends HasMetadata> T object(T wanted, OwnedFields<T> owned) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      T live = KubernetesObjects.get(client, wanted);
      if (live == null) {
        live = create(wanted);
        if (live != null) {
          return live;
        }
        continue; // 409: a parallel or crashed run made it; look at what it made
      }
      requireOwned(live);
      if (owned.match(wanted, live)) {
        return live;
      }
      T updated = update(owned.adopt(wanted, live));
      if (updated != null) {
        return updated;
      }
    }
    throw new VimException(
        VimException.Kind.TRANSIENT,
        "%s kept changing while nfvflow converged it (%d conflicts)"
            .formatted(describe(wanted), ATTEMPTS));
  }

  /** Sets a Deployment's replicas through its scale subresource, when they differ. */
  void scale(Deployment live, int replicas) {
    Integer current = live.getSpec() == null ? null : live.getSpec().getReplicas();
    if (current != null && current == replicas) {
      return;
    }
    KubernetesErrors.run(
        "scale %s to %d".formatted(describe(live), replicas),
        () ->
            client
                .apps()
                .deployments()
                .inNamespace(live.getMetadata().getNamespace())
                .withName(live.getMetadata().getName())
                .scale(replicas));
    LOG.info("scaled {} from {} to {} for VNF {}", describe(live), current, replicas, vnf.vnfId());
  }

  /** Deletes every object of the kind with the VNF's label, in any namespace. */
  <T extends HasMetadata> void deleteAll(Class<T> kind) {
    deleteExtras(kind, List.of());
  }

  /** Deletes the objects of a kind with the VNF's label that are not wanted, in any namespace. */
  <T extends HasMetadata> void deleteExtras(Class<T> kind, List<T> wanted) {
    Set<String> keep = wanted.stream().map(KubernetesObjects::ref).collect(Collectors.toSet());
    for (T o : KubernetesObjects.listAnywhere(client, kind, vnf.vim(), vnf.vnfId())) {
      if (!keep.contains(ref(o)) && !KubernetesObjects.terminating(o)) {
        // a name delete of an object that went meanwhile is a no-op
        KubernetesErrors.run("delete " + describe(o), () -> client.resource(o).delete());
        LOG.info("deleted {} of VNF {}", describe(o), vnf.vnfId());
      }
    }
  }

  private <T extends HasMetadata> T create(T wanted) {
    try {
      T created = client.resource(wanted).create();
      LOG.info("created {} for VNF {}", describe(wanted), vnf.vnfId());
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw KubernetesErrors.map("create " + describe(wanted), e);
      }
      return null;
    }
  }

  /** The updated object, or {@code null} on a conflict. */
  private <T extends HasMetadata> T update(T adopted) {
    try {
      T updated = client.resource(adopted).update();
      LOG.info("updated {} for VNF {}", describe(adopted), vnf.vnfId());
      return updated;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw KubernetesErrors.map("update " + describe(adopted), e);
      }
      return null;
    }
  }

  private void requireOwned(HasMetadata live) {
    if (!KubernetesLabels.ownedBy(live.getMetadata().getLabels(), vnf.vnfId())) {
      throw new VimException(
          VimException.Kind.REJECTED,
          "%s already exists and is not owned by VNF %s".formatted(describe(live), vnf.vnfId()));
    }
  }
}
