package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesNamesTest {

  private static final String DNS_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String VNF = "3F2A9C1E-5B7D-4E21-9A0C-6D8E1F2B3C4D";

  @Test
  void vduNameLowercasedPlusTwelveHexOfTheVnfId() {
    assertThat(KubernetesNames.objectName(VNF, "VDU1")).isEqualTo("vdu1-3f2a9c1e5b7d");
    assertThat(KubernetesNames.objectName(VNF, "VDU1", "web_server"))
        .isEqualTo("vdu1-web-server-3f2a9c1e5b7d");
  }

  @Test
  void deterministic() {
    assertThat(KubernetesNames.objectName(VNF, "VDU1"))
        .isEqualTo(KubernetesNames.objectName(VNF, "VDU1"));
    assertThat(KubernetesNames.objectName("not-a-uuid", "VDU1"))
        .isEqualTo(KubernetesNames.objectName("not-a-uuid", "VDU1"))
        .matches("vdu1-[0-9a-f]{12}");
  }

  @Test
  void differentVnfsGetDifferentNames() {
    assertThat(KubernetesNames.objectName(VNF, "VDU1"))
        .isNotEqualTo(KubernetesNames.objectName("9" + VNF.substring(1), "VDU1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "VDU1",
        "1vdu",
        "_weird__Name_",
        "Ünïcödé",
        "",
        "a-very-long-vdu-name-that-goes-on-and-on-and-on-far-beyond-what-kubernetes-allows"
      })
  void alwaysAValidDns1035LabelOfAtMost63Characters(String vdu) {
    String name = KubernetesNames.objectName(VNF, vdu, "container_name_" + vdu);
    assertThat(name).hasSizeLessThanOrEqualTo(63).matches(DNS_1035).endsWith("-3f2a9c1e5b7d");
    assertThat(KubernetesNames.containerName(vdu)).hasSizeLessThanOrEqualTo(63).matches(DNS_1035);
  }

  @Test
  void longNamesThatShareAPrefixStayDistinct() {
    String prefix = "x".repeat(60);
    assertThat(KubernetesNames.objectName(VNF, prefix + "a"))
        .isNotEqualTo(KubernetesNames.objectName(VNF, prefix + "b"));
  }
}
