package io.nfvflow.vim;

import java.time.Duration;

/**
 * How often the reusable wait polls a VIM type: the first delay, then each delay multiplied by
 * {@code factor}, never above {@code ceiling}.
 */
public record PollCadence(Duration first, double factor, Duration ceiling) {

  public PollCadence {
    if (first.isNegative() || first.isZero() || factor < 1 || ceiling.compareTo(first) < 0) {
      throw new IllegalArgumentException("invalid poll cadence " + first + "/" + factor);
    }
  }

  /** The delay after {@code previous} ({@code null}: the first poll). */
  public Duration next(Duration previous) {
    if (previous == null) {
      return first;
    }
    Duration grown = Duration.ofMillis((long) Math.ceil(previous.toMillis() * factor));
    return grown.compareTo(ceiling) > 0 ? ceiling : grown;
  }
}
