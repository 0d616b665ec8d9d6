package io.nfvflow.engine.vim;

import io.nfvflow.engine.cluster.NodeIdentity;
import io.nfvflow.engine.concurrent.DaemonThreads;
import io.nfvflow.engine.secret.SecretKeys;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which node of a cluster runs each VIM's watch, survey and monitors: the holder of the VIM's lease
 * (table {@code nfv_vim_lease}). Every node serves the API and runs jobs; only the holder watches,
 * so a change on a VIM is reported once, not once per node.
 *
 * <p>Each node, every third of {@link #leaseTime} (default 15 s, {@code
 * nfvflow.cluster.lease-time}), renews the leases it holds and takes those that are free: of a new
 * VIM, or expired because their holder died (kill -9, power loss) or cannot reach the database.
 * Taking is a compare-and-set on the row as read, so two nodes never both take one; times are the
 * database's clock, so the nodes' clocks do not matter. A node that could not renew a lease for a
 * whole lease time gives it up on its own (its watch stops), before another can take it. A node
 * that stops cleanly hands its leases over at once. A node that restarts under the same identity
 * ({@code nfvflow.node-id}) gets its leases back at once.
 *
 * <p>What happens is said with events: {@link Gained} (start watching; look at the VNFs, as at
 * start), {@link Lost} (stop), {@link Changed} (the VIM's settings changed on any node: restart the
 * watch). A single node on its own H2 database takes every lease at start whoever held it before
 * (its node identity may have changed with its port).
 */
@Component
public class VimLeases {

  private static final Logger LOG = LoggerFactory.getLogger(VimLeases.class);

  /** This node took the VIM's lease; {@code from} is the previous holder (null: none). */
  public record Gained(String vimId, String from) {}

  /** This node gave the VIM's lease up (or the VIM was deleted). */
  public record Lost(String vimId, String why) {}

  /** The settings of a VIM whose lease this node holds changed. */
  public record Changed(String vimId) {}

  /** One lease as stored, for operators (actuator). */
  public record Lease(String vimId, String holder, long expiresAt, long takenAt) {}

  /** A row of {@code select vim_id, holder, expires_at, taken_at from nfv_vim_lease}. */
  private static final RowMapper<Lease> LEASE =
      (rs, i) -> new Lease(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));

  private final JdbcTemplate jdbc;
  private final TransactionOperations requiresNew;
  private final ApplicationEventPublisher events;
  private final String node;
  private final boolean shared;
  private final Duration leaseTime;

  /** The leases held: VIM id → the VIM's version when taken or last restarted. */
  private final Map<String, Long> held = new ConcurrentHashMap<>();

  /** When this node last renewed its leases ({@link System#nanoTime}); 0: never. */
  private volatile long renewedAt;

  private final ScheduledExecutorService clock = DaemonThreads.scheduler("nfvflow-vim-leases", 1);

  @Autowired
  public VimLeases(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Environment env,
      @Value("${nfvflow.node-id:}") String nodeId,
      @Value("${server.port:9890}") int port,
      @Value("${nfvflow.cluster.lease-time:PT15S}") Duration leaseTime) {
    this(
        jdbc,
        requiresNew(transactions),
        events,
        NodeIdentity.of(nodeId, port),
        SecretKeys.sharedDatabase(env) != null,
        leaseTime);
  }

  private static TransactionOperations requiresNew(PlatformTransactionManager transactions) {
    TransactionTemplate t = new TransactionTemplate(transactions);
    t.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return t;
  }

  VimLeases(
      JdbcTemplate jdbc,
      TransactionOperations requiresNew,
      ApplicationEventPublisher events,
      String node,
      boolean shared,
      Duration leaseTime) {
    this.jdbc = jdbc;
    this.requiresNew = requiresNew;
    this.events = events;
    this.node = node;
    this.shared = shared;
    this.leaseTime = leaseTime;
  }

  /** Whether this node runs the VIM's watch, survey and monitors. */
  public boolean holds(String vimId) {
    return vimId != null && held.containsKey(vimId);
  }

  /** The VIMs whose lease this node holds. */
  public Set<String> held() {
    return Set.copyOf(held.keySet());
  }

  public String node() {
    return node;
  }

  public Duration leaseTime() {
    return leaseTime;
  }

  /** Every lease as stored. */
  public List<Lease> leases() {
    return jdbc.query(
        "select vim_id, holder, expires_at, taken_at from nfv_vim_lease order by vim_id", LEASE);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    long every = Math.max(100, leaseTime.toMillis() / 3);
    try {
      clock.scheduleWithFixedDelay(this::renew, 0, every, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopped before it started
    }
  }

  /**
   * A VIM was registered, changed or deleted on this node: act at once, not at the next round, in a
   * transaction of its own (after the commit, the request's transaction is still bound to its
   * thread, and what is written in it would never be committed).
   */
  @TransactionalEventListener(fallbackExecution = true)
  public void vimChanged(VimChanged change) {
    requiresNew.executeWithoutResult(s -> changed(change));
  }

  synchronized void changed(VimChanged change) {
    try {
      if (change.deleted()) {
        if (held.remove(change.vimId()) != null) {
          events.publishEvent(new Lost(change.vimId(), "the VIM was deleted"));
        }
        jdbc.update("delete from nfv_vim_lease where vim_id = ?", change.vimId());
      } else if (holds(change.vimId())) {
        held.put(change.vimId(), version(change.vimId()));
        events.publishEvent(new Changed(change.vimId()));
      } else {
        renew();
      }
    } catch (DataAccessException e) {
      LOG.debug("lease of changed VIM {}: {}", change.vimId(), e.getMessage());
    }
  }

  /**
   * One round: every lease held is renewed, every free one taken, the leases of deleted VIMs
   * removed; what changed is published. Never throws.
   */
  public synchronized void renew() {
    Map<String, Long> vims;
    long now;
    try {
      now = databaseNow();
      vims = new LinkedHashMap<>();
      jdbc.query(
          "select id, version from nfv_vim order by id",
          rs -> {
            vims.put(rs.getString(1), rs.getLong(2));
          });
    } catch (DataAccessException e) {
      unreachable(e);
      return;
    }
    long started = System.nanoTime();
    boolean failed = false;
    for (Map.Entry<String, Long> vim : vims.entrySet()) {
      String vimId = vim.getKey();
      try {
        Taken taken = take(vimId, now);
        Long before = held.get(vimId);
        if (taken == null) {
          if (before != null) {
            held.remove(vimId);
            LOG.warn("VIM {}: its lease went to another node; its watch stops here", vimId);
            events.publishEvent(new Lost(vimId, "another node holds its lease"));
          }
        } else if (before == null) {
          held.put(vimId, vim.getValue());
          if (taken.from() == null || taken.from().equals(node)) {
            LOG.info("VIM {}: this node ({}) watches it", vimId, node);
          } else {
            LOG.info(
                "VIM {}: this node ({}) took over its watch from {} (its lease had expired)",
                vimId,
                node,
                taken.from());
          }
          events.publishEvent(new Gained(vimId, taken.from()));
        } else if (!Objects.equals(before, vim.getValue())) {
          held.put(vimId, vim.getValue());
          events.publishEvent(new Changed(vimId));
        }
      } catch (DataAccessException e) {
        failed = true;
        LOG.debug("lease of VIM {}: {}", vimId, e.getMessage());
      }
    }
    for (String vimId : Set.copyOf(held.keySet())) {
      if (!vims.containsKey(vimId)) {
        held.remove(vimId);
        events.publishEvent(new Lost(vimId, "the VIM was deleted"));
      }
    }
    try {
      jdbc.update("delete from nfv_vim_lease where vim_id not in (select id from nfv_vim)");
    } catch (DataAccessException e) {
      LOG.debug("removing the leases of deleted VIMs: {}", e.getMessage());
    }
    if (failed) {
      unreachable(null);
    } else {
      renewedAt = started;
    }
  }

  /** The lease taken or renewed, with its previous holder; null when another node holds it. */
  private record Taken(String from) {}

  private Taken take(String vimId, long now) {
    long until = now + leaseTime.toMillis();
    List<Lease> rows =
        jdbc.query(
            "select vim_id, holder, expires_at, taken_at from nfv_vim_lease where vim_id = ?",
            LEASE,
            vimId);
    if (rows.isEmpty()) {
      try {
        jdbc.update(
            "insert into nfv_vim_lease (vim_id, holder, expires_at, taken_at) values (?, ?, ?, ?)",
            vimId,
            node,
            until,
            now);
        return new Taken(null);
      } catch (DuplicateKeyException e) {
        return null; // another node took it just now
      }
    }
    Lease lease = rows.get(0);
    boolean mine = lease.holder().equals(node);
    if (!mine && shared && lease.expiresAt() >= now) {
      return null;
    }
    // compare-and-set on the row as read: of two nodes taking an expired lease, one wins
    int updated =
        jdbc.update(
            "update nfv_vim_lease set holder = ?, expires_at = ?, taken_at = ?"
                + " where vim_id = ? and holder = ? and expires_at = ?",
            node,
            until,
            mine ? lease.takenAt() : now,
            vimId,
            lease.holder(),
            lease.expiresAt());
    return updated == 1 ? new Taken(lease.holder()) : null;
  }

  /**
   * The database cannot be reached: once the leases have not been renewed for a lease time, they
   * are given up here, before another node takes them (no VIM is ever watched twice for long).
   */
  private void unreachable(DataAccessException e) {
    if (e != null) {
      LOG.warn("cannot renew the VIM leases: {}", e.getMessage());
    }
    long since = System.nanoTime() - renewedAt;
    if (renewedAt != 0 && since < leaseTime.toNanos()) {
      return;
    }
    for (String vimId : Set.copyOf(held.keySet())) {
      held.remove(vimId);
      LOG.warn("VIM {}: lease not renewed for {}; its watch stops here", vimId, leaseTime);
      events.publishEvent(new Lost(vimId, "its lease could not be renewed"));
    }
  }

  private long databaseNow() {
    Timestamp now = jdbc.queryForObject("select current_timestamp", Timestamp.class);
    return Objects.requireNonNull(now).getTime();
  }

  private Long version(String vimId) {
    List<Long> v = jdbc.queryForList("select version from nfv_vim where id = ?", Long.class, vimId);
    return v.isEmpty() ? 0L : v.get(0);
  }

  /** Stops renewing and hands the leases over at once (a clean stop). */
  @PreDestroy
  public synchronized void stop() {
    clock.shutdownNow();
    // the watches stop with their own beans; no event while the context closes
    boolean any = !held.isEmpty();
    held.clear();
    if (!any) {
      return;
    }
    try {
      jdbc.update("update nfv_vim_lease set expires_at = 0 where holder = ?", node);
    } catch (DataAccessException e) {
      LOG.debug("handing the leases over: {}", e.getMessage());
    }
  }
}
