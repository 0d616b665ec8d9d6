package io.nfvflow.engine.tacker;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** What a refused concurrent write was about, in the API's words. */
final class ConcurrentChange {

  /** Entity class → what the API calls it. */
  private static final Map<String, String> RESOURCES =
      Map.of(
          "VnfEntity", "VNF",
          "VnffgEntity", "VNFFG",
          "NsEntity", "NS",
          "VimEntity", "VIM",
          "VnfdEntity", "VNFD",
          "LcmOperationEntity", "operation",
          "VnfScaleEntity", "scale level");

  /** Constraint {@code uk_<table>_name} of V1 → resource. */
  private static final Pattern UNIQUE_NAME =
      Pattern.compile("uk_(vim|vnfd|vnf|vnffgd|vnffg|nsd|ns)_name");

  private ConcurrentChange() {}

  /** "VNF 1c2d…", "The VIM", or "The resource" when the exception does not say. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ObjectOptimisticLockingFailureException o
          && o.getPersistentClassName() != null) {
        String simple = o.getPersistentClassName().replaceAll(".*[.$]", "");
        String resource = RESOURCES.getOrDefault(simple, "resource");
        Object id = o.getIdentifier();
        return id == null ? "The " + resource : resource + " " + id;
      }
    }
    return "The resource";
  }

  /** The resource whose unique name a violation is about, or null for any other violation. */
  static String duplicateName(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text =
          t instanceof org.hibernate.exception.ConstraintViolationException c
                  && c.getConstraintName() != null
              ? c.getConstraintName()
              : t.getMessage();
      if (text != null) {
        Matcher m = UNIQUE_NAME.matcher(text.toLowerCase(Locale.ROOT));
        if (m.find()) {
          return m.group(1).toUpperCase(Locale.ROOT);
        }
      }
    }
    return null;
  }
}
