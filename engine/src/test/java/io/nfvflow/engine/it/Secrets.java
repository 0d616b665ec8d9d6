package io.nfvflow.engine.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Checks that a secret does not appear in some text. A failure names where, never the secret
 * itself: AssertJ's {@code doesNotContain} would print the secret into the test report.
 */
final class Secrets {

  private Secrets() {}

  /** Fails when {@code text} holds the secret, plainly or Base64-encoded. */
  static void assertAbsent(String text, String secret, String where) {
    if (text == null || secret == null || secret.isEmpty()) {
      return;
    }
    if (text.contains(secret)) {
      fail("a secret (" + secret.length() + " chars) appears in plain text in " + where);
    }
    String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    // the first 16 Base64 chars encode the first 12 bytes whatever follows, so a prefix also
    // finds the secret embedded in a longer Base64 text (as long as it starts on a 3-byte boundary)
    if (secret.length() >= 12 && text.contains(base64.substring(0, 16))) {
      fail("a secret appears Base64-encoded in " + where);
    }
  }

  /** Same for raw bytes (database blobs, files), read as ISO-8859-1 so any byte maps to a char. */
  static void assertAbsent(byte[] bytes, String secret, String where) {
    if (bytes != null) {
      assertAbsent(new String(bytes, StandardCharsets.ISO_8859_1), secret, where);
    }
  }
}
