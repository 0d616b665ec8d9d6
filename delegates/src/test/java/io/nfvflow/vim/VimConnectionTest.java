package io.nfvflow.vim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VimConnectionTest {

  private static VimConnection vim(String token, Map<String, String> attributes) {
    return new VimConnection(
        "vim-1",
        "kubernetes",
        "https://127.0.0.1:6443",
        "default",
        attributes,
        new VimCredentials(null, null, token, null));
  }

  @Test
  void fingerprintChangesWithAnySecretOrSettingAndHidesTheSecret() {
    String base = vim("token-a", Map.of()).fingerprint();
    assertThat(vim("token-a", Map.of()).fingerprint()).isEqualTo(base);
    assertThat(vim("token-b", Map.of()).fingerprint()).isNotEqualTo(base);
    assertThat(vim("token-a", Map.of("cert_verify", "False")).fingerprint()).isNotEqualTo(base);
    assertThat(base).hasSize(64).doesNotContain("token-a");
  }

  @Test
  void toStringNeverShowsCredentials() {
    assertThat(vim("token-a", Map.of()).toString()).doesNotContain("token-a").contains("***");
  }
}
