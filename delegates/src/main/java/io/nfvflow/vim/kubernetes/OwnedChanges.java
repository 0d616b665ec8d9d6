package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.nfvflow.vim.VimChanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the VIM's informers report of the objects nfvflow manages: one handler per kind, telling a
 * change that matters to the VNF (a deletion, an edit of spec, data or labels, a deletion starting,
 * a Deployment's availability) from progress that only waits look at (a Deployment's rollout
 * counters: {@link VimChanges#STATUS}), from churn (resource version, managed fields, a Service's
 * or an autoscaler's status) and from a resync, which replays the cache unchanged. One report per
 * event and VNF, naming everything that changed; additions are not reported (nfvflow makes them). A
 * handler never throws: a failure is logged and the informer goes on.
 *
 * @param <T> the kind
 */
final class OwnedChanges<T extends HasMetadata> implements ResourceEventHandler<T> {

  private static final Logger LOG = LoggerFactory.getLogger(OwnedChanges.class);

  private final VimChanges changes;
  private final BiFunction<T, T, List<String>> kindChanges;
  private final BiConsumer<T, T> onEveryUpdate;
  private final Function<T, Object> progress;

  private OwnedChanges(
      VimChanges changes,
      BiFunction<T, T, List<String>> kindChanges,
      BiConsumer<T, T> onEveryUpdate) {
    this(changes, kindChanges, onEveryUpdate, o -> null);
  }

  private OwnedChanges(
      VimChanges changes,
      BiFunction<T, T, List<String>> kindChanges,
      BiConsumer<T, T> onEveryUpdate,
      Function<T, Object> progress) {
    this.changes = changes;
    this.kindChanges = kindChanges;
    this.onEveryUpdate = onEveryUpdate;
    this.progress = progress;
  }

  /**
   * Deployments: a change of {@code spec.replicas} is {@code instancesChanged} (an autoscaler's,
   * anyone's), and only that; the pod template or the rest of the spec edited, or the availability
   * changed ({@code Available} condition, available replicas), is {@code vnfChanged}. Any other
   * move of the rollout a wait for READY looks at ({@link DeploymentReadiness}: observed
   * generation, replicas, updated, ready, available, conditions) is {@code vnfChanged(vnfId,
   * STATUS)}.
   */
  static OwnedChanges<Deployment> deployments(VimChanges changes) {
    return new OwnedChanges<>(
        changes,
        (before, after) -> {
          List<String> what = new ArrayList<>();
          if (!Objects.equals(template(before), template(after))) {
            what.add("template changed");
          } else if (!Objects.equals(otherSpec(before), otherSpec(after))) {
            what.add("spec changed");
          }
          String was = availability(before.getStatus());
          String now = availability(after.getStatus());
          if (!was.equals(now)) {
            what.add("availability changed to " + now);
          }
          return what;
        },
        (before, after) -> replicas(before, after, changes),
        d -> rollout(d.getStatus()));
  }

  static OwnedChanges<Service> services(VimChanges changes) {
    return new OwnedChanges<>(
        changes,
        (before, after) ->
            Objects.equals(before.getSpec(), after.getSpec()) ? List.of() : List.of("spec changed"),
        (before, after) -> {});
  }

  static OwnedChanges<ConfigMap> configMaps(VimChanges changes) {
    return new OwnedChanges<>(
        changes,
        (before, after) ->
            Objects.equals(before.getData(), after.getData())
                    && Objects.equals(before.getBinaryData(), after.getBinaryData())
                ? List.of()
                : List.of("data changed"),
        (before, after) -> {});
  }

  /** Autoscalers: their spec; their status moves with every scaling and is not reported. */
  static OwnedChanges<HorizontalPodAutoscaler> autoscalers(VimChanges changes) {
    return new OwnedChanges<>(
        changes,
        (before, after) ->
            Objects.equals(before.getSpec(), after.getSpec()) ? List.of() : List.of("spec changed"),
        (before, after) -> {});
  }

  /** An informer's resync (or half an event): the same resource version, nothing changed. */
  static boolean resync(
      io.fabric8.kubernetes.api.model.HasMetadata before,
      io.fabric8.kubernetes.api.model.HasMetadata after) {
    return before == null
        || after == null
        || Objects.equals(
            before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
  }

  @Override
  public void onAdd(T o) {}

  @Override
  public void onUpdate(T before, T after) {
    try {
      if (resync(before, after)) {
        return; // a resync: nothing changed
      }
      onEveryUpdate.accept(before, after);
      List<String> what = new ArrayList<>();
      if (!Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())) {
        what.add("labels changed");
      }
      if (!KubernetesObjects.terminating(before) && KubernetesObjects.terminating(after)) {
        what.add("being deleted");
      }
      what.addAll(kindChanges.apply(before, after));
      if (!what.isEmpty()) {
        report(before, after, KubernetesObjects.describe(after) + ": " + String.join(", ", what));
      } else if (!Objects.equals(progress.apply(before), progress.apply(after))) {
        report(before, after, VimChanges.STATUS);
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot report a change of {}", KubernetesObjects.describe(after), e);
    }
  }

  @Override
  public void onDelete(T o, boolean deletedFinalStateUnknown) {
    try {
      report(o, o, KubernetesObjects.describe(o) + " deleted");
    } catch (RuntimeException e) {
      LOG.warn("cannot report the deletion of {}", KubernetesObjects.describe(o), e);
    }
  }

  /** To the VNF in the labels before and, when someone changed that label, after. */
  private void report(T before, T after, String what) {
    Set<String> vnfIds = new LinkedHashSet<>();
    vnfIds.add(vnfId(before));
    vnfIds.add(vnfId(after));
    vnfIds.remove(null);
    for (String vnfId : vnfIds) {
      try {
        changes.vnfChanged(vnfId, what);
      } catch (RuntimeException e) {
        LOG.warn("the receiver failed on a change of VNF {}: {}", vnfId, what, e);
      }
    }
  }

  private static void replicas(Deployment before, Deployment after, VimChanges changes) {
    Integer was = replicas(before);
    Integer now = replicas(after);
    Map<String, String> labels = after.getMetadata().getLabels();
    if (now == null || Objects.equals(was, now) || labels == null) {
      return;
    }
    String vnfId = labels.get(KubernetesLabels.VNF_ID);
    String vdu = labels.get(KubernetesLabels.VDU);
    if (vnfId != null && vdu != null) {
      try {
        changes.instancesChanged(vnfId, vdu, now);
      } catch (RuntimeException e) {
        LOG.warn("the receiver failed on {} instances of VNF {} VDU {}", now, vnfId, vdu, e);
      }
    }
  }

  private static Integer replicas(Deployment d) {
    return d == null || d.getSpec() == null ? null : d.getSpec().getReplicas();
  }

  private static Object template(Deployment d) {
    return d.getSpec() == null ? null : d.getSpec().getTemplate();
  }

  /** The spec but replicas (reported on their own) and the template (compared on its own). */
  private static DeploymentSpec otherSpec(Deployment d) {
    return d.getSpec() == null
        ? null
        : new DeploymentSpecBuilder(d.getSpec()).withReplicas(null).withTemplate(null).build();
  }

  /**
   * What a wait for READY reads of a Deployment's status: the counts and the conditions (type,
   * status, reason; their times move without news).
   */
  private static List<Object> rollout(DeploymentStatus status) {
    if (status == null) {
      return List.of();
    }
    List<Object> conditions =
        status.getConditions() == null
            ? List.of()
            : status.getConditions().stream()
                .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
                .map(Object.class::cast)
                .toList();
    return Arrays.asList(
        status.getObservedGeneration(),
        status.getReplicas(),
        status.getUpdatedReplicas(),
        status.getReadyReplicas(),
        status.getAvailableReplicas(),
        status.getUnavailableReplicas(),
        conditions);
  }

  /** {@code Available=<status>, <n> available}: what a change of availability compares. */
  private static String availability(DeploymentStatus status) {
    String available =
        status == null || status.getConditions() == null
            ? null
            : status.getConditions().stream()
                .filter(c -> "Available".equals(c.getType()))
                .map(c -> c.getStatus())
                .findFirst()
                .orElse(null);
    int replicas =
        status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
    return "Available=%s, %d available".formatted(available, replicas);
  }

  private static String vnfId(HasMetadata o) {
    Map<String, String> labels = o == null ? null : o.getMetadata().getLabels();
    return labels == null ? null : labels.get(KubernetesLabels.VNF_ID);
  }
}
