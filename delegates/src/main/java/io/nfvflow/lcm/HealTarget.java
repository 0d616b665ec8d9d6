package io.nfvflow.lcm;

import io.nfvflow.vim.VnfInstance;
import java.util.List;
import java.util.Set;

/**
 * What a heal operation repairs, as requested, and the instances chosen to be replaced.
 *
 * @param vdus the VDUs named by the request (every instance of each is replaced)
 * @param instances the instances named by the request (VIM ids: pod uid, server id)
 * @param selected the instances the heal replaces, chosen once by its first step and stored with
 *     the operation (so a re-run replaces the same ones, never their replacements); {@code null}
 *     until chosen
 */
public record HealTarget(Set<String> vdus, Set<String> instances, List<VnfInstance> selected) {

  public HealTarget {
    vdus = Set.copyOf(vdus);
    instances = Set.copyOf(instances);
    selected = selected == null ? null : List.copyOf(selected);
  }

  /** Neither VDUs nor instances named: the whole VNF is healed. */
  public boolean wholeVnf() {
    return vdus.isEmpty() && instances.isEmpty();
  }
}
