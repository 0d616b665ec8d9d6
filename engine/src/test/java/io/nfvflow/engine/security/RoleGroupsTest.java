package io.nfvflow.engine.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Nodes starting together race to create the groups: the loser carries on. */
class RoleGroupsTest {

  @Test
  void aFailedCreateOfWhatAnotherNodeJustCreatedIsNotAnError() {
    AtomicBoolean exists = new AtomicBoolean(false);
    assertThatCode(
            () ->
                RoleGroups.createOnce(
                    exists::get,
                    () -> {
                      exists.set(true); // the other node's insert won
                      throw new IllegalStateException("unique constraint violated");
                    }))
        .doesNotThrowAnyException();
  }

  @Test
  void aFailedCreateOfWhatStillDoesNotExistIsAnError() {
    assertThatThrownBy(
            () ->
                RoleGroups.createOnce(
                    () -> false,
                    () -> {
                      throw new IllegalStateException("database down");
                    }))
        .hasMessage("database down");
  }
}
