package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Builds fabric8 clients from a {@link VimConnection} and keeps one per VIM: a client owns
 * connection pools and threads, so building one per step would leak them. A cached client is
 * replaced (and closed) when the VIM's endpoint or credentials change; Spring closes them all at
 * shutdown ({@link AutoCloseable}). Credentials are only ever passed to the client, never logged.
 */
@Component
public class KubernetesClients implements AutoCloseable {

  /** Lifecycle steps: long enough for a busy API server; the job executor retries failures. */
  static final Timeouts OPERATIONS = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

  /** Probing answers a user who is registering a VIM: fail within seconds. */
  static final Timeouts PROBE = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));

  private final ConcurrentMap<String, Cached> byVim = new ConcurrentHashMap<>();

  /** Connect and request timeouts. */
  record Timeouts(Duration connect, Duration request) {}

  private record Cached(String fingerprint, KubernetesClient client) {}

  /** The shared client of a VIM, for lifecycle steps. Do not close it. */
  KubernetesClient client(VimConnection vim) {
    String fingerprint = vim.fingerprint();
    return byVim
        .compute(
            vim.vimId(),
            (id, cached) -> {
              if (cached != null && cached.fingerprint().equals(fingerprint)) {
                return cached;
              }
              if (cached != null) {
                cached.client().close();
              }
              return new Cached(fingerprint, build(vim, OPERATIONS));
            })
        .client();
  }

  /** A fresh client with short timeouts, for a probe. The caller closes it. */
  KubernetesClient probeClient(VimConnection vim) {
    return build(vim, PROBE);
  }

  /** Closes every cached client. */
  @Override
  public void close() {
    byVim.values().forEach(c -> c.client().close());
    byVim.clear();
  }

  /** The namespace of a VIM: its project name, or {@code default}. */
  static String namespace(VimConnection vim) {
    String ns = vim.projectName();
    return ns == null || ns.isBlank() ? KubernetesManifests.DEFAULT_NAMESPACE : ns;
  }

  static KubernetesClient build(VimConnection vim, Timeouts timeouts) {
    VimCredentials credentials = vim.credentials();
    // Config.empty(): never pick up a kubeconfig, service account or environment of this host
    ConfigBuilder config =
        new ConfigBuilder(Config.empty())
            .withAutoConfigure(false)
            .withMasterUrl(vim.authUrl())
            .withNamespace(namespace(vim))
            .withConnectionTimeout((int) timeouts.connect().toMillis())
            .withRequestTimeout((int) timeouts.request().toMillis())
            // retries belong to the job executor, which also records them; client-side
            // back-off would hide an unreachable VIM behind minutes of waiting
            .withRequestRetryBackoffLimit(0);
    if (credentials != null) {
      if (credentials.bearerToken() != null && !credentials.bearerToken().isBlank()) {
        config.withOauthToken(credentials.bearerToken());
      } else if (credentials.username() != null) {
        config.withUsername(credentials.username()).withPassword(credentials.password());
      }
    }
    if (credentials != null && credentials.verifyTls()) {
      config.withCaCertData(
          Base64.getEncoder()
              .encodeToString(credentials.caCert().getBytes(StandardCharsets.UTF_8)));
    } else {
      // the VIM was registered without a CA certificate: Tacker's behaviour, not verified
      config.withTrustCerts(true).withDisableHostnameVerification(true);
    }
    return new KubernetesClientBuilder().withConfig(config.build()).build();
  }
}
