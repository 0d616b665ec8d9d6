package io.nfvflow.engine.vnffg;

import io.nfvflow.chain.ChainException;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.engine.concurrent.DaemonThreads;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vnf.ChainedVnfs;
import io.nfvflow.engine.vnf.InstantiatedState;
import io.nfvflow.engine.vnf.LcmOperationRepository;
import io.nfvflow.engine.vnf.Operations;
import io.nfvflow.engine.vnf.VimChangeRouter;
import io.nfvflow.engine.vnf.VnfDescriptors;
import io.nfvflow.engine.vnf.VnfEntity;
import io.nfvflow.engine.vnf.VnfRepository;
import io.nfvflow.lcm.OperationState;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps chains on their VNFs: whenever a chained VNF's instances are recorded (a scale, a heal, an
 * autoscaler, a pod whose Kuryr port appeared) and the chain's port pairs no longer match them, an
 * automatic {@code vnffg-update} converges the port pair groups — the chain itself is not rebuilt.
 * Event-driven, with a safety net: a chained VNF is read again twice after an operation on it ends.
 */
@Component
class ChainFollower implements ChainedVnfs {

  private static final Logger LOG = LoggerFactory.getLogger(ChainFollower.class);

  /**
   * The pauses before a chained VNF's instances are read again after an operation on it ended: 5 s
   * after the end, then 30 s after it.
   */
  static final List<Duration> LOOK_AGAIN = List.of(Duration.ofSeconds(5), Duration.ofSeconds(25));

  /** Attempts of one piece of the follower's work that lost an optimistic lock. */
  private static final int TX_ATTEMPTS = 3;

  private final VnffgRepository vnffgs;
  private final NfpRepository nfps;
  private final ChainInventoryAdapter inventory;
  private final VnffgLifecycle lifecycle;
  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final InstantiatedState state;
  private final VnfDescriptors descriptors;
  private final VimRegistry vims;
  private final VimDirectory directory;
  private final VimDrivers drivers;
  private final TransactionTemplate tx;

  private final Set<String> deferred = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService worker =
      DaemonThreads.scheduler("nfvflow-chain-follower", 1);

  ChainFollower(
      VnffgRepository vnffgs,
      NfpRepository nfps,
      ChainInventoryAdapter inventory,
      VnffgLifecycle lifecycle,
      VnfRepository vnfs,
      LcmOperationRepository operations,
      InstantiatedState state,
      VnfDescriptors descriptors,
      VimRegistry vims,
      VimDirectory directory,
      VimDrivers drivers,
      TransactionTemplate tx) {
    this.vnffgs = vnffgs;
    this.nfps = nfps;
    this.inventory = inventory;
    this.lifecycle = lifecycle;
    this.vnfs = vnfs;
    this.operations = operations;
    this.state = state;
    this.descriptors = descriptors;
    this.vims = vims;
    this.directory = directory;
    this.drivers = drivers;
    this.tx = tx;
  }

  @Override
  public List<String> chainsOf(String vnfId) {
    return vnffgs.chaining(vnfId).stream().map(v -> v.name).toList();
  }

  /** A VNF's instances were recorded: its chains follow if their port pairs differ. */
  @TransactionalEventListener(fallbackExecution = true)
  public void recorded(InstantiatedState.InstancesRecorded recorded) {
    run(() -> check(recorded.vnfId()));
  }

  /** A VNF's ports changed on its VIM: read its instances again (then {@link #recorded}). */
  @EventListener
  public void portsChanged(VimChangeRouter.PortsChanged changed) {
    run(() -> refresh(changed.vnfId()));
  }

  /**
   * An operation ended: a follow that waited for it runs now. Checked on the follower's one worker
   * thread, like every deferral, so an operation that ends while a refresh defers to it is seen.
   */
  @TransactionalEventListener(fallbackExecution = true)
  public void ended(Operations.Ended ended) {
    if (ended.onVnf()) {
      // on the worker, after any refresh that is deferring this VNF right now: no lost wake-up
      run(
          () -> {
            if (deferred.remove(ended.subjectId())) {
              refresh(ended.subjectId());
            }
          });
      lookAgain(ended.subjectId(), 0);
      return;
    }
    run(() -> inTx(() -> followIfPending(ended)));
  }

  /** A VNFFG's operation ended: the follow marked while it ran, if any, runs now. */
  private void followIfPending(Operations.Ended ended) {
    VnffgEntity vnffg = vnffgs.findById(ended.subjectId()).orElse(null);
    if (vnffg == null || !Boolean.TRUE.equals(vnffg.followPending)) {
      return;
    }
    if (ended.type() == OperationType.INSTANTIATE && ended.state() != OperationState.COMPLETED) {
      vnffg.followPending = null; // a failed create is not repaired unasked
    } else {
      followIfDiffers(vnffg, "changes while an operation ran");
    }
  }

  /**
   * A safety net after an operation on a chained VNF: its instances are read again a little later,
   * and its chains follow if their port pairs differ — for a VIM event that never came (a watch
   * that reconnected). Reading again is idempotent.
   */
  private void lookAgain(String vnfId, int look) {
    if (look >= LOOK_AGAIN.size()) {
      return;
    }
    try {
      worker.schedule(
          guarded(
              () -> {
                if (vnffgs.chaining(vnfId).isEmpty()) {
                  return; // not chained: no further look
                }
                lookAgain(vnfId, look + 1);
                refresh(vnfId);
              }),
          LOOK_AGAIN.get(look).toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopping
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  private void run(Runnable work) {
    worker.execute(guarded(work));
  }

  private static Runnable guarded(Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.warn("cannot bring a chain up to date: {}", e.getMessage());
      }
    };
  }

  /**
   * Work in a transaction, again when another transaction changed the same VNFFG or VNF meanwhile
   * (their optimistic locks): a follow that is due must not be lost to a concurrent status write.
   */
  private void inTx(Runnable work) {
    for (int attempt = 1; ; attempt++) {
      try {
        tx.executeWithoutResult(s -> work.run());
        return;
      } catch (OptimisticLockingFailureException e) {
        if (attempt == TX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void check(String vnfId) {
    inTx(
        () -> {
          String name = vnfs.findById(vnfId).map(VnfEntity::name).orElse(vnfId);
          for (VnffgEntity vnffg : vnffgs.chaining(vnfId)) {
            followIfDiffers(vnffg, "the instances of VNF " + name + " changed");
          }
        });
  }

  private void followIfDiffers(VnffgEntity vnffg, String why) {
    // while an operation runs (a create included: its steps may have planned before this change),
    // follow only marks the VNFFG, and the operation's end looks again
    if (vnffg.status == VnfStatus.PENDING_DELETE) {
      return;
    }
    if (differs(vnffg)) {
      lifecycle.follow(vnffg.id, why);
    } else {
      vnffg.followPending = null;
    }
  }

  /** Whether the chain's realised port pairs differ from what its VNFs' instances call for. */
  private boolean differs(VnffgEntity vnffg) {
    ChainPlan plan;
    try {
      plan = inventory.plan(vnffg.id);
    } catch (ChainException e) {
      return true;
    }
    Map<String, NfpEntity> rows = new java.util.HashMap<>();
    nfps.findByVnffgIdOrderByPosition(vnffg.id).forEach(n -> rows.put(n.id, n));
    for (ChainPlan.Path path : plan.paths()) {
      NfpEntity nfp = rows.get(path.nfpId());
      if (nfp == null
          || nfp.chain == null
          || !JsonColumns.write(ChainInventoryAdapter.chainView(path)).equals(nfp.chain)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a VNF's instances from its VIM again after its ports changed (a pod's Kuryr record came
   * after the VNF's instances were recorded), unless an operation will record them anyway.
   */
  private void refresh(String vnfId) {
    inTx(
        () -> {
          VnfEntity vnf = vnfs.findById(vnfId).orElse(null);
          // also when no chain uses the VNF yet: a chain made later plans from these ports
          if (vnf == null) {
            return;
          }
          if (!operations.findBySubjectIdAndStateIn(vnfId, OperationState.running()).isEmpty()) {
            deferred.add(vnfId);
            return;
          }
          VnfOnVim on =
              state.levels(vnfId).on(directory.connection(vnf.vimId()), vnfId, descriptors.of(vnf));
          VimDriver driver = drivers.driver(vims.find(vnf.vimId()).getType());
          state.record(vnfId, driver.observe(on));
        });
  }
}
