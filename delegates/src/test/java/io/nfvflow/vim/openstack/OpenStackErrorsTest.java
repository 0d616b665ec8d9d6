package io.nfvflow.vim.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import java.net.ConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.common.ActionResponse;

class OpenStackErrorsTest {

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
    "401, UNAUTHORIZED",
    "400, REJECTED",
    "403, REJECTED",
    "409, REJECTED",
    "413, REJECTED",
    "404, NOT_FOUND",
    "429, TRANSIENT",
    "500, TRANSIENT",
    "503, TRANSIENT"
  })
  void responsesAndActionResponsesMapByStatus(int status, Kind kind) {
    VimException mapped =
        OpenStackErrors.map("create Heat stack s", ResponseException.mapException("no", status));
    assertThat(mapped.kind()).isEqualTo(kind);
    assertThat(mapped).hasMessage("create Heat stack s: no (HTTP " + status + ")");

    assertThatThrownBy(
            () ->
                OpenStackErrors.check(
                    "delete Heat stack s", ActionResponse.actionFailed("Quota exceeded", status)))
        .isInstanceOfSatisfying(VimException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessage("delete Heat stack s: Quota exceeded (HTTP " + status + ")");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"connection refused", "timeout"})
  void noAnswerIsTransientAndNamesTheRootCause(String what) {
    VimException mapped =
        OpenStackErrors.map(
            "look up Heat stack s",
            new ConnectionException("wrapped", 0, new ConnectException(what)));

    assertThat(mapped.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(mapped).hasMessage("look up Heat stack s: ConnectException: " + what);
  }

  @org.junit.jupiter.api.Test
  void successfulActionsPass() {
    assertThatNoException()
        .isThrownBy(() -> OpenStackErrors.check("x", ActionResponse.actionSuccess()));
  }
}
