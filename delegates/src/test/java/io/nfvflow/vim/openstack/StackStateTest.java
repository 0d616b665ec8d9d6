package io.nfvflow.vim.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackStateTest {

  @Test
  void parametersCompareAsNumbersBecauseHeatShowsThemAsText() {
    StackState stack = state("UPDATE_COMPLETE", Map.of("SP1_desired_capacity", "2"));

    assertThat(stack.differences(Map.of("SP1_desired_capacity", 2))).isEmpty();
    assertThat(
            state("UPDATE_COMPLETE", Map.of("SP1_desired_capacity", "2.0"))
                .differences(Map.of("SP1_desired_capacity", 2)))
        .isEmpty();
    assertThat(stack.differences(Map.of("SP1_desired_capacity", 3)))
        .containsExactly("SP1_desired_capacity 2 (wanted 3)");
    assertThat(stack.differences(Map.of("SP2_desired_capacity", 1)))
        .containsExactly("SP2_desired_capacity missing (wanted 1)");
    assertThat(stack.declares(Map.of("SP2_desired_capacity", 1))).isFalse();
  }

  @Test
  void statusesByWhatTheDriverDoesNext() {
    assertThat(state("UPDATE_IN_PROGRESS", Map.of()).inProgress()).isTrue();
    assertThat(state("UPDATE_FAILED", Map.of()).failed()).isTrue();
    assertThat(state("ROLLBACK_COMPLETE", Map.of()).failed()).isTrue();
    assertThat(state("CREATE_COMPLETE", Map.of()).failed()).isFalse();
    assertThat(state("DELETE_FAILED", Map.of()).deleting()).isTrue();
    assertThat(state("DELETE_COMPLETE", Map.of()).deleting()).isFalse();
    assertThat(state("DELETE_COMPLETE", Map.of()).gone()).isTrue();
    assertThat(new StackState("s", "i", null, null, null, null, null).describe()).isEmpty();
  }

  private static StackState state(String status, Map<String, String> parameters) {
    return new StackState("s", "i", status, "why", parameters, List.of("nfvflow"), null);
  }
}
