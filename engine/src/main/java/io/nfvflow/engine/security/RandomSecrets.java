package io.nfvflow.engine.security;

import java.security.SecureRandom;

/**
 * Random tokens and passwords of letters and digits only: they go on command lines (`tacker
 * --os-token T`, `--os-password P`), where one starting with '-' would be read as an option, and
 * into shell variables and URLs without quoting.
 */
final class RandomSecrets {

  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomSecrets() {}

  /** {@code length} letters and digits, each chosen uniformly (5.95 bits each). */
  static String alphanumeric(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
