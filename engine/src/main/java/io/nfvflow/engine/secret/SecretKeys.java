package io.nfvflow.engine.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Where the key that seals VIM secrets comes from, in this order:
 *
 * <ol>
 *   <li>{@code nfvflow.secret-key} (environment: {@code NFVFLOW_SECRET_KEY}): the key, base64;
 *   <li>{@code nfvflow.secret-key-file} ({@code NFVFLOW_SECRET_KEY_FILE}): a file holding it;
 *   <li>{@code <nfvflow.data-dir>/secret.key}.
 * </ol>
 *
 * <p>A missing file is generated (mode 600) only for a single node on its own embedded H2 database.
 * Nodes that share a database ({@code nfvflow.cluster.enabled=true}, or any database but a local H2
 * one) must all use the same key, so none is ever generated: without a key such a node refuses to
 * start. Messages name where the key came from, never the key.
 */
public final class SecretKeys {

  static final String KEY = "nfvflow.secret-key";
  static final String KEY_FILE = "nfvflow.secret-key-file";
  static final String CLUSTER = "nfvflow.cluster.enabled";
  static final String KEY_ENV = "NFVFLOW_SECRET_KEY";
  static final int KEY_BYTES = 32;

  /** How to make a key, for messages. */
  static final String MAKE_ONE =
      "make one with: head -c 32 /dev/urandom | base64 > nfvflow.key && chmod 600 nfvflow.key";

  private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);

  /**
   * A key and where it came from.
   *
   * @param source "environment variable NFVFLOW_SECRET_KEY", "key file /etc/nfvflow/key", ...
   */
  public record Key(byte[] bytes, String source) {

    @Override
    public String toString() {
      return "key from " + source; // never the key
    }
  }

  private SecretKeys() {}

  /**
   * The configured key; on a single node with its own H2 database, the data directory's key file,
   * made at first start.
   *
   * @throws SecretKeyException when no key is configured for a shared database, or it is invalid
   */
  public static Key load(Environment env) {
    return load(env, true);
  }

  /**
   * The key nfvflow runs with; with {@code mayGenerate} false a missing key file is an error even
   * for a single node (a key rotation starts from the key that sealed the secrets).
   */
  static Key load(Environment env, boolean mayGenerate) {
    String inline = env.getProperty(KEY);
    if (inline != null && !inline.isBlank()) {
      String source =
          System.getenv(KEY_ENV) != null ? "environment variable " + KEY_ENV : "property " + KEY;
      return new Key(decode(inline, source), source);
    }
    String configured = env.getProperty(KEY_FILE);
    boolean given = configured != null && !configured.isBlank();
    Path file =
        given
            ? Path.of(configured.trim())
            : Path.of(env.getProperty("nfvflow.data-dir", "data"), "secret.key");
    file = file.toAbsolutePath().normalize();
    String source = "key file " + file + (given ? " (" + KEY_FILE + ")" : "");
    if (!Files.exists(file) && !mayGenerate) {
      throw new SecretKeyException(
          "No current secret key: %s does not exist and %s is not set".formatted(file, KEY_ENV),
          "Give the key nfvflow runs with (NFVFLOW_SECRET_KEY, NFVFLOW_SECRET_KEY_FILE or the"
              + " data directory's secret.key), as when starting it.");
    }
    if (!Files.exists(file)) {
      String shared = sharedDatabase(env);
      if (shared != null) {
        throw new SecretKeyException(
            "No secret key for VIM credentials: %s, and %s does not exist. Nodes that share a"
                    .formatted(shared, file)
                + " database must all use the same key, so nfvflow never generates one for them.",
            "Make a key once ("
                + MAKE_ONE
                + "), give it to every node as NFVFLOW_SECRET_KEY_FILE=<file> or"
                + " NFVFLOW_SECRET_KEY=<its content>, and start again.");
      }
      create(file);
      LOG.info("secret key: generated {} (back it up with the database)", file);
    }
    return new Key(read(file, source), source);
  }

  /**
   * Why the database is shared by several nodes, or null when it is this node's own H2 database.
   */
  public static String sharedDatabase(Environment env) {
    if (env.getProperty(CLUSTER, Boolean.class, false)) {
      return CLUSTER + " is true";
    }
    String url = env.getProperty("spring.datasource.url");
    if (url == null || isLocalH2(url)) {
      return null;
    }
    return "the database (" + withoutParameters(url) + ") is not a local H2 database";
  }

  static boolean isLocalH2(String url) {
    String u = url.toLowerCase(java.util.Locale.ROOT);
    return u.startsWith("jdbc:h2:")
        && !u.startsWith("jdbc:h2:tcp:")
        && !u.startsWith("jdbc:h2:ssl:")
        && !u.contains("auto_server=true");
  }

  /** A JDBC URL without its parameters (which may hold a password). */
  static String withoutParameters(String url) {
    return url.replaceAll("[?;].*", "");
  }

  /** Reads a key file: base64 of 32 bytes. */
  static byte[] read(Path file, String source) {
    try {
      warnIfOthersMayRead(file);
      return decode(Files.readString(file, StandardCharsets.US_ASCII), source);
    } catch (IOException e) {
      throw new SecretKeyException(
          "Cannot read the secret key: %s: %s".formatted(source, e.getMessage()),
          "Check that the file exists and that the user nfvflow runs as may read it.");
    }
  }

  static byte[] decode(String text, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new SecretKeyException(
          "The secret key from %s is not base64".formatted(source),
          "Give the base64 encoding of 32 random bytes (" + MAKE_ONE + ").");
    }
    if (key.length != KEY_BYTES) {
      throw new SecretKeyException(
          "The secret key from %s is not a 256-bit key: it decodes to %d bytes, not %d"
              .formatted(source, key.length, KEY_BYTES),
          "Give the base64 encoding of 32 random bytes (" + MAKE_ONE + ").");
    }
    return key;
  }

  private static void warnIfOthersMayRead(Path file) throws IOException {
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (mode.contains(PosixFilePermission.GROUP_READ)
          || mode.contains(PosixFilePermission.OTHERS_READ)) {
        LOG.warn(
            "secret key file {} may be read by others ({}): chmod 600 it",
            file,
            PosixFilePermissions.toString(mode));
      }
    } catch (UnsupportedOperationException notPosix) {
      // the directory's permissions protect it
    }
  }

  private static void create(Path keyFile) {
    try {
      Path dir = keyFile.getParent();
      Files.createDirectories(dir);
      byte[] fresh = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(fresh);
      Path tmp = Files.createTempFile(dir, ".secret", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the data directory's permissions protect the key
      }
      Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n");
      try {
        Files.move(tmp, keyFile);
      } catch (FileAlreadyExistsException raced) {
        Files.delete(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the key file " + keyFile, e);
    }
  }
}
