package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.nfvflow.engine.it.NeutronSfc.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.openstack4j.model.network.Port;

/**
 * What the chain ITs (VNFFGs, and NSs with their VNFFGs) share: networking-sfc as the test reads
 * it, a namespace per test, a chained port checked in Neutron, a VNFFG's port chain and classifier,
 * and JSON/YAML helpers.
 */
abstract class ChainTestBase extends OpenStackTestBase {

  static final YAMLMapper YAML = new YAMLMapper();

  NeutronSfc sfc;

  @BeforeEach
  void neutron() {
    sfc = new NeutronSfc(cloud);
  }

  /** The Neutron port of a one-instance VNF's connection point, checked in Neutron. */
  String chainPort(JsonNode vnf, String cp) {
    assertThat(vnf.path("instances")).as("instances of %s", vnf.path("id")).hasSize(1);
    JsonNode instance = vnf.path("instances").get(0);
    String port = instance.path("ports").path(cp).asText();
    assertThat(port).as("port of %s in %s", cp, instance).isNotBlank();
    Port inNeutron = cloud.os(cloud.admin()).networking().port().get(port);
    assertThat(inNeutron).as("port %s in Neutron", port).isNotNull();
    assertThat(inNeutron.getDeviceId()).isEqualTo(instance.path("id").asText());
    return port;
  }

  static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  static JsonNode json(String text) {
    try {
      return TackerApi.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A namespace of the sandbox for this test's pods, deleted after it. */
  String namespace(String prefix) {
    String name = unique(prefix);
    k8s.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    afterTest(() -> k8s.namespaces().withName(name).delete());
    return name;
  }

  JsonNode onlyClassifierOf(JsonNode chain) {
    assertThat(chain.path("flow_classifiers")).as("classifiers of the chain").hasSize(1);
    JsonNode fc =
        sfc.get(cloud.demo(), Kind.FLOW_CLASSIFIER, chain.path("flow_classifiers").get(0).asText());
    assertThat(fc).isNotNull();
    return fc;
  }

  /** The one port chain carrying the VNFFG's marker, as the VIM's project sees it. */
  JsonNode portChainOf(String vnffgId) {
    List<JsonNode> chains = sfc.owned(cloud.demo(), Kind.PORT_CHAIN, vnffgId);
    assertThat(chains).as("port chains of VNFFG %s", vnffgId).hasSize(1);
    return chains.get(0);
  }

  /** The VNFFG's status, or {@code "GONE"} once the API answers 404. */
  String vnffgStatus(String id) {
    TackerApi.Response r = api.get("/v1.0/vnffgs/" + id);
    if (r.status() == 404) {
      return "GONE";
    }
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.text("/vnffg/status");
  }

  static ObjectNode wrap(String key, JsonNode object) {
    ObjectNode body = TackerApi.JSON.createObjectNode();
    body.set(key, object);
    return body;
  }

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
