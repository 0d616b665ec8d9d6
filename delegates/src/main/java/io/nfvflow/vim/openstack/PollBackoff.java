package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmVariables;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The delay of a Heat poll loop ({@link LcmVariables#POLL_DELAY}): Heat takes seconds to minutes,
 * so polling it at a fixed short interval only loads the API. A wait starts at {@code
 * pollInterval}, each poll doubles the delay, up to {@link #CEILING} (or {@code pollInterval} when
 * that is longer).
 */
final class PollBackoff {

  /** The longest delay between two polls: a finished stack is noticed within this. */
  static final Duration CEILING = Duration.ofSeconds(30);

  /** When the workflow sets no {@code pollInterval}. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

  private PollBackoff() {}

  /** Starts a wait: the first delay is {@code pollInterval}. */
  static void start(VariableScope scope) {
    scope.setVariable(LcmVariables.POLL_DELAY, interval(scope).toString());
  }

  /** After a poll: doubles the delay (a wait not started yet starts at {@code pollInterval}). */
  static void next(VariableScope scope) {
    Duration interval = interval(scope);
    Object current = scope.getVariable(LcmVariables.POLL_DELAY);
    Duration next =
        current == null
            ? interval
            : min(Duration.parse(current.toString()).multipliedBy(2), ceiling(interval));
    scope.setVariable(LcmVariables.POLL_DELAY, next.toString());
  }

  private static Duration ceiling(Duration interval) {
    return interval.compareTo(CEILING) > 0 ? interval : CEILING;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration interval(VariableScope scope) {
    Object value = scope.getVariable(LcmVariables.POLL_INTERVAL);
    return value == null ? DEFAULT_INTERVAL : Duration.parse(value.toString());
  }
}
