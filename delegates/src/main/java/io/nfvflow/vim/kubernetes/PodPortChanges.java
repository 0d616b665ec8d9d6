package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.nfvflow.vim.VimChanges;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the VIM's pod informer reports: a change of a pod's Kuryr record ({@link
 * KuryrVifs#ANNOTATION}), which changes the Neutron ports of the VNF's instances, as {@code
 * vnfChanged(vnfId, "ports")}. Reported: the record appears, changes or goes; a pod that has one
 * starts terminating (observations leave it out from then on, and a chain should let go of its
 * ports before Kuryr deletes them) or is deleted. Everything else a pod does (status, conditions,
 * restarts) is not reported, nor is a resync. Additions are not reported: Kuryr writes its record
 * after the pod exists. A handler never throws.
 */
final class PodPortChanges implements ResourceEventHandler<Pod> {

  private static final Logger LOG = LoggerFactory.getLogger(PodPortChanges.class);

  private final VimChanges changes;

  PodPortChanges(VimChanges changes) {
    this.changes = changes;
  }

  @Override
  public void onAdd(Pod pod) {}

  @Override
  public void onUpdate(Pod before, Pod after) {
    try {
      if (before == null
          || after == null
          || Objects.equals(
              before.getMetadata().getResourceVersion(),
              after.getMetadata().getResourceVersion())) {
        return; // a resync
      }
      String was = record(before);
      String now = record(after);
      if (!Objects.equals(was, now)) {
        report(before, after, was == null ? "appeared" : now == null ? "removed" : "changed");
      } else if (now != null
          && !KubernetesObjects.terminating(before)
          && KubernetesObjects.terminating(after)) {
        report(before, after, "being deleted");
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot report a change of {}", KubernetesObjects.describe(after), e);
    }
  }

  @Override
  public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
    try {
      if (record(pod) != null) {
        report(pod, pod, "deleted");
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot report the deletion of {}", KubernetesObjects.describe(pod), e);
    }
  }

  /** The pod's Kuryr annotation, compared as written (Kuryr writes it with sorted keys). */
  private static String record(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(KuryrVifs.ANNOTATION);
  }

  private void report(Pod before, Pod after, String how) {
    Set<String> vnfIds = new LinkedHashSet<>();
    vnfIds.add(vnfId(before));
    vnfIds.add(vnfId(after));
    vnfIds.remove(null);
    for (String vnfId : vnfIds) {
      LOG.debug("VNF {}: Kuryr ports of pod {} {}", vnfId, KubernetesObjects.ref(after), how);
      try {
        changes.vnfChanged(vnfId, VimChanges.PORTS);
      } catch (RuntimeException e) {
        LOG.warn("the receiver failed on a port change of VNF {}", vnfId, e);
      }
    }
  }

  private static String vnfId(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(KubernetesLabels.VNF_ID);
  }
}
