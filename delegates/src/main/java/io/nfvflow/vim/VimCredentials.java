package io.nfvflow.vim;

/**
 * The secret part of a VIM registration. {@link #toString()} never shows a value.
 *
 * @param username user name, or {@code null}
 * @param password password, or {@code null}
 * @param bearerToken bearer token, or {@code null}
 * @param caCert PEM CA certificate to verify the endpoint with, or {@code null} to not verify
 */
public record VimCredentials(String username, String password, String bearerToken, String caCert) {

  /** Whether a CA certificate was given (else TLS is not verified). */
  public boolean verifyTls() {
    return caCert != null && !caCert.isBlank();
  }

  @Override
  public String toString() {
    return "VimCredentials[***]";
  }
}
