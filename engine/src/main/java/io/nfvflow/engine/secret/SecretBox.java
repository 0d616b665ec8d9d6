package io.nfvflow.engine.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest with AES-256-GCM. The key lives in a file (mode 600) created at first
 * start; no external key service is needed. Ciphertexts are {@code v1:<base64(iv|ciphertext)>}.
 */
@Component
public class SecretBox {

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private final SecretKey key;

  public SecretBox(@Value("${nfvflow.secret-key-file}") Path keyFile) {
    this.key = new SecretKeySpec(loadOrCreate(keyFile), "AES");
  }

  /** Encrypts a text. */
  public String seal(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a secret", e);
    }
  }

  /** Decrypts what {@link #seal} produced with the same key. */
  public String open(String sealed) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("not an nfvflow ciphertext");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt a secret: was the key file replaced? ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private byte[] loadOrCreate(Path keyFile) {
    try {
      if (!Files.exists(keyFile)) {
        create(keyFile);
      }
      byte[] keyBytes = Base64.getDecoder().decode(Files.readString(keyFile).trim());
      if (keyBytes.length != 32) {
        throw new IllegalStateException("key file " + keyFile + " does not hold a 256-bit key");
      }
      return keyBytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key file " + keyFile, e);
    }
  }

  private void create(Path keyFile) throws IOException {
    Path dir = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
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
  }
}
