package io.nfvflow.engine.vim;

import io.nfvflow.vim.VimChanges;
import io.nfvflow.vim.VimDrivers;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One watch per registered VIM whose type can watch (Kubernetes informers), run by the node that
 * holds the VIM's lease ({@link VimLeases}): started when the lease is taken, restarted when the
 * VIM's settings change (on any node), stopped when the lease goes or the VIM is deleted. A single
 * node holds every lease from its start. What the watches report goes to the engine's {@link
 * VimChanges}.
 */
@Component
public class VimWatches {

  private static final Logger LOG = LoggerFactory.getLogger(VimWatches.class);

  private final VimRegistry registry;
  private final VimDrivers drivers;
  private final VimChanges changes;
  private final Map<String, AutoCloseable> running = new ConcurrentHashMap<>();

  public VimWatches(VimRegistry registry, VimDrivers drivers, VimChanges changes) {
    this.registry = registry;
    this.drivers = drivers;
    this.changes = changes;
  }

  @EventListener
  public void gained(VimLeases.Gained gained) {
    restart(gained.vimId());
  }

  @EventListener
  public void changed(VimLeases.Changed changed) {
    restart(changed.vimId());
  }

  @EventListener
  public void lost(VimLeases.Lost lost) {
    if (stop(lost.vimId())) {
      LOG.info("stopped watching VIM {}: {}", lost.vimId(), lost.why());
    }
  }

  /** Whether this node watches the VIM now. */
  public boolean watching(String vimId) {
    return running.containsKey(vimId);
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

  private boolean stop(String vimId) {
    AutoCloseable handle = running.remove(vimId);
    if (handle != null) {
      try {
        handle.close();
      } catch (Exception e) {
        LOG.warn("stopping the watch of VIM {}: {}", vimId, e.getMessage());
      }
    }
    return handle != null;
  }

  @jakarta.annotation.PreDestroy
  void stopAll() {
    running.keySet().forEach(this::stop);
  }
}
