package io.nfvflow.engine.vnf;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.nfvflow.vim.VimChanges;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Every change a watch reports ends the VNF's waits; only drift reaches healing, so the progress
 * reported for waits (STATUS) never starts a heal.
 */
class VimChangeRouterTest {

  private final AutoScaleRecorder autoscale = mock(AutoScaleRecorder.class);
  private final HealMonitor heal = mock(HealMonitor.class);
  private final VnfWaits waits = mock(VnfWaits.class);
  private final ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
  private final VimChangeRouter router = new VimChangeRouter(autoscale, heal, waits, publisher);

  @Test
  void progressEndsWaitsAndNothingElse() {
    router.vnfChanged("vnf-1", VimChanges.STATUS);

    verify(waits).changed("vnf-1");
    verify(heal, never()).changed(anyString(), anyString());
    verify(publisher, never()).publishEvent(any(Object.class));
  }

  @Test
  void driftEndsWaitsAndIsLookedAtForHealing() {
    router.vnfChanged("vnf-1", "Service default/vdu1 deleted");

    verify(waits).changed("vnf-1");
    verify(heal).changed("vnf-1", "Service default/vdu1 deleted");
  }

  @Test
  void portsEndWaitsAndGoToTheChains() {
    router.vnfChanged("vnf-1", VimChanges.PORTS);

    verify(waits).changed("vnf-1");
    verify(publisher).publishEvent(new VimChangeRouter.PortsChanged("vnf-1"));
    verify(heal, never()).changed(anyString(), anyString());
  }

  @Test
  void replicasEndWaitsAndGoToAutoscaleAndHealing() {
    router.instancesChanged("vnf-1", "VDU1", 3);

    verify(waits).changed("vnf-1");
    verify(autoscale).instancesChanged("vnf-1", "VDU1", 3);
    verify(heal).changed("vnf-1", "replicas of VDU1 changed to 3");
  }
}
