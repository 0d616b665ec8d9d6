package io.nfvflow.engine.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM under the key {@link SecretKeys} found; no external key
 * service is needed. Ciphertexts are {@code v1:<base64(iv|ciphertext)>}.
 */
public class SecretBox {

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private final SecretKey key;
  private final String source;

  public SecretBox(SecretKeys.Key key) {
    this.key = new SecretKeySpec(key.bytes(), "AES");
    this.source = key.source();
  }

  /** Where the key came from (never the key): for messages. */
  public String keySource() {
    return source;
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

  /**
   * Decrypts what {@link #seal} produced with the same key.
   *
   * @throws IllegalStateException naming the key's source when this key did not seal it
   */
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
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot decrypt a secret with the key from %s: it is not the key that sealed it (%s)"
              .formatted(source, e.getClass().getSimpleName()));
    }
  }

  /** Whether this key opens a sealed text. */
  public boolean opens(String sealed) {
    try {
      open(sealed);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }
}
