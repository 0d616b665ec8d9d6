package io.nfvflow.vim.openstack;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openstack4j.model.heat.Stack;

/**
 * A VNF's Heat stack as Heat shows it, with what the driver reads from it.
 *
 * @param name the stack's name
 * @param id the stack's id
 * @param status Heat's {@code stack_status}, for example {@code UPDATE_IN_PROGRESS}
 * @param reason Heat's {@code stack_status_reason}, or {@code null}
 * @param parameters the stack's parameter values as Heat shows them (text, {@code OS::*} included),
 *     or {@code null} when not read: Heat's stack list, which {@link HeatStacks#find} reads, has
 *     none; {@link HeatStacks#details} reads them
 * @param tags the stack's tags
 * @param updated when Heat last changed the stack (its {@code updated_time}, else its {@code
 *     creation_time}), or {@code null}
 */
record StackState(
    String name,
    String id,
    String status,
    String reason,
    Map<String, String> parameters,
    List<String> tags,
    Instant updated) {

  StackState {
    status = Objects.requireNonNullElse(status, "");
    parameters = parameters == null ? null : Map.copyOf(parameters);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A stack as Heat shows one stack, its parameters included. */
  static StackState of(Stack stack) {
    return new StackState(
        stack.getName(),
        stack.getId(),
        stack.getStatus(),
        stack.getStackStatusReason(),
        stack.getParameters() == null ? Map.of() : stack.getParameters(),
        stack.getTags(),
        time(stack.getUpdatedTime() != null ? stack.getUpdatedTime() : stack.getCreationTime()));
  }

  /** A stack as Heat's stack list shows it: everything but its parameters. */
  static StackState summary(Stack stack) {
    return new StackState(
        stack.getName(),
        stack.getId(),
        stack.getStatus(),
        stack.getStackStatusReason(),
        null,
        stack.getTags(),
        time(stack.getUpdatedTime() != null ? stack.getUpdatedTime() : stack.getCreationTime()));
  }

  /** Heat's times are ISO-8601 in UTC ({@code 2026-12-01T17:33:24Z}); anything else is unknown. */
  private static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.endsWith("Z") ? text : text + "Z");
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether the stack carries the VNF's ownership tag ({@link HeatStacks#ownerTag}). */
  boolean ownedBy(String vnfId) {
    return tags.contains(HeatStacks.ownerTag(vnfId));
  }

  /** Heat is working on it (create, update, delete, rollback...). */
  boolean inProgress() {
    return status.endsWith("_IN_PROGRESS");
  }

  /**
   * The last action failed. ROLLBACK_COMPLETE counts: Heat rolled back a create or update that
   * failed (nfvflow disables rollback, but an operator may not).
   */
  boolean failed() {
    return status.endsWith("_FAILED") || status.equals("ROLLBACK_COMPLETE");
  }

  /** Heat created it and has not updated it since: CREATE_COMPLETE. */
  boolean created() {
    return status.equals("CREATE_COMPLETE");
  }

  /** Being deleted, or left after a failed delete: no update can help it. */
  boolean deleting() {
    return status.startsWith("DELETE_") && !gone();
  }

  /** Deleted (Heat hides such stacks from look-ups by name, but say so anyway). */
  boolean gone() {
    return status.equals("DELETE_COMPLETE");
  }

  /** Whether the stack's template declares every one of these parameters. */
  boolean declares(Map<String, Integer> wanted) {
    return parameters().keySet().containsAll(wanted.keySet());
  }

  /**
   * The wanted parameters whose values differ from the stack's, as text for messages ({@code
   * SP1_desired_capacity 2 (wanted 3)}); empty when the stack has them all. Values compare as
   * numbers: Heat shows every parameter as text.
   */
  List<String> differences(Map<String, Integer> wanted) {
    Map<String, String> actuals = parameters();
    List<String> differences = new ArrayList<>();
    wanted.forEach(
        (name, value) -> {
          String actual = actuals.get(name);
          if (!sameNumber(actual, value)) {
            differences.add(
                "%s %s (wanted %d)".formatted(name, actual == null ? "missing" : actual, value));
          }
        });
    return differences;
  }

  /**
   * The parameters as Heat shows them.
   *
   * @throws IllegalStateException when they were not read (a stack from Heat's stack list)
   */
  @Override
  public Map<String, String> parameters() {
    if (parameters == null) {
      throw new IllegalStateException(
          "the parameters of Heat stack "
              + name
              + " were not read (HeatStacks.details reads them)");
    }
    return parameters;
  }

  /** Heat's status with its reason, when it gave one. */
  String describe() {
    return reason == null || reason.isBlank() ? status : status + ": " + reason;
  }

  private static boolean sameNumber(String actual, int wanted) {
    if (actual == null) {
      return false;
    }
    try {
      return new BigDecimal(actual.strip()).compareTo(BigDecimal.valueOf(wanted)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
