package io.nfvflow.engine.vnf;

import io.nfvflow.engine.concurrent.DaemonThreads;
import io.nfvflow.lcm.LcmVariables;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Ends the pauses of {@code vnf-wait} when a VIM's watch reports a change of the VNF: correlates
 * the message {@code VnfChanged-<vnfId>} to every wait of that VNF, so it looks again at once
 * instead of after its poll delay. Runs on its own threads (a slow database never stalls a watch);
 * changes of one VNF that arrive while its correlation is queued are one correlation.
 *
 * <p>A change while the wait looks (its {@code CheckProgress} read the VIM, but its transaction,
 * which subscribes to the message, has not committed) finds nothing to correlate, and that look may
 * have read the VIM before the change. So when a correlation finds nothing but a wait of the VNF
 * exists, it is tried again after {@link #RETRIES} (by then the look has committed and waits for
 * the message); beyond that, the wait's timer is the safety net. A VNF with no wait costs one query
 * per change and is not tried again.
 */
@Component
public class VnfWaits {

  private static final Logger LOG = LoggerFactory.getLogger(VnfWaits.class);

  /** The process that waits. */
  static final String WAIT_PROCESS = "vnf-wait";

  /** When a correlation that found nothing while a wait exists is tried again (after the first). */
  static final List<Duration> RETRIES = List.of(Duration.ofMillis(100), Duration.ofMillis(500));

  private final RuntimeService runtime;
  private final List<Duration> retries;

  private final ScheduledExecutorService worker = DaemonThreads.scheduler("nfvflow-vnf-waits", 2);

  /** VNFs with a correlation queued and not yet begun. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  @Autowired
  public VnfWaits(@Lazy RuntimeService runtime) {
    this(runtime, RETRIES);
  }

  VnfWaits(RuntimeService runtime, List<Duration> retries) {
    this.runtime = runtime;
    this.retries = retries;
  }

  /** The VIM reported a change of the VNF's objects: its waits look again. Never blocks. */
  public void changed(String vnfId) {
    if (queued.add(vnfId)) {
      if (!submit(vnfId, 0, Duration.ZERO)) {
        queued.remove(vnfId);
      }
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  private boolean submit(String vnfId, int attempt, Duration delay) {
    try {
      worker.schedule(() -> correlate(vnfId, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (RejectedExecutionException e) {
      return false; // shutting down
    }
  }

  /** One correlation; again later when it found nothing but a wait of the VNF exists. */
  void correlate(String vnfId, int attempt) {
    if (attempt == 0) {
      queued.remove(vnfId); // a change from now on is correlated again
    }
    try {
      int woken =
          runtime
              .createMessageCorrelation(LcmVariables.vnfChanged(vnfId))
              .correlateAllWithResult()
              .size();
      if (woken > 0) {
        LOG.debug("VNF {}: change ended {} wait(s)", vnfId, woken);
      } else if (attempt < retries.size() && waiting(vnfId)) {
        submit(vnfId, attempt + 1, retries.get(attempt));
      }
    } catch (OptimisticLockingException e) {
      // the wait's timer fired meanwhile: its look comes after the change anyway
      LOG.debug("VNF {}: the wait moved on by itself", vnfId);
    } catch (RuntimeException e) {
      // the wait's timer still ends it
      LOG.warn("VNF {}: cannot end its waits on a change: {}", vnfId, e.getMessage());
    }
  }

  /** Whether a wait of the VNF runs (then it is looking, or about to). */
  private boolean waiting(String vnfId) {
    return runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(WAIT_PROCESS)
            .variableValueEquals(LcmVariables.VNF_ID, vnfId)
            .count()
        > 0;
  }
}
