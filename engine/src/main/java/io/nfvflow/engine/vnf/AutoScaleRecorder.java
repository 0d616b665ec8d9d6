package io.nfvflow.engine.vnf;

import io.nfvflow.engine.concurrent.DaemonThreads;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.lcm.OperationState;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records scaling that nfvflow did not do (a HorizontalPodAutoscaler's): the VNF's level follows, a
 * SCALE event says who scaled what, and the instances are read again. Changes while an operation
 * runs on the VNF are that operation's own and are left to it.
 */
@Component
public class AutoScaleRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(AutoScaleRecorder.class);

  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final VnfDescriptors descriptors;
  private final InstantiatedState state;
  private final VimRegistry vims;
  private final VimDrivers drivers;
  private final EventLog events;
  private final TransactionTemplate tx;

  public AutoScaleRecorder(
      VnfRepository vnfs,
      LcmOperationRepository operations,
      VnfDescriptors descriptors,
      InstantiatedState state,
      @Lazy VimRegistry vims,
      VimDrivers drivers,
      EventLog events,
      TransactionTemplate tx) {
    this.vnfs = vnfs;
    this.operations = operations;
    this.descriptors = descriptors;
    this.state = state;
    this.vims = vims;
    this.drivers = drivers;
    this.events = events;
    this.tx = tx;
  }

  /** Reads the instances again once the autoscaler's pods are ready, at most this many times. */
  static final int OBSERVE_ATTEMPTS = 30;

  private final ScheduledExecutorService worker =
      DaemonThreads.scheduler("nfvflow-autoscale-recorder", 1);

  /** Called on the watch's thread: hands the work to this recorder's own thread. */
  public void instancesChanged(String vnfId, String vdu, int instances) {
    worker.execute(
        () -> {
          try {
            tx.execute(s -> record(vnfId, vdu, instances)).ifPresent(vnf -> observe(vnf, 1));
          } catch (RuntimeException e) {
            LOG.warn("cannot record the scaling of VNF {} VDU {}: {}", vnfId, vdu, e.getMessage());
          }
        });
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  private Optional<VnfOnVim> record(String vnfId, String vdu, int instances) {
    VnfEntity vnf = vnfs.findById(vnfId).orElse(null);
    if (vnf == null
        || vnf.status != VnfStatus.ACTIVE
        || !operations.findBySubjectIdAndStateIn(vnfId, OperationState.running()).isEmpty()) {
      return Optional.empty();
    }
    VnfDescriptor descriptor = descriptors.of(vnf);
    // only an autoscaler's changes are a new level; any other edit is drift, healing's business
    Optional<ScalingPolicy> policy =
        descriptor.scalingPolicyFor(vdu).filter(p -> p.targetCpuUtilizationPercentage() != null);
    int before = policy.map(p -> state.instances(vnfId, p)).orElse(instances);
    if (before == instances) {
      return Optional.empty();
    }
    state.setAutoscaled(vnfId, policy.get().name(), instances);
    events.record(
        EventLog.VNF,
        vnfId,
        vnf.status.name(),
        "SCALE",
        "%s scaled %s from %d to %d instances by the autoscaler of %s"
            .formatted(
                policy.get().name(), instances > before ? "out" : "in", before, instances, vdu));
    return Optional.of(state.levels(vnfId).on(vims.connection(vnf.vimId), vnfId, descriptor));
  }

  /**
   * Records the instances once the VIM has the new count ready (pods take a moment), polling at the
   * VIM type's cadence; after {@link #OBSERVE_ATTEMPTS} it records what is there.
   */
  private void observe(VnfOnVim vnf, int attempt) {
    VimDriver driver = drivers.driver(vims.find(vnf.vim().vimId()).getType());
    Progress progress = driver.progress(vnf, WaitGoal.READY);
    if (progress.done() || progress.failed() || attempt >= OBSERVE_ATTEMPTS) {
      state.record(vnf.vnfId(), driver.observe(vnf));
      return;
    }
    Duration delay = driver.cadence().next(null).multipliedBy(Math.min(attempt, 5));
    worker.schedule(
        () -> {
          try {
            observe(vnf, attempt + 1);
          } catch (RuntimeException e) {
            LOG.warn("cannot read the instances of VNF {}: {}", vnf.vnfId(), e.getMessage());
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
