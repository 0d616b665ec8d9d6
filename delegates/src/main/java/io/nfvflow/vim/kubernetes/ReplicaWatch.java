package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.nfvflow.vim.VimChanges;
import io.nfvflow.vim.VimConnection;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one watch of a Kubernetes VIM: an informer on the Deployments nfvflow manages (label {@code
 * app.kubernetes.io/managed-by: nfvflow}), in every namespace the credentials may watch, else in
 * the VIM's namespace. A change of a Deployment's {@code spec.replicas} is reported with the VNF
 * and VDU from its labels. Starting never blocks: an unreachable API server is retried by the
 * informer.
 */
final class ReplicaWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaWatch.class);

  /** A full resync now and then repairs a missed event (the report is idempotent). */
  private static final long RESYNC_MILLIS = 10 * 60 * 1000L;

  private volatile SharedIndexInformer<Deployment> informer;

  private ReplicaWatch() {}

  static ReplicaWatch start(KubernetesClient client, VimConnection vim, VimChanges changes) {
    ReplicaWatch watch = new ReplicaWatch();
    watch.informer = informer(client.apps().deployments().inAnyNamespace(), changes);
    watch
        .informer
        .start()
        .whenComplete(
            (ok, error) -> {
              if (error != null && watch.informer != null) {
                // namespace-scoped credentials: watch the VIM's namespace only
                String ns = KubernetesClients.namespace(vim);
                LOG.info(
                    "VIM {}: cannot watch all namespaces ({}); watching {}",
                    vim.vimId(),
                    error.getMessage(),
                    ns);
                watch.informer.stop();
                watch.informer = informer(client.apps().deployments().inNamespace(ns), changes);
                watch.informer.start();
              }
            });
    return watch;
  }

  /** An informer (not started) on the managed Deployments of that scope, reporting to changes. */
  private static SharedIndexInformer<Deployment> informer(
      FilterWatchListDeletable<Deployment, ?, ?> deployments, VimChanges changes) {
    SharedIndexInformer<Deployment> informer =
        deployments
            .withLabel(KubernetesLabels.MANAGED_BY, KubernetesLabels.MANAGER)
            .runnableInformer(RESYNC_MILLIS);
    informer.addEventHandler(handler(changes));
    return informer;
  }

  private static ResourceEventHandler<Deployment> handler(VimChanges changes) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Deployment d) {}

      @Override
      public void onUpdate(Deployment before, Deployment after) {
        Integer was = replicas(before);
        Integer now = replicas(after);
        Map<String, String> labels = after.getMetadata().getLabels();
        if (now == null || Objects.equals(was, now) || labels == null) {
          return;
        }
        String vnfId = labels.get(KubernetesLabels.VNF_ID);
        String vdu = labels.get(KubernetesLabels.VDU);
        if (vnfId != null && vdu != null) {
          changes.instancesChanged(vnfId, vdu, now);
        }
      }

      @Override
      public void onDelete(Deployment d, boolean deletedFinalStateUnknown) {}
    };
  }

  private static Integer replicas(Deployment d) {
    return d == null || d.getSpec() == null ? null : d.getSpec().getReplicas();
  }

  @Override
  public void close() {
    SharedIndexInformer<Deployment> current = informer;
    informer = null;
    if (current != null) {
      current.stop();
    }
  }
}
