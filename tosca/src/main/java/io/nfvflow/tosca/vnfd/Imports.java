package io.nfvflow.tosca.vnfd;

import io.nfvflow.tosca.ToscaException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code imports} section. Tacker's own type files are what every Tacker template may import
 * and nfvflow knows those types built in, so they are ignored; anything else would bring types or
 * descriptors nfvflow cannot fetch or interpret.
 */
public final class Imports {

  private static final Set<String> TACKER_TYPES =
      Set.of("tacker_defs.yaml", "tacker_nfv_defs.yaml");

  private Imports() {}

  /** Refuses any import but Tacker's own type files. */
  public static void check(Object raw) {
    if (raw == null) {
      return;
    }
    if (!(raw instanceof List<?> imports)) {
      throw ToscaException.invalid(null, "imports", "expected a list");
    }
    for (Object entry : imports) {
      if (!isTackerTypes(entry)) {
        throw ToscaException.unsupported(
            null,
            "imports",
            "importing '"
                + file(entry)
                + "' is not supported (only Tacker's own type files,"
                + " tacker_defs.yaml and tacker_nfv_defs.yaml)");
      }
    }
  }

  /** Whether an import entry (a file name, or a map with a {@code file}) is a Tacker type file. */
  public static boolean isTackerTypes(Object entry) {
    String file = file(entry);
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    return TACKER_TYPES.contains(name);
  }

  private static String file(Object entry) {
    if (entry instanceof Map<?, ?> map && map.size() == 1) {
      Object value = map.values().iterator().next();
      return value instanceof Map<?, ?> def
          ? String.valueOf(def.get("file"))
          : String.valueOf(value);
    }
    return String.valueOf(entry);
  }
}
