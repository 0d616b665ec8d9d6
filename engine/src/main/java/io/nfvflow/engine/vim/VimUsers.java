package io.nfvflow.engine.vim;

/** Who uses a VIM: a VIM in use cannot be deleted. Implemented by the VNF inventory. */
public interface VimUsers {

  /** How many VNFs run on the VIM. */
  long vnfsOnVim(String vimId);
}
