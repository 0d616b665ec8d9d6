package io.nfvflow.engine.vim;

/**
 * A VIM was registered, updated (credentials may have changed) or deleted: published in the
 * transaction that changed it.
 */
public record VimChanged(String vimId, boolean deleted) {}
