package io.nfvflow.engine.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/kuryr-standin.py} running in the background for one test: it plays
 * kuryr-kubernetes' part on the sandboxes, giving every nfvflow pod of one namespace a bound
 * Neutron port on the chain network and the {@code openstack.org/kuryr-vif} annotation, and
 * deleting a port when its pod goes. nfvflow only reads the annotations, as with the real Kuryr.
 * Its log goes to {@code target/it-data/kuryr-standin-<namespace>.log}.
 */
final class KuryrStandin implements AutoCloseable {

  private final Process process;
  private final Path log;

  private KuryrStandin(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the stand-in for the pods of {@code namespace}, giving them ports on {@code network}
   * (name or id) owned by {@code project}, as the sandbox's admin.
   */
  static KuryrStandin start(
      Sandbox sandbox, OpenStackCloud cloud, String namespace, String network, String project) {
    Path script = script();
    try {
      Path log =
          Files.createDirectories(Path.of("target", "it-data").toAbsolutePath())
              .resolve("kuryr-standin-" + namespace + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      "python3",
                      script.toString(),
                      "--kubeconfig",
                      sandbox.dir().resolve("kubeconfig").toString(),
                      "--namespace",
                      namespace,
                      "--network",
                      network,
                      "--openrc",
                      cloud.dir().resolve("admin-openrc").toString(),
                      "--project",
                      project,
                      "--resync",
                      "10"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Process process = builder.start();
      Thread.sleep(500);
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "kuryr-standin.py exited at once ("
                + process.exitValue()
                + "): "
                + Files.readString(log));
      }
      return new KuryrStandin(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What it logged so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Stops it and what it started ({@code kubectl get pods -w}). */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroy);
  }

  /** {@code scripts/kuryr-standin.py} of this checkout (the ITs run in {@code engine/}). */
  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts").resolve("kuryr-standin.py");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "scripts/kuryr-standin.py not found above " + Path.of("").toAbsolutePath());
  }
}
