package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nfvflow.vim.VimException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class KubernetesErrorsTest {

  @Test
  void noHttpStatusMeansIoAndIsTransientWithTheRootCause() {
    KubernetesClientException e =
        new KubernetesClientException(
            "An error has occurred.",
            new RuntimeException(new ConnectException("Connection refused")));

    VimException mapped = KubernetesErrors.map("list Pod in namespace default", e);

    assertThat(mapped.kind()).isEqualTo(VimException.Kind.TRANSIENT);
    assertThat(mapped)
        .hasMessage("list Pod in namespace default: ConnectException: Connection refused")
        .hasCause(e);
  }

  @Test
  void rejectionsCarryTheServersMessageAndStatus() {
    KubernetesClientException e =
        new KubernetesClientException(
            "Failure executing: POST",
            422,
            KubernetesDriverTest.status(422, "Invalid", "spec.replicas: Invalid value: -1"));

    VimException mapped = KubernetesErrors.map("create Deployment default/x", e);

    assertThat(mapped.kind()).isEqualTo(VimException.Kind.REJECTED);
    assertThat(mapped)
        .hasMessage("create Deployment default/x: spec.replicas: Invalid value: -1 (HTTP 422)");
  }
}
