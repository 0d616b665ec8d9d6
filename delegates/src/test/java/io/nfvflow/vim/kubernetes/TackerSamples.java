package io.nfvflow.vim.kubernetes;

import io.nfvflow.tosca.Container;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.PortMapping;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tacker's container samples ({@code samples/tosca-templates/vnfd/}) as the parser will read them.
 * Built by hand until the parser on {@code wt/tosca} lands.
 */
final class TackerSamples {

  static final String VNF_ID = "3f2a9c1e-5b7d-4e21-9a0c-6d8e1f2b3c4d";

  private TackerSamples() {}

  /** {@code tosca-vnfd-containerized.yaml}. */
  static VnfDescriptor containerized() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("param0", "key1");
    config.put("param1", "key2");
    Container web =
        new Container(
            "web_server",
            "k8s.gcr.io/hpa-example",
            0.2,
            100_000_000L,
            List.of(80),
            List.of(),
            List.of(),
            config);
    ContainerVdu vdu =
        new ContainerVdu(
            "VDU1",
            "default",
            List.of(new PortMapping(80, 80)),
            Map.of("app", "webserver"),
            "ClusterIP",
            List.of(web));
    return descriptor(
        "A sample containerized VNF with one container per VDU",
        vdu,
        new ScalingPolicy("SP1", List.of("VDU1"), 1, 10, 1, 1, null, 50));
  }

  /** {@code tosca-vnfd-containerized-two-containers.yaml}. */
  static VnfDescriptor twoContainers() {
    Container frontEnd =
        new Container(
            "front_end", "nginx", 0.5, 512_000_000L, List.of(80), List.of(), List.of(), Map.of());
    Container rssReader =
        new Container(
            "rss_reader",
            "nickchase/rss-php-nginx:v1",
            0.5,
            512_000_000L,
            List.of(88),
            List.of(),
            List.of(),
            Map.of());
    ContainerVdu vdu =
        new ContainerVdu(
            "VDU1",
            "default",
            List.of(new PortMapping(80, 80), new PortMapping(88, 88)),
            Map.of(),
            "NodePort",
            List.of(frontEnd, rssReader));
    return descriptor(
        "A sample containerized VNF with two containers per VDU",
        vdu,
        new ScalingPolicy("SP1", List.of("VDU1"), 1, 3, 1, 1, null, 40));
  }

  /** A one-container VDU without policy, for driver tests. */
  static VnfDescriptor single(String vduName, String namespace, String image) {
    Container c =
        new Container(
            "app", image, 0.1, 64_000_000L, List.of(8080), List.of(), List.of(), Map.of("k", "v"));
    ContainerVdu vdu =
        new ContainerVdu(
            vduName,
            namespace,
            List.of(new PortMapping(80, 8080)),
            Map.of(),
            "ClusterIP",
            List.of(c));
    return new VnfDescriptor(
        "test", Map.of(), Map.of(), List.of(vdu), List.of(), List.of(), List.of());
  }

  private static VnfDescriptor descriptor(
      String description, ContainerVdu vdu, ScalingPolicy policy) {
    return new VnfDescriptor(
        description,
        Map.of("template_name", "sample-tosca-vnfd"),
        Map.of(),
        List.of(vdu),
        List.of(),
        List.of(),
        List.of(policy));
  }
}
