package io.nfvflow.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's copy of Tacker's samples is the shared/ corpus, file for file. A sample added to
 * shared/ fails this test until it is copied (and the conformance test gets its expectation).
 */
class CorpusCopyTest {

  @Test
  void theCopyIsIdenticalToSharedWhereSharedExists() throws IOException {
    Path shared = TackerCorpus.shared().orElse(null);
    assumeTrue(shared != null, "no shared/ beside the repository (a plain clone)");
    Path copy = TackerCorpus.tacker();

    Set<String> sharedFiles = files(shared);
    Set<String> copyFiles = files(copy);
    copyFiles.remove("NOTICE");
    assertThat(copyFiles).as("files in %s", copy).isEqualTo(sharedFiles);
    for (String file : sharedFiles) {
      assertThat(Files.mismatch(shared.resolve(file), copy.resolve(file)))
          .as("%s differs from shared/", file)
          .isEqualTo(-1L);
    }
  }

  private static Set<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      Set<String> files = new TreeSet<>();
      walk.filter(Files::isRegularFile).forEach(f -> files.add(root.relativize(f).toString()));
      return files;
    }
  }
}
