package io.nfvflow.vim.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfvflow.tosca.ComputeRequirements;
import io.nfvflow.tosca.ToscaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlavorMatcherTest {

  @Test
  void exactFit() {
    assertThat(match(1, 2048L, 20).name()).isEqualTo("m1.small");
  }

  @Test
  void smallestFlavorThatFits() {
    assertThat(match(2, 1024L, 10).name()).isEqualTo("m1.medium");
    assertThat(match(1, 513L, 1).name()).isEqualTo("m1.small");
  }

  @Test
  void missingRequirementsCountAsZero() {
    assertThat(match(null, null, null).name()).isEqualTo("m1.tiny");
  }

  @Test
  void tiesGoByName() {
    List<FlavorInfo> twins =
        List.of(new FlavorInfo("b.same", 1, 512, 1), new FlavorInfo("a.same", 1, 512, 1));
    assertThat(FlavorMatcher.match("VDU1", new ComputeRequirements(1, 512L, 1), twins).name())
        .isEqualTo("a.same");
  }

  @Test
  void noFitNamesTheVduAndListsWhatExists() {
    assertThatThrownBy(() -> match(8, 2048L, 20))
        .isInstanceOf(ToscaException.class)
        .hasMessage(
            "node 'VDU1', property 'nfv_compute': no flavor with at least 8 vCPUs, 2048 MiB RAM,"
                + " 20 GiB disk; available: m1.tiny (1/512/1), m1.small (1/2048/20),"
                + " m1.medium (2/4096/40), m1.large (4/8192/80)");
  }

  @Test
  void noFlavorsAtAll() {
    assertThatThrownBy(
            () -> FlavorMatcher.match("VDU1", new ComputeRequirements(1, 512L, 1), List.of()))
        .hasMessageEndingWith("available: none");
  }

  private static FlavorInfo match(Integer cpus, Long ramMb, Integer diskGb) {
    return FlavorMatcher.match(
        "VDU1", new ComputeRequirements(cpus, ramMb, diskGb), HotSamples.FLAVORS);
  }
}
