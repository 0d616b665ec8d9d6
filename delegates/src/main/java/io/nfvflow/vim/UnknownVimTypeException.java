package io.nfvflow.vim;

import java.util.Set;

/** A VIM type no driver serves. */
public class UnknownVimTypeException extends RuntimeException {

  public UnknownVimTypeException(String type, Set<String> known) {
    super("unsupported VIM type '%s' (supported: %s)".formatted(type, String.join(", ", known)));
  }
}
