/**
 * The VIM driver SPI: one driver per VIM type, collected by type in {@link
 * io.nfvflow.vim.VimDrivers}.
 */
package io.nfvflow.vim;
