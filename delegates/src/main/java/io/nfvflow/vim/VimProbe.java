package io.nfvflow.vim;

import java.util.List;

/**
 * The outcome of checking a VIM.
 *
 * @param reachable whether the VIM answered and accepted the credentials
 * @param regions the VIM's regions (Kubernetes: namespaces), empty when unknown
 * @param detail a human-readable explanation (why it is unreachable, or what was found)
 */
public record VimProbe(boolean reachable, List<String> regions, String detail) {

  public VimProbe {
    regions = List.copyOf(regions);
  }

  public static VimProbe reachable(List<String> regions, String detail) {
    return new VimProbe(true, regions, detail);
  }

  public static VimProbe unreachable(String detail) {
    return new VimProbe(false, List.of(), detail);
  }
}
