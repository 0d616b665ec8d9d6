package io.nfvflow.vim.openstack;

import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import io.nfvflow.vim.VimException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Authenticates against Keystone v3 and hands out openstack4j clients.
 *
 * <p>openstack4j binds a client to the thread that made it, so a client cannot be shared between
 * job executor threads; the {@link Token} can. This class authenticates once per VIM, keeps the
 * token (keyed by VIM id and a fingerprint of endpoint, settings and secrets, so a changed password
 * re-authenticates) and makes a thread-bound client from it for every call. A token is renewed
 * shortly before it expires, and dropped when the cloud answers 401 (revoked).
 *
 * <p>HTTP goes through openstack4j's okhttp connector, the only one on the class path (the Jersey
 * and HttpURLConnection connectors do not work on Java 17); openstack4j finds it by {@link
 * java.util.ServiceLoader}. Tokens and credentials are never logged.
 */
@Component
public class OpenStackClients {

  /** Lifecycle steps: Heat and Nova can be slow; the job executor retries failures. */
  static final Timeouts OPERATIONS = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

  /** Probing answers a user who is registering a VIM: fail within seconds. */
  static final Timeouts PROBE = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));

  /** Renew a token this long before Keystone says it expires, so no call runs into the end. */
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(OpenStackClients.class);

  private final ConcurrentMap<String, Session> byVim = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Connect and read timeouts. */
  record Timeouts(Duration connect, Duration read) {}

  private record Session(String fingerprint, Token token, Config config) {}

  public OpenStackClients() {
    this(Clock.systemUTC());
  }

  OpenStackClients(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs a call with a client of the VIM on this thread; failures become {@link VimException}s.
   *
   * @param action what the call does, for the message (never a secret)
   */
  <T> T call(VimConnection vim, String action, Function<OSClientV3, T> call) {
    Session session = session(vim);
    try {
      return OpenStackErrors.call(action, () -> call.apply(client(vim, session)));
    } catch (VimException e) {
      if (e.kind() == VimException.Kind.UNAUTHORIZED) {
        // a revoked token or a changed password: the next call authenticates afresh
        byVim.remove(vim.vimId(), session);
      }
      throw e;
    }
  }

  /**
   * Authenticates afresh with short timeouts, for a probe; nothing is cached.
   *
   * @throws org.openstack4j.api.exceptions.OS4JException as openstack4j throws it
   */
  Token authenticate(VimConnection vim) {
    return authenticate(vim, config(vim, PROBE));
  }

  /** Forgets every token. */
  void clear() {
    byVim.clear();
  }

  private Session session(VimConnection vim) {
    String fingerprint = vim.fingerprint();
    Session cached = byVim.get(vim.vimId());
    if (cached != null && cached.fingerprint().equals(fingerprint) && fresh(cached.token())) {
      return cached;
    }
    Config config = config(vim, OPERATIONS);
    Token token =
        OpenStackErrors.call(
            "Keystone at %s: authenticate".formatted(vim.authUrl()),
            () -> authenticate(vim, config));
    Session session = new Session(fingerprint, token, config);
    byVim.put(vim.vimId(), session);
    return session;
  }

  private boolean fresh(Token token) {
    return token.getExpires() == null
        || Instant.now(clock).plus(RENEW_BEFORE).isBefore(token.getExpires().toInstant());
  }

  private static OSClientV3 client(VimConnection vim, Session session) {
    OSClientV3 client = OSFactory.clientFromToken(session.token(), session.config());
    String region = vim.attribute("region", "");
    return region.isBlank() ? client : client.useRegion(region);
  }

  private static Token authenticate(VimConnection vim, Config config) {
    VimCredentials credentials = vim.credentials();
    return OSFactory.builderV3()
        .endpoint(vim.authUrl())
        .withConfig(config)
        .credentials(
            credentials == null ? null : credentials.username(),
            credentials == null ? null : credentials.password(),
            Identifier.byName(vim.attribute("user_domain_name", "Default")))
        .scopeToProject(
            Identifier.byName(vim.projectName()),
            Identifier.byName(vim.attribute("project.project_domain_name", "Default")))
        .authenticate()
        .getToken();
  }

  /**
   * The transport settings of a VIM. {@code cert_verify: False} trusts any certificate (Tacker's
   * option for lab clouds). Otherwise the JVM's trust store verifies the endpoint: openstack4j's
   * okhttp connector cannot take a custom {@link javax.net.ssl.SSLContext} on Java 9+ (okhttp 3
   * throws "sslSocketFactory(SSLSocketFactory) not supported on JDK 9+"), so a VIM's own CA
   * certificate must be in that trust store.
   */
  static Config config(VimConnection vim, Timeouts timeouts) {
    Config config =
        Config.newConfig()
            .withConnectionTimeout((int) timeouts.connect().toMillis())
            .withReadTimeout((int) timeouts.read().toMillis());
    if ("false".equalsIgnoreCase(vim.attribute("cert_verify", "True"))) {
      return config.withSSLVerificationDisabled();
    }
    VimCredentials credentials = vim.credentials();
    if (credentials != null && credentials.verifyTls()) {
      LOG.warn(
          "VIM {}: its CA certificate is not used (openstack4j's okhttp connector cannot take one"
              + " on Java 17); the JVM trust store verifies {}",
          vim.vimId(),
          vim.authUrl());
    }
    return config;
  }
}
