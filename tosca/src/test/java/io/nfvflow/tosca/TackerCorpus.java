package io.nfvflow.tosca;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tacker 8.0.0's sample templates: the copy in this repository (so the tests run in any clone), and
 * the shared/ original beside the repository when there is one (CI, developers).
 */
public final class TackerCorpus {

  private static final String COPY = "tosca/src/test/resources/tacker-8.0.0";
  private static final String SHARED = "shared/conformance/tacker-8.0.0";

  private TackerCorpus() {}

  /** The repository's copy, found by walking up from the working directory (any module). */
  public static Path tacker() {
    return above(COPY)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    COPY + " not found above " + Path.of("").toAbsolutePath()));
  }

  /** The shared/ original, when shared/ sits beside the repository root. */
  public static Optional<Path> shared() {
    return above(SHARED);
  }

  private static Optional<Path> above(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
