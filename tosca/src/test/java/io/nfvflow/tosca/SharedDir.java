package io.nfvflow.tosca;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared/ directory that sits beside the repository root (locally and in CI). */
public final class SharedDir {

  private SharedDir() {}

  /** {@code shared/conformance/tacker-8.0.0}, found by walking up from the working directory. */
  public static Path tacker() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/conformance/tacker-8.0.0");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/conformance/tacker-8.0.0 not found above "
            + Path.of("").toAbsolutePath()
            + ": shared/ must sit beside the repository root");
  }
}
