package io.nfvflow.engine.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Kubernetes API server started by {@code scripts/k8s-sandbox.sh up}. Found through {@code
 * K8S_SANDBOX_DIR} (default {@code /var/tmp/k8s-sandbox}); the API port comes from the settings the
 * first {@code up} saved, so a sandbox on a non-default port works too.
 */
final class Sandbox {

  static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String LABEL_VNF_ID = "nfvflow.io/vnf-id";
  static final String LABEL_VDU = "nfvflow.io/vdu";

  private final Path dir;
  private final String apiUrl;
  private final String token;
  private final String caPem;

  private Sandbox(Path dir, String apiUrl, String token, String caPem) {
    this.dir = dir;
    this.apiUrl = apiUrl;
    this.token = token;
    this.caPem = caPem;
  }

  static Sandbox fromEnvironment() {
    String env = System.getenv("K8S_SANDBOX_DIR");
    Path dir = Path.of(env == null || env.isBlank() ? "/var/tmp/k8s-sandbox" : env);
    Path run = dir.resolve("run");
    Path tokenFile = run.resolve("token");
    Path caFile = run.resolve("pki/ca.crt");
    if (!Files.isReadable(tokenFile) || !Files.isReadable(caFile)) {
      throw new IllegalStateException(
          "no k8s sandbox in "
              + dir
              + " (missing run/token or run/pki/ca.crt): run scripts/k8s-sandbox.sh build && "
              + "scripts/k8s-sandbox.sh up, or let 'mvn verify' start it");
    }
    String port = settings(run.resolve("settings.env")).getOrDefault("API_PORT", "6443");
    return new Sandbox(dir, "https://127.0.0.1:" + port, read(tokenFile).trim(), read(caFile));
  }

  private static Map<String, String> settings(Path file) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (Files.isReadable(file)) {
      for (String line : read(file).split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          settings.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
    }
    return settings;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir() {
    return dir;
  }

  /** The API server URL, e.g. {@code https://127.0.0.1:6443}. */
  String apiUrl() {
    return apiUrl;
  }

  /** The admin bearer token (group system:masters). Never log it. */
  String token() {
    return token;
  }

  /** The PEM of the CA that signed the API server's certificate. */
  String caPem() {
    return caPem;
  }

  /** A client that trusts only the sandbox CA, as the engine should. */
  KubernetesClient newClient() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(apiUrl)
            .withOauthToken(token)
            .withCaCertData(
                Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)))
            .withNamespace("default")
            .withRequestTimeout(15_000)
            .withConnectionTimeout(5_000)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * Every object in any namespace that carries {@code nfvflow.io/vnf-id=<vnfId>}, of the kinds an
   * engine-made VNF can leave behind: Deployments, ReplicaSets, Pods, Services, ConfigMaps, HPAs.
   */
  static List<String> labelledObjects(KubernetesClient k8s, String vnfId) {
    List<HasMetadata> found = new ArrayList<>();
    found.addAll(
        k8s.apps().deployments().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).list().getItems());
    found.addAll(
        k8s.apps().replicaSets().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).list().getItems());
    found.addAll(k8s.pods().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).list().getItems());
    found.addAll(k8s.services().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).list().getItems());
    found.addAll(
        k8s.configMaps().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).list().getItems());
    found.addAll(
        k8s.autoscaling()
            .v1()
            .horizontalPodAutoscalers()
            .inAnyNamespace()
            .withLabel(LABEL_VNF_ID, vnfId)
            .list()
            .getItems());
    return found.stream()
        .map(
            o ->
                o.getKind()
                    + " "
                    + o.getMetadata().getNamespace()
                    + "/"
                    + o.getMetadata().getName())
        .toList();
  }

  /**
   * Last-resort cleanup so that a failed test does not leave objects that disturb the next one. The
   * test has failed already when this finds something; it only protects the shared cluster.
   */
  static void forceDeleteLabelled(KubernetesClient k8s, String vnfId) {
    k8s.autoscaling()
        .v1()
        .horizontalPodAutoscalers()
        .inAnyNamespace()
        .withLabel(LABEL_VNF_ID, vnfId)
        .delete();
    k8s.apps().deployments().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).delete();
    k8s.apps().replicaSets().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).delete();
    k8s.services().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).delete();
    k8s.configMaps().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).delete();
    k8s.pods().inAnyNamespace().withLabel(LABEL_VNF_ID, vnfId).withGracePeriod(0).delete();
  }
}
