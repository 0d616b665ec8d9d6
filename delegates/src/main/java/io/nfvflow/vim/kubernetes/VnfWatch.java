package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.nfvflow.vim.VimChanges;
import io.nfvflow.vim.VimConnection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one watch of a Kubernetes VIM: an informer per kind nfvflow creates (Deployments, Services,
 * ConfigMaps, autoscalers) and one on the pods of those Deployments (their template carries the
 * ownership labels), each selected on the label {@code app.kubernetes.io/managed-by: nfvflow} (so
 * the cache holds nfvflow's objects only), in every namespace the credentials may watch, else in
 * the VIM's namespace (decided per kind: the API server answers 403). What the informers see goes
 * to {@link VimChanges} through {@link OwnedChanges}, and for pods through {@link PodChanges}
 * (changes of their Kuryr ports, and of what a wait looks at: pods churn). Deletions of every kind
 * are reported, so a wait for a VNF to be gone ends with its last pod. ReplicaSets are not watched:
 * they go before their pods (background deletion), and their failures reach the Deployment's
 * conditions.
 *
 * <p>Starting never blocks and never gives up: an informer whose API server does not answer keeps
 * retrying with the client's back-off (fabric8's default would stop an informer whose first listing
 * failed, and nfvflow would then watch nothing until restarted).
 */
final class VnfWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VnfWatch.class);

  /** A full resync now and then repairs a missed event (the report is idempotent). */
  private static final long RESYNC_MILLIS = 10 * 60 * 1000L;

  private final List<KindWatch<?>> kinds;

  private VnfWatch(List<KindWatch<?>> kinds) {
    this.kinds = kinds;
  }

  static VnfWatch start(KubernetesClient client, VimConnection vim, VimChanges changes) {
    VnfWatch watch =
        new VnfWatch(
            List.of(
                new KindWatch<>(client, vim, Deployment.class, OwnedChanges.deployments(changes)),
                new KindWatch<>(client, vim, Service.class, OwnedChanges.services(changes)),
                new KindWatch<>(client, vim, ConfigMap.class, OwnedChanges.configMaps(changes)),
                new KindWatch<>(
                    client, vim, HorizontalPodAutoscaler.class, OwnedChanges.autoscalers(changes)),
                new KindWatch<>(client, vim, Pod.class, new PodChanges(changes))));
    watch.kinds.forEach(KindWatch::start);
    return watch;
  }

  /** Whether every informer has listed its objects and now watches them. */
  boolean watching() {
    return kinds.stream().allMatch(KindWatch::watching);
  }

  @Override
  public void close() {
    kinds.forEach(KindWatch::close);
  }

  /** The informer of one kind, first on all namespaces, then on the VIM's if that is refused. */
  private static final class KindWatch<T extends HasMetadata> {

    private final KubernetesClient client;
    private final VimConnection vim;
    private final Class<T> kind;
    private final ResourceEventHandler<T> handler;
    private SharedIndexInformer<T> informer; // guarded by this
    private boolean closed; // guarded by this

    KindWatch(
        KubernetesClient client,
        VimConnection vim,
        Class<T> kind,
        ResourceEventHandler<T> handler) {
      this.client = client;
      this.vim = vim;
      this.kind = kind;
      this.handler = handler;
    }

    synchronized void start() {
      informer = informer(client.resources(kind).inAnyNamespace(), true);
      // completes exceptionally only when all namespaces are refused (see retry)
      informer.start().whenComplete((ok, error) -> fallBack(error));
    }

    private synchronized void fallBack(Throwable error) {
      if (error == null || closed) {
        return;
      }
      String ns = KubernetesClients.namespace(vim);
      LOG.info(
          "VIM {}: cannot watch {} in all namespaces ({}); watching {}",
          vim.vimId(),
          kind.getSimpleName(),
          error.getMessage(),
          ns);
      informer.stop();
      informer = informer(client.resources(kind).inNamespace(ns), false);
      informer.start();
    }

    /** An informer (not started) on the managed objects of that scope. */
    private SharedIndexInformer<T> informer(
        FilterWatchListDeletable<T, ?, ?> scope, boolean anyNamespace) {
      SharedIndexInformer<T> created =
          scope
              .withLabel(KubernetesLabels.MANAGED_BY, KubernetesLabels.MANAGER)
              .runnableInformer(RESYNC_MILLIS);
      created.exceptionHandler((started, t) -> retry(started, anyNamespace, t));
      created.addEventHandler(handler);
      return created;
    }

    synchronized boolean watching() {
      return informer != null && informer.isWatching();
    }

    synchronized void close() {
      closed = true;
      if (informer != null) {
        informer.stop();
      }
    }
  }

  /**
   * Whether an informer retries after a failure: always (an API server that is down comes back, a
   * watch that broke is opened again), but when its first listing of all namespaces is forbidden,
   * so that the watch falls back to the VIM's namespace.
   */
  static boolean retry(boolean started, boolean anyNamespace, Throwable failure) {
    return started || !anyNamespace || !forbidden(failure);
  }

  private static boolean forbidden(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KubernetesClientException e && e.getCode() == 403) {
        return true;
      }
    }
    return false;
  }
}
