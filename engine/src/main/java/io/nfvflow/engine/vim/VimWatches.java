package io.nfvflow.engine.vim;

import io.nfvflow.vim.VimChanges;
import io.nfvflow.vim.VimDrivers;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One watch per registered VIM whose type can watch (Kubernetes informers), started when nfvflow is
 * ready, restarted when a VIM's settings change, stopped when it is deleted. What the watches
 * report goes to the engine's {@link VimChanges}.
 *
 * <p>Single node: with several nfvflow nodes each watches (the receivers are idempotent); a lease
 * that keeps one watch per VIM across a cluster is the multi-node work's.
 */
@Component
public class VimWatches {

  private static final Logger LOG = LoggerFactory.getLogger(VimWatches.class);

  private final VimRepository vims;
  private final VimRegistry registry;
  private final VimDrivers drivers;
  private final VimChanges changes;
  private final Map<String, AutoCloseable> running = new ConcurrentHashMap<>();

  public VimWatches(
      VimRepository vims, VimRegistry registry, VimDrivers drivers, VimChanges changes) {
    this.vims = vims;
    this.registry = registry;
    this.drivers = drivers;
    this.changes = changes;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void startAll() {
    vims.findAll().forEach(vim -> restart(vim.id));
  }

  @TransactionalEventListener
  public void onChange(VimChanged change) {
    if (change.deleted()) {
      stop(change.vimId());
    } else {
      restart(change.vimId());
    }
  }

  private void restart(String vimId) {
    stop(vimId);
    try {
      VimEntity vim = registry.find(vimId);
      Optional<AutoCloseable> handle =
          drivers.driver(vim.type).watch(registry.connection(vimId), changes);
      handle.ifPresent(h -> running.put(vimId, h));
      handle.ifPresent(h -> LOG.info("watching VIM {} ({})", vim.name, vim.type));
    } catch (RuntimeException e) {
      LOG.warn("cannot watch VIM {}: {}", vimId, e.getMessage());
    }
  }

  private void stop(String vimId) {
    AutoCloseable handle = running.remove(vimId);
    if (handle != null) {
      try {
        handle.close();
      } catch (Exception e) {
        LOG.warn("stopping the watch of VIM {}: {}", vimId, e.getMessage());
      }
    }
  }

  @jakarta.annotation.PreDestroy
  void stopAll() {
    running.keySet().forEach(this::stop);
  }
}
