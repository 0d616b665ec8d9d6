package io.nfvflow.vim;

import java.util.Map;

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

  @Override
  public String toString() {
    return "VimConnection[vimId=%s, type=%s, authUrl=%s, projectName=%s, credentials=***]"
        .formatted(vimId, type, authUrl, projectName);
  }
}
