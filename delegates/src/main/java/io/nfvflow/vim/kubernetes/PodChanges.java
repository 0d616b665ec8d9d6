package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.nfvflow.vim.VimChanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the VIM's pod informer reports. A change of a pod's Kuryr record ({@link
 * KuryrVifs#ANNOTATION}), which changes the Neutron ports of the VNF's instances, as {@code
 * vnfChanged(vnfId, "ports")}: the record appears, changes or goes; a pod that has one starts
 * terminating (observations leave it out from then on, and a chain should let go of its ports
 * before Kuryr deletes them) or is deleted. Otherwise, what a wait for READY or GONE looks at, as
 * {@code vnfChanged(vnfId, "status")} (not drift; healing ignores it): the pod's phase, its {@code
 * Ready} condition, whether it can be scheduled, a container waiting for a reason it will not get
 * over ({@link KubernetesWorkloads#FATAL_WAITING_REASONS}), its deletion starting, and its
 * deletion. Everything else a pod does (restart counts, times, IPs) is not reported, nor is a
 * resync. Additions are not reported: a Deployment's status counts its new pods. A handler never
 * throws.
 */
final class PodChanges implements ResourceEventHandler<Pod> {

  private static final Logger LOG = LoggerFactory.getLogger(PodChanges.class);

  private final VimChanges changes;

  PodChanges(VimChanges changes) {
    this.changes = changes;
  }

  @Override
  public void onAdd(Pod pod) {}

  @Override
  public void onUpdate(Pod before, Pod after) {
    try {
      if (OwnedChanges.resync(before, after)) {
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
      } else if (!progress(before).equals(progress(after))) {
        status(before, after);
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
      } else {
        status(pod, pod);
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

  /**
   * What a wait reads of a pod (see {@link KubernetesWorkloads#readiness} and {@link
   * KubernetesWorkloads#remaining}).
   */
  private static List<Object> progress(Pod pod) {
    PodStatus status = pod.getStatus();
    List<PodCondition> conditions =
        status == null || status.getConditions() == null ? List.of() : status.getConditions();
    List<String> reasons = new ArrayList<>();
    for (PodCondition c : conditions) {
      if ("Ready".equals(c.getType()) || "PodScheduled".equals(c.getType())) {
        reasons.add(c.getType() + "=" + c.getStatus() + "/" + c.getReason());
      }
    }
    if (status != null) {
      Stream.of(status.getInitContainerStatuses(), status.getContainerStatuses())
          .filter(Objects::nonNull)
          .flatMap(List::stream)
          .filter(c -> c.getState() != null && c.getState().getWaiting() != null)
          .map(c -> c.getState().getWaiting().getReason())
          .filter(KubernetesWorkloads.FATAL_WAITING_REASONS::contains)
          .forEach(reasons::add);
    }
    return Arrays.asList(
        status == null ? null : status.getPhase(), KubernetesObjects.terminating(pod), reasons);
  }

  private void status(Pod before, Pod after) {
    Set<String> vnfIds = new LinkedHashSet<>();
    vnfIds.add(vnfId(before));
    vnfIds.add(vnfId(after));
    vnfIds.remove(null);
    for (String vnfId : vnfIds) {
      try {
        changes.vnfChanged(vnfId, VimChanges.STATUS);
      } catch (RuntimeException e) {
        LOG.warn("the receiver failed on a status change of VNF {}", vnfId, e);
      }
    }
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
