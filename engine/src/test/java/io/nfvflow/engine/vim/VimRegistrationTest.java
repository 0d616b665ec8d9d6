package io.nfvflow.engine.vim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.engine.tacker.TackerException;
import org.junit.jupiter.api.Test;

class VimRegistrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void splitsSecretsFromPublicCredentials() throws Exception {
    VimRegistration r =
        VimRegistration.parse(
            body(
                """
                {"vim": {"type": "kubernetes", "name": "k8s", "auth_url": "https://127.0.0.1:6443",
                 "vim_project": {"name": "default"},
                 "auth_cred": {"bearer_token": "tok", "ssl_ca_cert": "None"}, "is_default": "True"}}
                """));
    assertThat(r.secrets()).containsOnlyKeys("bearer_token", "ssl_ca_cert");
    assertThat(r.publicCredentials()).isEmpty();
    assertThat(r.isDefault()).isTrue();
    assertThat(r.vimProject()).containsEntry("name", "default");
  }

  @Test
  void typeDefaultsToOpenstackAsInTacker() throws Exception {
    VimRegistration r =
        VimRegistration.parse(
            body(
                """
                {"vim": {"name": "os", "auth_url": "http://127.0.0.1:5000/v3",
                 "vim_project": {"name": "nfv"},
                 "auth_cred": {"username": "u", "password": "p", "user_domain_name": "Default"}}}
                """));
    assertThat(r.type()).isEqualTo("openstack");
    assertThat(r.publicCredentials()).containsOnlyKeys("username", "user_domain_name");
    assertThat(r.secrets()).containsOnlyKeys("password");
  }

  @Test
  void missingCredentialsNameTheField() {
    assertThatThrownBy(
            () ->
                VimRegistration.parse(
                    body(
                        """
                        {"vim": {"name": "k", "auth_url": "https://h", "vim_project": {"name": "d"},
                         "auth_cred": {"username": "u"}}}
                        """)))
        .isInstanceOf(TackerException.class)
        .hasMessageContaining("vim.auth_cred.password");
  }

  @Test
  void authUrlMustBeHttp() {
    assertThatThrownBy(
            () ->
                VimRegistration.parse(
                    body(
                        """
                        {"vim": {"name": "k", "auth_url": "ftp://h", "vim_project": {"name": "d"},
                         "auth_cred": {"bearer_token": "t"}}}
                        """)))
        .hasMessageContaining("vim.auth_url");
  }

  @Test
  void projectNameIsRequired() {
    assertThatThrownBy(
            () ->
                VimRegistration.parse(
                    body(
                        """
                        {"vim": {"name": "k", "auth_url": "https://h", "vim_project": {},
                         "auth_cred": {"bearer_token": "t"}}}
                        """)))
        .hasMessageContaining("vim.vim_project.name");
  }

  @Test
  void envelopeIsRequired() {
    assertThatThrownBy(() -> VimRegistration.parse(body("{\"vims\": {}}")))
        .hasMessageContaining("'vim'");
  }

  @Test
  void neutronVimIsAbsentEmptyOrAReference() {
    assertThat(VimRegistration.neutronVim(body("{}"))).isNull();
    assertThat(VimRegistration.neutronVim(body("{\"neutron_vim_id\": null}"))).isEmpty();
    assertThat(VimRegistration.neutronVim(body("{\"neutron_vim_id\": \" dc1 \"}")))
        .isEqualTo("dc1");
    assertThat(VimUpdate.parse(body("{\"vim\": {\"neutron_vim_id\": \"\"}}")).neutronVim())
        .isEmpty();
    assertThat(VimUpdate.parse(body("{\"vim\": {\"name\": \"n\"}}")).neutronVim()).isNull();
    assertThatThrownBy(() -> VimRegistration.neutronVim(body("{\"neutron_vim_id\": [1]}")))
        .hasMessageContaining("vim.neutron_vim_id");
  }

  private static JsonNode body(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
