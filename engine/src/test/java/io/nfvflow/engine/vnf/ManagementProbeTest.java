package io.nfvflow.engine.vnf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.nfvflow.engine.vnf.ManagementProbe.Outcome;
import io.nfvflow.engine.vnf.ManagementProbe.Outcome.Kind;
import io.nfvflow.tosca.MonitoringPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ping and http_ping probes on this machine's loopback only: ping needs the system's ping
 * (iputils-ping; the ping tests are skipped without it), http_ping a tiny local HTTP server.
 */
class ManagementProbeTest {

  /** TEST-NET-2 (RFC 5737): routed nowhere, unless this machine sits on it. */
  static final String NOWHERE = "198.51.100.7";

  final ManagementProbe probe = new ManagementProbe();

  HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  void assumePing() {
    assumeTrue(
        probe.pingUnavailable().isEmpty(),
        () -> "no usable ping here: " + probe.pingUnavailable().orElse(""));
  }

  @Test
  void pingOfTheLoopbackAnswers() {
    assumePing();
    Outcome o = probe.ping("127.0.0.1", 2, Duration.ofMillis(200), seconds(1), 1);
    assertThat(o.kind()).isEqualTo(Kind.OK);
  }

  @Test
  void pingOfAnAddressRoutedNowhereFailsWithinItsTimeoutsAndSaysWhy() throws Exception {
    assumePing();
    assumeFalse(onALocalNetwork(InetAddress.getByName(NOWHERE)), "this machine is on TEST-NET-2");
    long t0 = System.nanoTime();
    Outcome o = probe.ping(NOWHERE, 1, seconds(1), seconds(1), 2);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(o.kind()).isEqualTo(Kind.FAILED);
    assertThat(o.detail()).contains("2 tries").contains("1 echo request per try");
    assertThat(took).isLessThan(seconds(10));
  }

  @Test
  void withoutPingTheMonitorIsUnavailableNotFailing() {
    ManagementProbe none = new ManagementProbe(Path.of("/nonexistent/bin/ping"));
    Outcome o = none.ping("127.0.0.1", 1, seconds(1), seconds(1), 1);
    assertThat(o.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(o.detail()).contains("no ping program").contains("iputils-ping");
    assertThat(none.pingUnavailable()).isPresent();
  }

  @Test
  void anAddressThatIsNoAddressIsNeverPassedToPing() {
    assumePing();
    Outcome o = probe.ping("-f", 1, seconds(1), seconds(1), 1);
    assertThat(o.kind()).isEqualTo(Kind.FAILED);
    assertThat(o.detail()).contains("'-f' is not an address");
    assertThat(probe.httpPing("a b", 80, seconds(1), 1).detail()).contains("not an address");
  }

  @Test
  void httpPingSucceedsOn2xxAnd3xxAndFailsOn4xx5xx() throws Exception {
    AtomicInteger status = new AtomicInteger(200);
    AtomicInteger requests = new AtomicInteger();
    int port = serve(status, requests, Duration.ZERO);

    assertThat(probe.httpPing("127.0.0.1", port, seconds(1), 1).kind()).isEqualTo(Kind.OK);
    status.set(302);
    assertThat(probe.httpPing("127.0.0.1", port, seconds(1), 1).kind())
        .as("a redirect answers; it is not followed")
        .isEqualTo(Kind.OK);
    status.set(500);
    requests.set(0);
    Outcome o = probe.httpPing("127.0.0.1", port, seconds(1), 3);
    assertThat(o.kind()).isEqualTo(Kind.FAILED);
    assertThat(o.detail()).isEqualTo("HTTP 500 (3 tries)");
    assertThat(requests.get()).as("retry: tries").isEqualTo(3);
    status.set(404);
    assertThat(probe.httpPing("127.0.0.1", port, seconds(1), 1).detail())
        .isEqualTo("HTTP 404 (1 try)");
  }

  @Test
  void httpPingOfAClosedPortIsRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Outcome o = probe.httpPing("127.0.0.1", port, seconds(1), 2);
    assertThat(o.kind()).isEqualTo(Kind.FAILED);
    assertThat(o.detail()).contains("connection refused").contains("2 tries");
  }

  @Test
  void httpPingOfAServerThatDoesNotAnswerEndsAfterItsTimeout() throws Exception {
    int port = serve(new AtomicInteger(200), new AtomicInteger(), seconds(5));
    long t0 = System.nanoTime();
    Outcome o = probe.httpPing("127.0.0.1", port, seconds(1), 1);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(o.kind()).isEqualTo(Kind.FAILED);
    assertThat(o.detail()).isEqualTo("no answer within 1 s (1 try)");
    assertThat(took).isLessThan(seconds(3));
  }

  @Test
  void thePolicyChoosesTheProbeAndNoopNeverProbes() throws Exception {
    int port = serve(new AtomicInteger(200), new AtomicInteger(), Duration.ZERO);
    MonitoringPolicy http =
        new MonitoringPolicy(
            "VDU1",
            MonitoringPolicy.Monitor.HTTP_PING,
            seconds(0),
            1,
            seconds(1),
            seconds(1),
            1,
            port,
            MonitoringPolicy.Action.LOG);
    assertThat(probe.probe(http, "127.0.0.1").kind()).isEqualTo(Kind.OK);
    assertThat(ManagementProbe.target(http, "127.0.0.1"))
        .isEqualTo("http://127.0.0.1:" + port + "/");
    MonitoringPolicy noop =
        MonitoringPolicy.withDefaults(
            "VDU1", MonitoringPolicy.Monitor.NOOP, MonitoringPolicy.Action.LOG);
    assertThat(probe.probe(noop, NOWHERE).kind()).isEqualTo(Kind.OK);
  }

  @Test
  void ipv6AddressesAreBracketedInUrls() {
    assertThat(ManagementProbe.url("fd00::5", 8080)).isEqualTo("http://[fd00::5]:8080/");
    assertThat(ManagementProbe.url("[fd00::5]", 80)).isEqualTo("http://[fd00::5]:80/");
    assertThat(ManagementProbe.url("10.0.0.5", 80)).isEqualTo("http://10.0.0.5:80/");
  }

  /** A server on 127.0.0.1 answering {@code status}, after {@code delay}. */
  int serve(AtomicInteger status, AtomicInteger requests, Duration delay) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          if (status.get() / 100 == 3) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
          }
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    return server.getAddress().getPort();
  }

  static boolean onALocalNetwork(InetAddress target) throws Exception {
    byte[] t = target.getAddress();
    for (NetworkInterface nic :
        java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InterfaceAddress ia : nic.getInterfaceAddresses()) {
        byte[] a = ia.getAddress().getAddress();
        if (a.length != t.length) {
          continue;
        }
        int bits = ia.getNetworkPrefixLength();
        boolean same = true;
        for (int i = 0; i < bits && same; i++) {
          int mask = 0x80 >> (i % 8);
          same = (a[i / 8] & mask) == (t[i / 8] & mask);
        }
        if (same) {
          return true;
        }
      }
    }
    return false;
  }
}
