package io.nfvflow.vim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract every {@link VimDriver} keeps. A driver's test extends this class and supplies the
 * hooks, typically backed by a mock of its VIM's API (fabric8's mock server, recorded OpenStack
 * JSON). The hooks speak only of VIMs, VNFs and HTTP statuses, so that any VIM type fits.
 */
public abstract class VimDriverContractTest {

  /** The driver under test. */
  protected abstract VimDriver driver();

  /** A VIM that answers and accepts its credentials. */
  protected abstract VimConnection reachableVim();

  /** A VIM that answers but rejects the credentials. */
  protected abstract VimConnection vimWithRejectedCredentials();

  /** A VIM of the driver's type registered at the given endpoint, with valid-looking settings. */
  protected abstract VimConnection vimAt(String url);

  /** Creates the VIM resources of a VNF on {@link #reachableVim()} with the driver's own steps. */
  protected abstract void createResourcesOf(String vnfId);

  /** Deletes the VIM resources of a VNF on {@link #reachableVim()} with the driver's own steps. */
  protected abstract void deleteResourcesOf(String vnfId);

  /**
   * Makes one of the driver's VIM calls against a VIM that answers it with the given HTTP status
   * and returns what the driver threw.
   */
  protected abstract VimException failureOf(int httpStatus);

  @Test
  void probeOfAReachableVimListsRegions() {
    VimProbe probe = driver().probe(reachableVim());

    assertThat(probe.reachable()).as(probe.detail()).isTrue();
    assertThat(probe.regions()).isNotEmpty();
  }

  @Test
  void probeWithRejectedCredentialsIsUnauthorized() {
    assertThatThrownBy(() -> driver().probe(vimWithRejectedCredentials()))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(VimException.Kind.UNAUTHORIZED))
        .hasMessageContaining("rejected the credentials");
  }

  @Test
  void probeOfAClosedPortIsUnreachableWithinSeconds() throws IOException {
    Instant start = Instant.now();

    VimProbe probe = driver().probe(vimAt(closedPortUrl()));

    assertThat(probe.reachable()).isFalse();
    assertThat(probe.detail()).isNotBlank();
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void resourcesOfAnUnknownVnfAreEmpty() {
    assertThat(driver().resources(reachableVim(), UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void creatingTwiceMakesEachResourceOnce() {
    String vnfId = UUID.randomUUID().toString();
    createResourcesOf(vnfId);
    List<VimResource> once = driver().resources(reachableVim(), vnfId);

    createResourcesOf(vnfId);

    assertThat(once).isNotEmpty();
    assertThat(driver().resources(reachableVim(), vnfId)).containsExactlyInAnyOrderElementsOf(once);
  }

  @Test
  void deletingWhatIsNotThereIsFine() {
    String vnfId = UUID.randomUUID().toString();

    deleteResourcesOf(vnfId);

    assertThat(driver().resources(reachableVim(), vnfId)).isEmpty();
  }

  @Test
  void deletingRemovesEverythingAndCanBeRepeated() {
    String vnfId = UUID.randomUUID().toString();
    createResourcesOf(vnfId);

    deleteResourcesOf(vnfId);
    deleteResourcesOf(vnfId);

    assertThat(driver().resources(reachableVim(), vnfId)).isEmpty();
  }

  @Test
  void resourcesOfOneVnfAreNotThoseOfAnother() {
    String mine = UUID.randomUUID().toString();
    createResourcesOf(mine);

    assertThat(driver().resources(reachableVim(), UUID.randomUUID().toString())).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
    "401, UNAUTHORIZED",
    "400, REJECTED",
    "403, REJECTED",
    "409, REJECTED",
    "422, REJECTED",
    "404, NOT_FOUND",
    "429, TRANSIENT",
    "500, TRANSIENT",
    "503, TRANSIENT"
  })
  void httpStatusesMapToKinds(int status, VimException.Kind kind) {
    VimException e = failureOf(status);

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.isTransient()).isEqualTo(kind == VimException.Kind.TRANSIENT);
    assertThat(e.getMessage()).isNotBlank();
  }

  /** An endpoint on loopback where nothing listens. */
  protected static String closedPortUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return "https://127.0.0.1:" + port;
  }
}
