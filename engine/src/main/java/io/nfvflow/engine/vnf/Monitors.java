package io.nfvflow.engine.vnf;

import io.nfvflow.engine.concurrent.DaemonThreads;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.vim.VimLeases;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.MonitoringPolicy;
import io.nfvflow.vim.Finding;
import io.nfvflow.vim.VnfInstance;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code ping} and {@code http_ping} monitors of the VNFDs' {@code monitoring_policy}: every
 * {@link MonitorSettings#interval}, each management address of a VDU with such a policy is probed
 * ({@link ManagementProbe}) with the policy's parameters, and what fails goes to {@link
 * HealMonitor#monitored}, which acts as the policy says (heal, log, log_and_kill).
 *
 * <p>Which VNFs: those on the VIMs whose lease this node holds ({@link VimLeases}: in a cluster,
 * one node monitors each VIM); of those, ACTIVE ones, and ERROR ones whose last operation was an
 * automatic heal (as {@link HealMonitor} heals them again, within its attempts); never one with a
 * running operation or whose automatic healing gave up. A VDU is first probed {@code
 * monitoring_delay} after the VNF's last instantiate, heal or scale ended, read from the operations
 * table, so the delay is counted again after every heal (Tacker counted it once) and holds across
 * restarts.
 *
 * <p>Which addresses: the VNF's {@code mgmt_ip_address} entry for the VDU. A list has an address
 * per instance: a failing one is reported as that instance (so only it is healed) when the recorded
 * instances tell which it is; a single address, or one no instance claims, is the VDU's.
 *
 * <p>What is reported: the failing addresses of a VNF whenever they differ from the last report (so
 * one answering again is reported too), and again each cycle while they keep failing (a heal that
 * did not repair them leads to another one, which {@link HealMonitor} bounds by its attempts;
 * logged findings keep their first wording, so a log policy writes one MONITOR event per change).
 *
 * <p>Probes run on a bounded pool of their own, the addresses of different VNFs interleaved, and a
 * VNF is not probed again before its last probes ended; every probe ends within its policy's
 * timeouts, so one VNF's dead addresses never hold the others up for longer than that.
 */
@Component
@EnableConfigurationProperties(MonitorSettings.class)
public class Monitors {

  private static final Logger LOG = LoggerFactory.getLogger(Monitors.class);

  /** The operations after which a VDU's {@code monitoring_delay} is counted again. */
  private static final Set<OperationType> RESTARTS =
      EnumSet.of(OperationType.INSTANTIATE, OperationType.HEAL, OperationType.SCALE);

  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final VnfDescriptors descriptors;
  private final InstantiatedState state;
  private final HealMonitor heal;
  private final VimLeases leases;
  private final ManagementProbe probe;
  private final TransactionTemplate tx;
  private final MonitorSettings settings;

  private final ScheduledExecutorService clock = DaemonThreads.scheduler("nfvflow-monitor", 1);
  private final ThreadPoolExecutor probes;
  private final ExecutorService reports =
      Executors.newSingleThreadExecutor(DaemonThreads.named("nfvflow-monitor-report"));

  /** VNFs whose probes of the last cycle have not all ended. */
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  /** Per VNF, the failing targets last reported (by {@link Target#key}), with their findings. */
  private final Map<String, Map<String, Finding>> reported = new ConcurrentHashMap<>();

  /** Why a monitor could not run, as last warned about (one WARN per reason, not per cycle). */
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  public Monitors(
      VnfRepository vnfs,
      LcmOperationRepository operations,
      VnfDescriptors descriptors,
      InstantiatedState state,
      HealMonitor heal,
      VimLeases leases,
      ManagementProbe probe,
      TransactionTemplate tx,
      MonitorSettings settings) {
    this.vnfs = vnfs;
    this.operations = operations;
    this.descriptors = descriptors;
    this.state = state;
    this.heal = heal;
    this.leases = leases;
    this.probe = probe;
    this.tx = tx;
    this.settings = settings;
    this.probes =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            DaemonThreads.named("nfvflow-monitor-probe"));
    this.probes.allowCoreThreadTimeOut(true);
  }

  /** At start: the cycles begin (what failed while nfvflow was down is found by the first). */
  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    if (!settings.enabled()) {
      LOG.info("ping and http_ping monitors are off (nfvflow.heal.monitor.enabled)");
      return;
    }
    long every = settings.interval().toMillis();
    try {
      clock.scheduleWithFixedDelay(this::cycle, every, every, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopped before it started
    }
  }

  @PreDestroy
  void stop() {
    clock.shutdownNow();
    probes.shutdownNow(); // interrupts running probes: a ping process is killed
    reports.shutdownNow();
  }

  /** One address to probe. */
  record Target(
      String vdu, String address, String instanceId, String instanceName, MonitoringPolicy policy) {

    /** What identifies it across cycles: a replaced instance is another target. */
    String key() {
      return vdu + "|" + Objects.toString(instanceId, "") + "|" + address;
    }

    String where() {
      return instanceName == null ? vdu : vdu + " instance " + instanceName;
    }
  }

  /**
   * A VNF to probe now: the targets of its VDUs past their delay, and those of its VDUs still
   * within it whose policy only logs ({@code loggedWaiting}: what they logged stands meanwhile).
   */
  record Due(String vnfId, String name, List<Target> targets, Set<String> loggedWaiting) {}

  /** One cycle: which VNFs are due, their probes started. Never throws. */
  void cycle() {
    List<Due> due;
    try {
      due = due(Instant.now());
    } catch (RuntimeException e) {
      LOG.warn("cannot list the VNFs to monitor: {}", e.getMessage());
      return;
    }
    List<Due> started = due.stream().filter(d -> inFlight.add(d.vnfId())).toList();
    Map<String, List<CompletableFuture<ManagementProbe.Outcome>>> futures = new LinkedHashMap<>();
    started.forEach(d -> futures.put(d.vnfId(), new ArrayList<>()));
    // the first address of every VNF, then the second, ...: a VNF with many never goes first
    int most = started.stream().mapToInt(d -> d.targets().size()).max().orElse(0);
    for (int i = 0; i < most; i++) {
      for (Due d : started) {
        if (i < d.targets().size()) {
          futures.get(d.vnfId()).add(submit(d.targets().get(i)));
        }
      }
    }
    for (Due d : started) {
      List<CompletableFuture<ManagementProbe.Outcome>> mine = futures.get(d.vnfId());
      try {
        CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new))
            .whenCompleteAsync((v, e) -> conclude(d, mine), reports);
      } catch (RejectedExecutionException e) {
        inFlight.remove(d.vnfId()); // stopping
      }
    }
  }

  private CompletableFuture<ManagementProbe.Outcome> submit(Target t) {
    try {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              return probe.probe(t.policy(), t.address());
            } catch (RuntimeException e) {
              // a fault of the probe says nothing about the address
              return ManagementProbe.Outcome.unavailable("probe error: " + e);
            }
          },
          probes);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(
          ManagementProbe.Outcome.unavailable("stopped")); // stopping
    }
  }

  /** The VNFs to probe now, with their targets (each VNF read in a transaction of its own). */
  private List<Due> due(Instant now) {
    List<Due> due = new ArrayList<>();
    Set<String> present = new LinkedHashSet<>();
    for (VnfEntity vnf : vnfs.findAll()) {
      if (!leases.holds(vnf.vimId)) {
        continue; // the node that holds its VIM's lease monitors it
      }
      present.add(vnf.id);
      if (vnf.status != VnfStatus.ACTIVE && vnf.status != VnfStatus.ERROR) {
        continue;
      }
      try {
        Optional<Due> one = tx.execute(s -> due(vnf, now));
        if (one != null) {
          one.ifPresent(due::add);
        }
      } catch (RuntimeException e) {
        // one VNF's unreadable row or descriptor does not stop the others' monitors
        if (warned.add(vnf.id + ": " + e.getMessage())) {
          LOG.warn("cannot monitor VNF {}: {}", vnf.name, e.getMessage());
        }
      }
    }
    reported.keySet().retainAll(present);
    return due;
  }

  /** One VNF's targets, when it is due. */
  private Optional<Due> due(VnfEntity vnf, Instant now) {
    List<MonitoringPolicy> policies =
        descriptors.of(vnf).monitoringPolicies().stream()
            .filter(p -> p.monitor() != MonitoringPolicy.Monitor.NOOP)
            .toList();
    if (policies.isEmpty()) {
      reported.remove(vnf.id);
      return Optional.empty();
    }
    List<LcmOperationEntity> ops = operations.findBySubjectIdOrderByStartedAtDesc(vnf.id);
    if (!monitored(vnf, ops)) {
      return Optional.empty();
    }
    Instant since =
        ops.stream()
            .filter(op -> RESTARTS.contains(op.type))
            .map(op -> op.endedAt)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(vnf.createdAt);
    Map<String, Object> mgmt = JsonColumns.map(vnf.mgmtIpAddress);
    List<VnfInstance> instances = null;
    List<Target> targets = new ArrayList<>();
    boolean probed = false;
    Set<String> loggedWaiting = new LinkedHashSet<>();
    for (MonitoringPolicy p : policies) {
      if (since != null && now.isBefore(since.plus(p.monitoringDelay()))) {
        if (p.onFailure() == MonitoringPolicy.Action.LOG) {
          loggedWaiting.add(p.vdu());
        }
        continue;
      }
      probed = true;
      Object entry = mgmt.get(p.vdu());
      if (entry instanceof String address && !address.isBlank()) {
        targets.add(new Target(p.vdu(), address, null, null, p));
      } else if (entry instanceof List<?> list) {
        if (instances == null) {
          instances = state.stored(vnf.id);
        }
        for (Object a : list) {
          if (a instanceof String address && !address.isBlank()) {
            targets.add(target(p, address, instances));
          }
        }
      } else {
        LOG.debug("VNF {}: VDU {} has no management address to monitor", vnf.name, p.vdu());
      }
    }
    return probed
        ? Optional.of(new Due(vnf.id, vnf.name, targets, loggedWaiting))
        : Optional.empty();
  }

  /** The address's instance when exactly one recorded instance of the VDU has it. */
  private static Target target(MonitoringPolicy p, String address, List<VnfInstance> instances) {
    List<VnfInstance> owners =
        instances.stream()
            .filter(i -> p.vdu().equals(i.vdu()) && i.addresses().contains(address))
            .toList();
    return owners.size() == 1
        ? new Target(p.vdu(), address, owners.get(0).id(), owners.get(0).name(), p)
        : new Target(p.vdu(), address, null, null, p);
  }

  /**
   * Whether a VNF's monitors act now: no operation running, and healable as {@link
   * HealMonitor#healable} says (the monitors feed it).
   */
  private static boolean monitored(VnfEntity vnf, List<LcmOperationEntity> newestFirst) {
    return newestFirst.stream().noneMatch(op -> op.state.isRunning())
        && HealMonitor.healable(vnf, newestFirst);
  }

  /** A VNF's probes ended: report when the failing set changed, or while it fails. */
  private void conclude(Due d, List<CompletableFuture<ManagementProbe.Outcome>> outcomes) {
    try {
      Map<String, Finding> before = reported.getOrDefault(d.vnfId(), Map.of());
      Map<String, Finding> now = new LinkedHashMap<>();
      // a VDU still within its delay: what it logged stands; what would heal it again does not
      before.forEach(
          (key, f) -> {
            if (d.loggedWaiting().contains(f.vdu())) {
              now.put(key, f);
            }
          });
      for (int i = 0; i < d.targets().size(); i++) {
        Target t = d.targets().get(i);
        ManagementProbe.Outcome o = outcomes.get(i).getNow(null);
        if (o == null || o.kind() == ManagementProbe.Outcome.Kind.UNAVAILABLE) {
          unavailable(t, o);
          if (before.containsKey(t.key())) {
            now.put(t.key(), before.get(t.key())); // nothing new is known
          }
        } else if (o.failed()) {
          now.put(t.key(), before.getOrDefault(t.key(), finding(t, o.detail())));
        }
      }
      boolean changed = !now.keySet().equals(before.keySet());
      if (!changed && now.isEmpty()) {
        return;
      }
      Boolean open = tx.execute(s -> reportable(d.vnfId()));
      if (!Boolean.TRUE.equals(open)) {
        return; // an operation began meanwhile: the change is reported by a later cycle
      }
      if (changed) {
        if (now.isEmpty()) {
          LOG.info("VNF {}: its management addresses answer again", d.name());
        } else {
          LOG.info(
              "VNF {}: {}",
              d.name(),
              String.join("; ", now.values().stream().map(Finding::reason).toList()));
        }
      }
      if (now.isEmpty()) {
        reported.remove(d.vnfId());
      } else {
        reported.put(d.vnfId(), now);
      }
      heal.monitored(d.vnfId(), List.copyOf(now.values()));
    } catch (RuntimeException e) {
      LOG.warn("cannot conclude the monitors of VNF {}: {}", d.name(), e.getMessage());
    } finally {
      inFlight.remove(d.vnfId());
    }
  }

  private Boolean reportable(String vnfId) {
    return vnfs.findById(vnfId)
        .filter(v -> monitored(v, operations.findBySubjectIdOrderByStartedAtDesc(vnfId)))
        .isPresent();
  }

  private void unavailable(Target t, ManagementProbe.Outcome o) {
    String why = o == null ? "the probe did not end" : o.detail();
    if (!"stopped".equals(why) && warned.add(t.policy().monitor() + ": " + why)) {
      // ping: known once, so it holds until nfvflow restarts; nothing is reported as failing
      LOG.warn(
          "the {} monitor cannot run ({} of VDU {} is not checked): {}",
          t.policy().monitor().tackerName(),
          t.address(),
          t.vdu(),
          why);
    }
  }

  /**
   * The finding for a failing target: the instance when the address is one's (its failure time is
   * when the monitor first saw it), else the VDU (no time: the monitor's retries are its
   * threshold).
   */
  private static Finding finding(Target t, String detail) {
    String reason =
        "%s to %s (%s) failed: %s"
            .formatted(
                t.policy().monitor().tackerName(),
                ManagementProbe.target(t.policy(), t.address()),
                t.where(),
                detail);
    return t.instanceId() == null
        ? Finding.vdu(t.vdu(), reason, null)
        : Finding.instance(t.vdu(), t.instanceId(), reason, Instant.now());
  }
}
