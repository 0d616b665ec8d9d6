package io.nfvflow.engine.vim;

import java.util.List;

/**
 * Which VNFFGs keep their chain in a VIM's Neutron: such a VIM cannot be deleted (the chain would
 * be left behind in Neutron). Implemented by the VNFFG inventory; without a bean, none.
 */
public interface VimChains {

  /** The names of the VNFFGs whose chain lives in the VIM's Neutron; empty when none. */
  List<String> chainsIn(String vimId);
}
