package io.nfvflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSecretsTest {

  @Test
  void onlyLettersAndDigitsSoACommandLineNeverTakesOneForAnOption() {
    // base64url, used before, gives '-' or '_' in nearly every 43-character token and a leading
    // '-' in one of 64 (then `tacker --os-token -x...` failed with a usage message)
    Set<Character> seen = new HashSet<>();
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String token = RandomSecrets.alphanumeric(43);
      assertThat(token).matches("[A-Za-z0-9]{43}");
      tokens.add(token);
      token.chars().forEach(c -> seen.add((char) c));
    }
    assertThat(tokens).as("no token twice").hasSize(2000);
    assertThat(seen).as("every letter and digit used").hasSize(62);
  }
}
