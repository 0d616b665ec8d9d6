package io.nfvflow.engine.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code <name>-<n>}, so a thread dump and the log say whose work a thread
 * does, and none of them keeps the JVM from ending.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Makes daemon threads named {@code <name>-1}, {@code <name>-2}, ... */
  public static ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A scheduled executor of {@code threads} such threads. */
  public static ScheduledExecutorService scheduler(String name, int threads) {
    return Executors.newScheduledThreadPool(threads, named(name));
  }
}
