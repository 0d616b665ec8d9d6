package io.nfvflow.engine.vnf;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nfvflow.engine.concurrent.DaemonThreads;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vim.VimEntity;
import io.nfvflow.engine.vim.VimLeases;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vim.VimRepository;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.MonitoringPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Finding;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic healing: looks at a VNF when its VIM reports a change (a Kubernetes watch), when a
 * survey of a VIM that cannot be watched (OpenStack) shows its instances changed, when an operation
 * that held a detection back ends, and at start for every VNF (what broke while nfvflow was down is
 * healed after it starts; in a cluster, by the node that holds the VIM's lease, {@link VimLeases},
 * and again by the node that takes it over). Looking means asking the VIM's driver what is wrong
 * ({@link VimDriver#diagnose}); what it finds starts a heal of the right level, or whatever the
 * VDU's {@code monitoring_policy} says instead.
 *
 * <p>Safety: a VNF with a running operation is not looked at; the detection is remembered and
 * repeated when the operation ends. At most {@link HealSettings#maxAttempts} automatic heals per
 * VNF within {@link HealSettings#window}; then the VNF goes to ERROR with the reason and automatic
 * healing leaves it alone until an operator heals it. Everything runs on this monitor's own
 * threads, never on a watch's.
 */
@Component
public class HealMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(HealMonitor.class);

  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final VnfDescriptors descriptors;
  private final InstantiatedState state;
  private final VimRepository vimRows;
  private final VimRegistry vims;
  private final VimLeases leases;
  private final VimDrivers drivers;
  private final VnfLifecycle lifecycle;
  private final Operations core;
  private final EventLog events;
  private final TransactionTemplate tx;
  private final HealSettings settings;
  private final Timer detection;

  private final ScheduledExecutorService worker =
      DaemonThreads.scheduler("nfvflow-heal-monitor", 2);

  /** VNFs with a look already scheduled (debounce). */
  private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

  /**
   * When a watch first reported a change of a VNF since its last look: the change's time for
   * findings the VIM does not date (a deleted object has no timestamp left).
   */
  private final Map<String, Instant> reported = new ConcurrentHashMap<>();

  /** VNFs whose detection waits for the running operation to end. */
  private final Set<String> deferred = ConcurrentHashMap.newKeySet();

  /** What was last said for a VNF's logged (not healed) findings: one MONITOR event per change. */
  private final Map<String, String> logged = new ConcurrentHashMap<>();

  public HealMonitor(
      VnfRepository vnfs,
      LcmOperationRepository operations,
      VnfDescriptors descriptors,
      InstantiatedState state,
      VimRepository vimRows,
      @Lazy VimRegistry vims,
      VimLeases leases,
      VimDrivers drivers,
      @Lazy VnfLifecycle lifecycle,
      @Lazy Operations core,
      EventLog events,
      TransactionTemplate tx,
      HealSettings settings,
      ObjectProvider<MeterRegistry> meters) {
    this.vnfs = vnfs;
    this.operations = operations;
    this.descriptors = descriptors;
    this.state = state;
    this.vimRows = vimRows;
    this.vims = vims;
    this.leases = leases;
    this.drivers = drivers;
    this.lifecycle = lifecycle;
    this.core = core;
    this.events = events;
    this.tx = tx;
    this.settings = settings;
    MeterRegistry registry = meters.getIfAvailable();
    this.detection =
        registry == null
            ? null
            : Timer.builder("nfvflow.heal.detection")
                .description("From a VIM's change to the start of the automatic heal")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
  }

  /** A watch saw an object of the VNF change: look at the VNF soon (events come in bursts). */
  public void changed(String vnfId, String what) {
    LOG.debug("VNF {}: {}", vnfId, what);
    reported.putIfAbsent(vnfId, Instant.now());
    schedule(vnfId, settings.debounce());
  }

  /**
   * A monitor of the VNFD's {@code monitoring_policy} (ping, http_ping) reports what it found for
   * one VNF: failing management addresses as findings, or nothing once they answer again. The
   * findings are acted on as the VDU's policy says (heal, log, log_and_kill). Called on the
   * monitor's thread; never throws.
   */
  public void monitored(String vnfId, List<Finding> findings) {
    try {
      Optional<Subject> subject = tx.execute(s -> subject(vnfId));
      if (subject != null && subject.isPresent()) {
        act(subject.get(), findings, Instant.now(), "monitor");
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot act on the monitor of VNF {}: {}", vnfId, e.getMessage());
    }
  }

  /**
   * At start: the survey of unwatched VIMs begins, and detections that wait for an operation are
   * looked at again every few seconds (the operation may end on another node of a cluster).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    long every = settings.pollInterval().toMillis();
    worker.scheduleWithFixedDelay(this::surveyAll, 1000, every, TimeUnit.MILLISECONDS);
    worker.scheduleWithFixedDelay(this::retryDeferred, 5000, 5000, TimeUnit.MILLISECONDS);
  }

  /**
   * This node took a VIM's lease (at start, or from a node that died): every VNF on it is looked
   * at, staggered, so what broke meanwhile is healed.
   */
  @EventListener
  public void gained(VimLeases.Gained gained) {
    List<String> all =
        tx.execute(s -> vnfs.findByVimId(gained.vimId()).stream().map(v -> v.id).toList());
    long delay = 2000;
    for (String id : all) {
      schedule(id, Duration.ofMillis(delay));
      delay += 50;
    }
  }

  /** Detections held back by an operation: looked at again (it may have ended on another node). */
  void retryDeferred() {
    for (String vnfId : List.copyOf(deferred)) {
      schedule(vnfId, Duration.ZERO);
    }
  }

  /** An operation ended: a detection that waited for it, or an automatic heal, is looked at. */
  @TransactionalEventListener(fallbackExecution = true)
  public void ended(Operations.Ended ended) {
    if (!ended.onVnf()) {
      return;
    }
    if (deferred.remove(ended.subjectId())
        || (ended.type() == OperationType.HEAL && ended.automatic())) {
      schedule(ended.subjectId(), settings.debounce());
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  void schedule(String vnfId, Duration delay) {
    if (!scheduled.add(vnfId)) {
      return;
    }
    try {
      worker.schedule(
          () -> {
            scheduled.remove(vnfId);
            look(vnfId);
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      scheduled.remove(vnfId); // shutting down
    }
  }

  /** One look at a VNF: diagnose, then act. Never throws. */
  void look(String vnfId) {
    Instant seen = reported.remove(vnfId);
    try {
      Optional<Subject> subject = tx.execute(s -> subject(vnfId));
      if (subject == null || subject.isEmpty()) {
        return;
      }
      Subject vnf = subject.get();
      List<Finding> findings = vnf.driver().diagnose(vnf.on());
      act(vnf, undated(findings, seen), Instant.now(), "vim");
    } catch (RuntimeException e) {
      LOG.warn("cannot look at VNF {}: {}", vnfId, e.getMessage());
    }
  }

  /**
   * A VNF that may be healed now, with what its driver needs; empty when it is gone, busy (then
   * remembered), not in a status that automatic healing touches, or suspended.
   */
  private Optional<Subject> subject(String vnfId) {
    VnfEntity vnf = vnfs.findById(vnfId).orElse(null);
    if (vnf == null) {
      return Optional.empty();
    }
    // remembered before the query: an operation that ends meanwhile finds it (and looks again)
    deferred.add(vnfId);
    List<LcmOperationEntity> newestFirst = operations.findBySubjectIdOrderByStartedAtDesc(vnfId);
    if (newestFirst.stream().anyMatch(op -> op.state.isRunning())) {
      return Optional.empty();
    }
    deferred.remove(vnfId);
    if (!healable(vnf, newestFirst)) {
      return Optional.empty();
    }
    VnfDescriptor descriptor = descriptors.orNull(vnf);
    if (descriptor == null) {
      return Optional.empty();
    }
    VimEntity vim = vims.find(vnf.vimId);
    VimConnection connection = vims.connection(vnf.vimId);
    return Optional.of(
        new Subject(
            vnf.id,
            vnf.name,
            drivers.driver(vim.getType()),
            state.levels(vnf.id).on(connection, vnf.id, descriptor),
            settings.enabled() && vim.autoHeal()));
  }

  /**
   * Whether automatic healing (and the monitors that feed it) may act on a VNF with no operation
   * running: not given up on, and ACTIVE, or ERROR because its last automatic heal failed (it is
   * tried again, within the attempts).
   *
   * @param newestFirst the VNF's operations, newest first
   */
  static boolean healable(VnfEntity vnf, List<LcmOperationEntity> newestFirst) {
    if (Boolean.TRUE.equals(vnf.autoHealSuspended)) {
      return false;
    }
    if (vnf.status == VnfStatus.ACTIVE) {
      return true;
    }
    return vnf.status == VnfStatus.ERROR
        && !newestFirst.isEmpty()
        && newestFirst.get(0).type == OperationType.HEAL
        && Boolean.TRUE.equals(newestFirst.get(0).automatic);
  }

  private record Subject(String id, String name, VimDriver driver, VnfOnVim on, boolean autoHeal) {}

  /** What the findings call for, VDU by VDU as the VNFD's monitoring policies say. */
  void act(Subject vnf, List<Finding> findings, Instant now, String source) {
    List<Finding> heal = new ArrayList<>();
    List<Finding> log = new ArrayList<>();
    List<Finding> kill = new ArrayList<>();
    Instant recheck = null;
    for (Finding f : findings) {
      if (f.scope() == Finding.Scope.VDU
          && f.since() != null
          && f.since().plus(settings.unavailableAfter()).isAfter(now)) {
        Instant at = f.since().plus(settings.unavailableAfter());
        recheck = recheck == null || at.isBefore(recheck) ? at : recheck;
        continue;
      }
      MonitoringPolicy.Action action =
          Optional.ofNullable(f.vdu())
              .flatMap(vdu -> vnf.on().descriptor().monitoringPolicy(vdu))
              .map(MonitoringPolicy::onFailure)
              .orElse(MonitoringPolicy.Action.RESPAWN);
      if (action == MonitoringPolicy.Action.LOG_AND_KILL) {
        kill.add(f);
      } else if (action.heals() && vnf.autoHeal()) {
        heal.add(f);
      } else {
        log.add(f);
      }
    }
    if (recheck != null) {
      schedule(vnf.id(), Duration.between(now, recheck).plusMillis(200));
    }
    logChanges(vnf, log, source);
    if (!kill.isEmpty()) {
      kill(vnf, kill);
    } else if (!heal.isEmpty()) {
      heal(vnf, heal, now);
    }
  }

  /** Findings the VIM does not date get the time the watch reported the change, if it did. */
  private static List<Finding> undated(List<Finding> findings, Instant seen) {
    if (seen == null) {
      return findings;
    }
    return findings.stream()
        .map(
            f ->
                f.since() != null || f.scope() == Finding.Scope.VDU
                    ? f
                    : new Finding(f.scope(), f.vdu(), f.instanceId(), f.reason(), seen))
        .toList();
  }

  /** One MONITOR event when what is logged for the VNF changes (Tacker wrote one every 10 s). */
  private void logChanges(Subject vnf, List<Finding> log, String source) {
    // the VIM's findings and the monitors' are logged apart: one finding nothing must not read as
    // the other recovering
    String key = vnf.id() + "/" + source;
    String now = describe(log);
    String before = logged.getOrDefault(key, "");
    if (now.equals(before)) {
      return;
    }
    if (now.isEmpty()) {
      logged.remove(key);
    } else {
      logged.put(key, now);
    }
    String detail =
        now.isEmpty()
            ? "monitor: recovered (was: %s)".formatted(before)
            : "monitor: %s (%s)"
                .formatted(
                    now, vnf.autoHeal() ? "monitoring policy: log" : "automatic healing off");
    tx.executeWithoutResult(s -> monitorEvent(vnf.id(), null, detail));
  }

  /** A MONITOR event of the VNF, in the caller's transaction; state null: its status. */
  private void monitorEvent(String vnfId, VnfStatus state, String detail) {
    vnfs.findById(vnfId)
        .ifPresent(
            v ->
                events.record(
                    EventLog.VNF,
                    v.id,
                    (state != null ? state : v.status).name(),
                    "MONITOR",
                    Operations.truncate(detail)));
  }

  /** log_and_kill: the VNF is terminated (and its DEAD event says why). */
  private void kill(Subject vnf, List<Finding> kill) {
    String reason = describe(kill);
    LOG.warn("VNF {}: {}; monitoring policy log_and_kill: terminating", vnf.name(), reason);
    try {
      tx.executeWithoutResult(
          s -> {
            monitorEvent(
                vnf.id(),
                VnfStatus.DEAD,
                "monitor: %s; monitoring policy log_and_kill: terminating the VNF"
                    .formatted(reason));
            lifecycle.terminate(vnf.id(), false);
          });
    } catch (TackerException e) {
      LOG.info("VNF {}: cannot terminate now: {}", vnf.name(), e.getMessage());
      deferred.add(vnf.id());
    }
  }

  private void heal(Subject vnf, List<Finding> heal, Instant now) {
    Instant changed =
        heal.stream()
            .map(Finding::since)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null);
    String reason = describe(heal);
    try {
      boolean started =
          Boolean.TRUE.equals(
              tx.execute(
                  s -> {
                    Instant window = now.minus(settings.window());
                    long attempts =
                        operations.findBySubjectIdOrderByStartedAtDesc(vnf.id()).stream()
                            .filter(op -> op.type == OperationType.HEAL)
                            .filter(op -> Boolean.TRUE.equals(op.automatic))
                            .filter(op -> op.startedAt != null && op.startedAt.isAfter(window))
                            .count();
                    if (attempts >= settings.maxAttempts()) {
                      core.giveUpHealing(
                          vnf.id(),
                          ("automatic healing gave up: %d heals within %s did not repair it; still: %s."
                                  + " Heal it by hand once the cause is fixed")
                              .formatted(attempts, human(settings.window()), reason));
                      LOG.warn(
                          "VNF {}: automatic healing gave up after {} heals: {}",
                          vnf.name(),
                          attempts,
                          reason);
                      return false;
                    }
                    lifecycle.heal(
                        vnf.id(),
                        request(vnf, heal, reason),
                        new VnfLifecycle.Detection(reason, changed, now));
                    return true;
                  }));
      if (!started) {
        return;
      }
      if (changed != null && detection != null) {
        detection.record(Duration.between(changed, now).abs());
      }
      LOG.info("VNF {}: {}; heal started", vnf.name(), reason);
    } catch (TackerException e) {
      // an operation began meanwhile (409): look again when it ends
      LOG.info("VNF {}: heal not started: {}", vnf.name(), e.getMessage());
      deferred.add(vnf.id());
    }
  }

  /**
   * The heal's level: the whole VNF when anything drifted (or an instance is not recorded), else
   * the VDUs that stay unavailable and the instances that failed.
   */
  private HealRequest request(Subject vnf, List<Finding> heal, String reason) {
    if (heal.stream().anyMatch(f -> f.scope() == Finding.Scope.VNF)) {
      return HealRequest.wholeVnf(reason);
    }
    Set<String> known =
        state.stored(vnf.id()).stream().map(VnfInstance::id).collect(Collectors.toSet());
    Set<String> vdus = new LinkedHashSet<>();
    Set<String> instances = new LinkedHashSet<>();
    for (Finding f : heal) {
      if (f.scope() == Finding.Scope.VDU) {
        vdus.add(f.vdu());
      } else if (known.contains(f.instanceId())) {
        instances.add(f.instanceId());
      } else {
        return HealRequest.wholeVnf(reason);
      }
    }
    return new HealRequest(reason, vdus, instances);
  }

  /**
   * One survey per VIM that cannot be watched: a VNF whose instances differ from those recorded
   * (one gone, a status changed) is looked at.
   */
  void surveyAll() {
    List<String> vimIds;
    try {
      vimIds = tx.execute(s -> vimRows.findAll().stream().map(VimEntity::getId).toList());
    } catch (RuntimeException e) {
      LOG.warn("cannot list VIMs to survey: {}", e.getMessage());
      return;
    }
    for (String vimId : vimIds) {
      if (!leases.holds(vimId)) {
        continue; // another node of the cluster surveys it
      }
      try {
        survey(vimId);
      } catch (RuntimeException e) {
        LOG.warn("cannot survey VIM {}: {}", vimId, e.getMessage());
      }
    }
  }

  private void survey(String vimId) {
    VimEntity vim = vims.find(vimId);
    Optional<Map<String, List<VnfInstance>>> seen =
        drivers.driver(vim.getType()).survey(vims.connection(vimId));
    if (seen.isEmpty()) {
      return;
    }
    Map<String, List<VnfInstance>> found = seen.get();
    Map<String, List<VnfInstance>> recorded = new LinkedHashMap<>();
    tx.executeWithoutResult(
        s ->
            vnfs.findByVimId(vimId).stream()
                .filter(v -> v.status == VnfStatus.ACTIVE || v.status == VnfStatus.ERROR)
                .forEach(v -> recorded.put(v.id, state.stored(v.id))));
    recorded.forEach(
        (vnfId, stored) -> {
          Map<String, String> now =
              found.getOrDefault(vnfId, List.of()).stream()
                  .collect(Collectors.toMap(VnfInstance::id, VnfInstance::status, (a, b) -> a));
          boolean differs =
              stored.stream()
                  .anyMatch(
                      i ->
                          !now.containsKey(i.id()) || !Objects.equals(now.get(i.id()), i.status()));
          if (differs) {
            schedule(vnfId, Duration.ZERO);
          }
        });
  }

  private static String describe(List<Finding> findings) {
    return findings.stream().map(Finding::reason).distinct().collect(Collectors.joining("; "));
  }

  private static String human(Duration d) {
    return d.toString().substring(2).toLowerCase();
  }
}
