package io.nfvflow.lcm;

import io.nfvflow.vim.VimConnection;

/** Port to the VIM registry, implemented by the engine: secrets are decrypted only in memory. */
public interface VimDirectory {

  /**
   * The connection data of a registered VIM, secrets decrypted.
   *
   * @throws IllegalStateException when the VIM does not exist
   */
  VimConnection connection(String vimId);
}
