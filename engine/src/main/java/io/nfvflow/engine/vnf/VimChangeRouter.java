package io.nfvflow.engine.vnf;

import io.nfvflow.vim.VimChanges;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The engine's receiver of what VIM watches report: every change ends the waits of the VNF ({@link
 * VnfWaits}); replica changes go to the autoscale recorder, port changes to the chains, progress
 * only ({@link VimChanges#STATUS}) nowhere else, every other change to the heal monitor. Called on
 * a watch's thread: all of them hand the work to their own threads at once.
 */
@Component
@Primary
public class VimChangeRouter implements VimChanges {

  private final AutoScaleRecorder autoscale;
  private final HealMonitor heal;
  private final VnfWaits waits;
  private final org.springframework.context.ApplicationEventPublisher publisher;

  public VimChangeRouter(
      AutoScaleRecorder autoscale,
      HealMonitor heal,
      VnfWaits waits,
      org.springframework.context.ApplicationEventPublisher publisher) {
    this.autoscale = autoscale;
    this.heal = heal;
    this.waits = waits;
    this.publisher = publisher;
  }

  /**
   * The network ports of a VNF's instances changed on the VIM (a pod's Kuryr record appeared,
   * changed or went): chains through the VNF follow. Published on the watch's thread.
   */
  public record PortsChanged(String vnfId) {}

  @Override
  public void instancesChanged(String vnfId, String vdu, int instances) {
    waits.changed(vnfId);
    autoscale.instancesChanged(vnfId, vdu, instances);
    // an autoscaler's change within its bounds is a new level; anyone else's is drift
    heal.changed(vnfId, "replicas of " + vdu + " changed to " + instances);
  }

  @Override
  public void vnfChanged(String vnfId, String what) {
    waits.changed(vnfId);
    if (VimChanges.STATUS.equals(what)) {
      return; // progress of a rollout or a removal: no drift
    }
    if (VimChanges.PORTS.equals(what)) {
      publisher.publishEvent(new PortsChanged(vnfId));
      return;
    }
    heal.changed(vnfId, what);
  }
}
