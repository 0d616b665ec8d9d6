package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.vim.kubernetes.KuryrVifs.Vif;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kuryr's records in each form, as kuryr-kubernetes wrote them: the fixtures under {@code
 * src/test/resources/kuryr} are serialised by the real os-vif and oslo.versionedobjects ({@code
 * generate.py} there).
 */
class KuryrVifsTest {

  static final String ETH0_PORT = "1f7ac2a4-6f0e-4d6b-9a55-0c3d8f2b7e11";
  static final String ETH1_PORT = "8c3e9b21-0d4a-4f7e-b1c2-7a6d5e4f3b20";
  static final Vif ETH0 = new Vif("eth0", true, ETH0_PORT, List.of("10.10.0.15"));
  static final Vif ETH1 = new Vif("eth1", false, ETH1_PORT, List.of("10.20.0.27"));

  @Test
  void queensHoldsTheDefaultVifItself() {
    assertThat(KuryrVifs.fromAnnotation(fixture("queens-vif.json"))).containsExactly(ETH0);
  }

  @Test
  void rockyDevelopmentHeldAMapOfInterfaces() {
    assertThat(KuryrVifs.fromAnnotation(fixture("rocky-dev-vifs.json"))).containsExactly(ETH0);
  }

  @Test
  void rockyToUssuriHoldAPodStateWithDefaultAndAdditionalVifs() {
    assertThat(KuryrVifs.fromAnnotation(fixture("podstate.json"))).containsExactly(ETH0, ETH1);
  }

  /** What scripts/kuryr-standin.py wrote on a pod of the Kubernetes sandbox. */
  @Test
  void theStandInsAnnotationIsAPodStateWithEth0Only() {
    assertThat(KuryrVifs.fromAnnotation(fixture("standin-podstate.json")))
        .containsExactly(
            new Vif("eth0", true, "87cdb624-d76f-4d2c-ab16-9920a6dae091", List.of("10.77.0.4")));
  }

  @Test
  void victoriaOnKeepsTheVifsInTheKuryrPortsStatus() throws Exception {
    Object status = new ObjectMapper().readValue(fixture("kuryrport-status.json"), Map.class);

    assertThat(KuryrVifs.fromKuryrPortStatus(status)).containsExactly(ETH0, ETH1);
  }

  @Test
  void aKuryrPortWithoutVifsYetHasNone() {
    assertThat(KuryrVifs.fromKuryrPortStatus(null)).isEmpty();
    assertThat(KuryrVifs.fromKuryrPortStatus(Map.of())).isEmpty();
    assertThat(KuryrVifs.fromKuryrPortStatus(Map.of("vifs", Map.of()))).isEmpty();
  }

  @Test
  void aKuryrPortWithoutDefaultFlagsMakesEth0TheDefault() {
    Map<String, Object> status =
        Map.of("vifs", Map.of("eth1", Map.of("vif", vif("p1")), "eth0", Map.of("vif", vif("p0"))));

    assertThat(KuryrVifs.fromKuryrPortStatus(status))
        .extracting(Vif::ifname, Vif::isDefault)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("eth0", true),
            org.assertj.core.groups.Tuple.tuple("eth1", false));
  }

  @Test
  void additionalInterfacesAreOrderedByNameWithNumbersAsNumbers() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String state =
        json.writeValueAsString(
            Map.of(
                "versioned_object.name",
                "PodState",
                "versioned_object.data",
                Map.of(
                    "default_vif",
                    vif("p0"),
                    "additional_vifs",
                    Map.of("eth10", vif("p10"), "eth2", vif("p2"), "net1", vif("n1")))));

    assertThat(KuryrVifs.fromAnnotation(state))
        .extracting(Vif::ifname, Vif::portId, Vif::addresses)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("eth0", "p0", List.of()),
            org.assertj.core.groups.Tuple.tuple("eth2", "p2", List.of()),
            org.assertj.core.groups.Tuple.tuple("eth10", "p10", List.of()),
            org.assertj.core.groups.Tuple.tuple("net1", "n1", List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "\"eth0\"",
        "{\"versioned_object.name\": \"PodState\", \"versioned_object.data\": {}}",
        "{\"versioned_object.name\": \"PodState\", \"versioned_object.data\": {\"default_vif\":"
            + " {\"versioned_object.data\": {\"id\": \"p0\"}}, \"additional_vifs\": []}}",
        "{\"versioned_object.name\": \"VIFOpenVSwitch\", \"versioned_object.data\": {}}",
        "{\"versioned_object.name\": \"VIFOpenVSwitch\", \"versioned_object.data\": {\"id\": 7}}",
        "{\"eth0\": \"x\"}",
        "{\"eth0\": {\"versioned_object.data\": {\"id\": \"\"}}}"
      })
  void aMalformedAnnotationIsRefused(String annotation) {
    assertThatThrownBy(() -> KuryrVifs.fromAnnotation(annotation))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMalformedKuryrPortStatusIsRefused() {
    assertThatThrownBy(() -> KuryrVifs.fromKuryrPortStatus(Map.of("vifs", List.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KuryrVifs.fromKuryrPortStatus(Map.of("vifs", Map.of("eth0", "x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                KuryrVifs.fromKuryrPortStatus(
                    Map.of(
                        "vifs",
                        Map.of(
                            "eth0", Map.of("default", true, "vif", vif("a")),
                            "eth1", Map.of("default", true, "vif", vif("b"))))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A VIF with only an id (no network: no addresses). */
  static Map<String, Object> vif(String portId) {
    return Map.of(
        "versioned_object.name",
        "VIFOpenVSwitch",
        "versioned_object.namespace",
        "os_vif",
        "versioned_object.version",
        "1.0",
        "versioned_object.data",
        Map.of("id", portId));
  }

  static String fixture(String name) {
    try (InputStream in = KuryrVifsTest.class.getResourceAsStream("/kuryr/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
