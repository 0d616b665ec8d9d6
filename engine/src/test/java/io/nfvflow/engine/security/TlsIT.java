package io.nfvflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.engine.NfvflowApplication;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * TLS as the operations guide configures it: a Spring Boot SSL bundle (here a PKCS#12 keystore with
 * a self-signed certificate made by the JDK's keytool for this run) serves the API, the identity
 * API and health over HTTPS on the one port, and the token's catalog names the HTTPS URL.
 */
class TlsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE_PASSWORD = "store-" + UUID.randomUUID();
  private static final String ADMIN_PASSWORD = "tls-" + UUID.randomUUID();

  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theApiAnswersOverHttpsWithTheConfiguredBundle() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "it-data", "tls-" + UUID.randomUUID()));
    Path keystore = selfSigned(dir.resolve("server.p12"));
    app =
        // as command-line arguments: builder properties are defaults, which application.yaml beats
        new SpringApplicationBuilder(NfvflowApplication.class)
            .run(
                "--server.port=0",
                "--nfvflow.data-dir=" + dir.toAbsolutePath(),
                "--nfvflow.admin.password=" + ADMIN_PASSWORD,
                "--nfvflow.heal.enabled=false",
                "--spring.ssl.bundle.jks.nfvflow.keystore.location=file:"
                    + keystore.toAbsolutePath(),
                "--spring.ssl.bundle.jks.nfvflow.keystore.password=" + STORE_PASSWORD,
                "--spring.ssl.bundle.jks.nfvflow.keystore.type=PKCS12",
                "--server.ssl.bundle=nfvflow");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    String base = "https://127.0.0.1:" + port;
    HttpClient https =
        HttpClient.newBuilder()
            .sslContext(trusting(keystore))
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    assertThat(
            send(https, HttpRequest.newBuilder(URI.create(base + "/actuator/health"))).statusCode())
        .isEqualTo(200);
    HttpResponse<String> issued =
        send(
            https,
            HttpRequest.newBuilder(URI.create(base + "/identity/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"auth": {"identity": {"methods": ["password"],
                          "password": {"user": {"name": "admin", "password": "%s"}}}}}
                        """
                            .formatted(ADMIN_PASSWORD))));
    assertThat(issued.statusCode()).isEqualTo(201);
    JsonNode catalog = JSON.readTree(issued.body()).at("/token/catalog");
    assertThat(catalog.findValuesAsText("url")).contains(base);
    String token = issued.headers().firstValue("X-Subject-Token").orElseThrow();
    HttpResponse<String> vnfs =
        send(
            https,
            HttpRequest.newBuilder(URI.create(base + "/v1.0/vnfs")).header("X-Auth-Token", token));
    assertThat(vnfs.statusCode()).isEqualTo(200);

    HttpResponse<String> plain =
        send(
            HttpClient.newHttpClient(),
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")));
    assertThat(plain.statusCode()).as("plain HTTP on the TLS port").isEqualTo(400);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
      throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A PKCS#12 keystore with a key pair and a self-signed certificate for 127.0.0.1. */
  private static Path selfSigned(Path keystore) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "nfvflow",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("keytool: %s", output).isZero();
    return keystore;
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
