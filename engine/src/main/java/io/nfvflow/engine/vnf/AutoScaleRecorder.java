package io.nfvflow.engine.vnf;

import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.lcm.OperationState;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimChanges;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import java.util.Optional;
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
public class AutoScaleRecorder implements VimChanges {

  private static final Logger LOG = LoggerFactory.getLogger(AutoScaleRecorder.class);

  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final VnfdCatalogue catalogue;
  private final InstantiatedState state;
  private final VimRegistry vims;
  private final VimDrivers drivers;
  private final EventLog events;
  private final TransactionTemplate tx;

  public AutoScaleRecorder(
      VnfRepository vnfs,
      LcmOperationRepository operations,
      @Lazy VnfdCatalogue catalogue,
      InstantiatedState state,
      @Lazy VimRegistry vims,
      VimDrivers drivers,
      EventLog events,
      TransactionTemplate tx) {
    this.vnfs = vnfs;
    this.operations = operations;
    this.catalogue = catalogue;
    this.state = state;
    this.vims = vims;
    this.drivers = drivers;
    this.events = events;
    this.tx = tx;
  }

  @Override
  public void instancesChanged(String vnfId, String vdu, int instances) {
    try {
      Optional<VnfOnVim> changed = tx.execute(s -> record(vnfId, vdu, instances));
      changed.ifPresent(this::observe);
    } catch (RuntimeException e) {
      LOG.warn("cannot record the scaling of VNF {} VDU {}: {}", vnfId, vdu, e.getMessage());
    }
  }

  private Optional<VnfOnVim> record(String vnfId, String vdu, int instances) {
    VnfEntity vnf = vnfs.findById(vnfId).orElse(null);
    if (vnf == null
        || vnf.status != VnfStatus.ACTIVE
        || !operations.findByVnfIdAndStateIn(vnfId, OperationState.running()).isEmpty()) {
      return Optional.empty();
    }
    VnfDescriptor descriptor =
        catalogue.descriptor(catalogue.find(vnf.vnfdId), VnfLifecycle.params(vnf));
    // only an autoscaler's changes are a new level; any other edit is drift, healing's business
    Optional<ScalingPolicy> policy =
        descriptor.scalingPolicyFor(vdu).filter(p -> p.targetCpuUtilizationPercentage() != null);
    if (policy.isEmpty() || state.instances(vnfId, policy.get()) == instances) {
      return Optional.empty();
    }
    int before = state.instances(vnfId, policy.get());
    state.setScale(vnfId, policy.get().name(), instances);
    events.record(
        EventLog.VNF,
        vnfId,
        vnf.status.name(),
        "SCALE",
        "%s scaled %s from %d to %d instances by the autoscaler of %s"
            .formatted(
                policy.get().name(), instances > before ? "out" : "in", before, instances, vdu));
    return Optional.of(
        new VnfOnVim(vims.connection(vnf.vimId), vnfId, descriptor, state.scale(vnfId)));
  }

  private void observe(VnfOnVim vnf) {
    String type = vims.find(vnf.vim().vimId()).getType();
    state.record(vnf.vnfId(), drivers.driver(type).observe(vnf));
  }
}
