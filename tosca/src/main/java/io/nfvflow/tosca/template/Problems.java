package io.nfvflow.tosca.template;

import io.nfvflow.tosca.ToscaException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects the problems of a descriptor so that one answer names them all. A reader runs each
 * independent part (a node, a property) through {@link #read} or {@link #check}, goes on past a
 * problem, and ends with {@link #throwIfAny()}. Readers nest: the exception one throws carries all
 * of its problems, and the collector of its caller records every one of them.
 */
public final class Problems {

  private final List<ToscaException.Problem> found = new ArrayList<>();

  /** Runs a check, recording its problems. */
  public void check(Runnable check) {
    try {
      check.run();
    } catch (ToscaException e) {
      add(e);
    }
  }

  /** Reads a value, recording its problems; {@code null} when there were any. */
  public <T> T read(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (ToscaException e) {
      add(e);
      return null;
    }
  }

  /** Reads each item, recording the problems of each; the values read without a problem. */
  public <I, T> List<T> readEach(Collection<I> items, Function<I, T> reader) {
    List<T> values = new ArrayList<>();
    for (I item : items) {
      T value = read(() -> reader.apply(item));
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /**
   * Reads a value that everything after it depends on: a problem stops here, with every problem
   * found so far.
   */
  public <T> T require(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (ToscaException e) {
      add(e);
      throw new ToscaException(found);
    }
  }

  /** Records the problems of an exception. */
  public void add(ToscaException e) {
    found.addAll(e.problems());
  }

  /** Whether no problem was found so far. */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws one exception carrying every problem found, if there is any. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ToscaException(found);
    }
  }
}
