package io.nfvflow.lcm;

import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfOnVim;
import java.util.Map;

/**
 * What a step knows about the VNF it works on.
 *
 * @param vnfId the VNF's id (also the value of the {@code nfvflow.io/vnf-id} label)
 * @param name the VNF's name
 * @param vimId the VIM it runs on
 * @param vimType the VIM's type
 * @param descriptor its descriptor, {@code get_input} resolved with the VNF's parameter values
 * @param scale the desired instances per scaling policy (see {@link VnfOnVim#scale()})
 * @param floors the autoscalers' floors where they differ (see {@link VnfOnVim#floor})
 */
public record VnfContext(
    String vnfId,
    String name,
    String vimId,
    String vimType,
    VnfDescriptor descriptor,
    Map<String, Integer> scale,
    Map<String, Integer> floors) {

  public VnfContext {
    scale = Map.copyOf(scale);
    floors = Map.copyOf(floors);
  }

  /** A VNF no autoscaler scaled: every floor is its level. */
  public VnfContext(
      String vnfId,
      String name,
      String vimId,
      String vimType,
      VnfDescriptor descriptor,
      Map<String, Integer> scale) {
    this(vnfId, name, vimId, vimType, descriptor, scale, Map.of());
  }

  /** The VNF as a driver sees it on its VIM. */
  public VnfOnVim on(VimConnection vim) {
    return new VnfOnVim(vim, vnfId, descriptor, scale, floors);
  }
}
