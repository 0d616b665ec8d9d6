package io.nfvflow.vim.openstack;

import java.util.List;
import java.util.Map;

/**
 * A Heat stack to create for a VNF.
 *
 * @param name the stack name ({@link HeatTemplates#stackName(String)})
 * @param template the top-level HOT template, as YAML text
 * @param files nested templates referenced by name from {@code template} (for example {@code
 *     SP1_res.yaml}); pass them as the stack's {@code files}
 * @param tags the stack tags that mark ownership ({@link HeatTemplates#tags(String)})
 */
public record HeatStack(
    String name, String template, Map<String, String> files, List<String> tags) {

  public HeatStack {
    files = Map.copyOf(files);
    tags = List.copyOf(tags);
  }
}
