package io.nfvflow.vim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a driver needs to talk to one VIM, secrets decrypted. Lives in memory only for the
 * duration of a call: never stored in a process variable, never logged ({@link #toString()} masks
 * the credentials).
 *
 * @param vimId the VIM's id in nfvflow
 * @param type the VIM type
 * @param authUrl the API endpoint (Kubernetes API server, Keystone v3)
 * @param projectName Kubernetes namespace, or OpenStack project
 * @param attributes non-secret settings (for example {@code project_domain_name}, {@code
 *     user_domain_name}, {@code cert_verify}, {@code region})
 * @param credentials the secrets
 */
public record VimConnection(
    String vimId,
    String type,
    String authUrl,
    String projectName,
    Map<String, String> attributes,
    VimCredentials credentials) {

  public VimConnection {
    attributes = Map.copyOf(attributes);
  }

  /** A non-secret attribute, or the fallback when absent. */
  public String attribute(String key, String fallback) {
    return attributes.getOrDefault(key, fallback);
  }

  /**
   * A SHA-256 over everything that decides how to connect (endpoint, project, settings, secrets):
   * drivers key their client caches by it, so a changed password or token gets a new client, and no
   * secret is kept as a map key.
   */
  public String fingerprint() {
    VimCredentials c = credentials;
    String text =
        String.join(
            "\0",
            Objects.toString(authUrl),
            Objects.toString(projectName),
            new TreeMap<>(attributes).toString(),
            c == null ? "" : Objects.toString(c.username()),
            c == null ? "" : Objects.toString(c.password()),
            c == null ? "" : Objects.toString(c.bearerToken()),
            c == null ? "" : Objects.toString(c.caCert()));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }

  @Override
  public String toString() {
    return "VimConnection[vimId=%s, type=%s, authUrl=%s, projectName=%s, credentials=***]"
        .formatted(vimId, type, authUrl, projectName);
  }
}
