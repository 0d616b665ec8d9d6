package io.nfvflow.engine.vnf;

import io.nfvflow.tosca.MonitoringPolicy;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The {@code ping} and {@code http_ping} monitors of a VDU's {@code monitoring_policy}, as Tacker's
 * drivers do them: {@code ping -c count -W timeout -i interval <address>} up to {@code retry}
 * times, success when one try answers (exit status 0); {@code GET http://<address>:<port>/} up to
 * {@code retry} times, success on any 2xx or 3xx answer (redirects are not followed), failure on
 * connection errors, time-outs and 4xx/5xx. Every probe ends within its policy's timeouts: a ping
 * process that outlives them is killed.
 *
 * <p>The system's {@code ping} runs the ICMP probes (Debian: package iputils-ping). When it is
 * missing or cannot ping the loopback address (no permission to send ICMP), the ping monitor is
 * unavailable: it reports that, never a failure of the address.
 */
@Component
public class ManagementProbe {

  /** An IP address or host name; never an option of ping (no leading dash). */
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9_.:%\\[\\]][A-Za-z0-9_.:%\\[\\]-]*");

  /** iputils' smallest interval for an unprivileged user. */
  private static final Duration MIN_INTERVAL = Duration.ofMillis(200);

  /** What a probe process may take beyond its own timeouts (start, DNS-free summary). */
  private static final Duration SLACK = Duration.ofSeconds(3);

  /** The ping executable, or {@code null} to look it up on the PATH. */
  private final Path pingOverride;

  /** Why ping cannot be used (empty: it can), once known. */
  private volatile Optional<String> pingUnavailable;

  public ManagementProbe() {
    this(null);
  }

  /** With a given ping executable (tests: a missing one). */
  ManagementProbe(Path ping) {
    this.pingOverride = ping;
  }

  /** A probe's outcome. */
  public record Outcome(Kind kind, String detail) {

    public enum Kind {
      /** The address answered. */
      OK,
      /** It did not, {@code detail} says how. */
      FAILED,
      /** The monitor cannot run here (no ping), or was stopped: nothing is known of the address. */
      UNAVAILABLE
    }

    static Outcome ok() {
      return new Outcome(Kind.OK, "");
    }

    static Outcome failed(String detail) {
      return new Outcome(Kind.FAILED, detail);
    }

    static Outcome unavailable(String detail) {
      return new Outcome(Kind.UNAVAILABLE, detail);
    }

    public boolean failed() {
      return kind == Kind.FAILED;
    }
  }

  /** The policy's monitor against one management address ({@code noop}: always OK). */
  public Outcome probe(MonitoringPolicy policy, String address) {
    return switch (policy.monitor()) {
      case PING ->
          ping(address, policy.count(), policy.interval(), policy.timeout(), policy.retry());
      case HTTP_PING -> httpPing(address, policy.port(), policy.timeout(), policy.retry());
      case NOOP -> Outcome.ok();
    };
  }

  /** Where the probe goes, as an operator reads it: the address, or http_ping's URL. */
  public static String target(MonitoringPolicy policy, String address) {
    return policy.monitor() == MonitoringPolicy.Monitor.HTTP_PING
        ? url(address, policy.port())
        : address;
  }

  // ------------------------------------------------------------------ ping

  /**
   * {@code ping -c count -W timeout -i interval <address>} ({@code -6} for an IPv6 address), up to
   * {@code retry} times.
   */
  public Outcome ping(String address, int count, Duration interval, Duration timeout, int retry) {
    Optional<String> unavailable = pingUnavailable();
    if (unavailable.isPresent()) {
      return Outcome.unavailable(unavailable.get());
    }
    if (!valid(address)) {
      return Outcome.failed("'%s' is not an address".formatted(address));
    }
    String host = unbracketed(address);
    Duration every = interval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : interval;
    List<String> command = new ArrayList<>(List.of(pingExecutable().toString(), "-n", "-q"));
    if (host.contains(":")) {
      command.add("-6");
    }
    command.addAll(
        List.of(
            "-c",
            Integer.toString(Math.max(1, count)),
            "-W",
            Long.toString(wholeSeconds(timeout)),
            "-i",
            seconds(every),
            host));
    Duration limit =
        every.multipliedBy(Math.max(0, count - 1)).plusSeconds(wholeSeconds(timeout)).plus(SLACK);
    String problem = "no reply";
    int tries = Math.max(1, retry);
    for (int i = 0; i < tries; i++) {
      Outcome one = run(command, limit);
      if (one.kind() != Outcome.Kind.FAILED) {
        return one;
      }
      problem = one.detail();
    }
    String requests = count == 1 ? "1 echo request" : count + " echo requests";
    return Outcome.failed(
        "%s (%s, %s)"
            .formatted(problem, tries == 1 ? "1 try" : tries + " tries", requests + " per try"));
  }

  /** One ping process: OK on exit 0, killed after {@code limit}. */
  private Outcome run(List<String> command, Duration limit) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("LC_ALL", "C");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return Outcome.unavailable("cannot run ping: " + e.getMessage());
    }
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Outcome.failed("no reply within " + human(limit));
      }
      int exit = process.exitValue();
      if (exit == 0) {
        return Outcome.ok();
      }
      if (exit == 1) {
        return Outcome.failed("no reply");
      }
      String said = lastLine(process.getErrorStream());
      return Outcome.failed(said.isEmpty() ? "ping ended with status " + exit : said);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return Outcome.unavailable("stopped");
    } finally {
      process.destroy();
    }
  }

  /**
   * Why ping cannot be used here, or empty: it is on the PATH and answers for 127.0.0.1. Found out
   * once.
   */
  public Optional<String> pingUnavailable() {
    Optional<String> known = pingUnavailable;
    if (known == null) {
      synchronized (this) {
        known = pingUnavailable;
        if (known == null) {
          known = checkPing();
          pingUnavailable = known;
        }
      }
    }
    return known;
  }

  private Optional<String> checkPing() {
    Path ping = pingExecutable();
    if (ping == null) {
      return Optional.of("there is no ping program on the PATH (Debian: install iputils-ping)");
    }
    Outcome self =
        run(
            List.of(ping.toString(), "-n", "-q", "-c", "1", "-W", "1", "127.0.0.1"),
            Duration.ofSeconds(5));
    if (self.kind() == Outcome.Kind.OK) {
      return Optional.empty();
    }
    return Optional.of(
        "%s cannot ping 127.0.0.1 (%s); it may lack the permission to send ICMP"
            .formatted(ping, self.detail()));
  }

  private Path pingExecutable() {
    if (pingOverride != null) {
      return Files.isExecutable(pingOverride) ? pingOverride : null;
    }
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
    return dirs.stream()
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, "ping"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  // ------------------------------------------------------------------ http_ping

  /** {@code GET http://<address>:<port>/} up to {@code retry} times, 2xx or 3xx: OK. */
  public Outcome httpPing(String address, int port, Duration timeout, int retry) {
    if (!valid(address)) {
      return Outcome.failed("'%s' is not an address".formatted(address));
    }
    int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    String problem = "no answer";
    int tries = Math.max(1, retry);
    for (int i = 0; i < tries; i++) {
      Outcome one = get(url(address, port), ms, timeout);
      if (one.kind() != Outcome.Kind.FAILED) {
        return one;
      }
      problem = one.detail();
    }
    return Outcome.failed("%s (%s)".formatted(problem, tries == 1 ? "1 try" : tries + " tries"));
  }

  private static Outcome get(String url, int ms, Duration timeout) {
    HttpURLConnection c = null;
    try {
      // straight to the address: a proxy configured for the JVM must not answer for it
      c = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
      c.setConnectTimeout(ms);
      c.setReadTimeout(ms);
      c.setInstanceFollowRedirects(false);
      c.setUseCaches(false);
      int code = c.getResponseCode();
      if (code >= 200 && code < 400) {
        return Outcome.ok();
      }
      return Outcome.failed(code < 0 ? "not an HTTP answer" : "HTTP " + code);
    } catch (SocketTimeoutException e) {
      String what =
          Objects.toString(e.getMessage(), "").toLowerCase(Locale.ROOT).contains("connect")
              ? "no connection"
              : "no answer";
      return Outcome.failed(what + " within " + human(timeout));
    } catch (ConnectException e) {
      return Outcome.failed(
          Objects.toString(e.getMessage(), "cannot connect").toLowerCase(Locale.ROOT));
    } catch (IOException | IllegalArgumentException e) {
      return Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
  }

  static String url(String address, int port) {
    String host = unbracketed(address);
    if (host.contains(":")) {
      host = "[" + host.replace("%", "%25") + "]";
    }
    return "http://%s:%d/".formatted(host, port);
  }

  // ------------------------------------------------------------------ helpers

  private static boolean valid(String address) {
    return address != null && ADDRESS.matcher(address).matches();
  }

  private static String unbracketed(String address) {
    return address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1)
        : address;
  }

  private static long wholeSeconds(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, s);
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  static String human(Duration d) {
    return seconds(d) + " s";
  }

  private static String lastLine(InputStream in) {
    try (in) {
      String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      String[] lines = text.split("\\R");
      return lines[lines.length - 1].strip();
    } catch (IOException e) {
      return "";
    }
  }
}
