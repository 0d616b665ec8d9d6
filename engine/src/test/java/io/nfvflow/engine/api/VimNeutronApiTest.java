package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfvflow.engine.vim.VimRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code neutron_vim_id}: a Kubernetes VIM names the OpenStack VIM whose Neutron holds its pods'
 * ports (Kuryr). The VIMs here are real types on a closed port: registered UNREACHABLE.
 */
class VimNeutronApiTest extends ApiTestSupport {

  @Autowired VimRegistry registry;

  @Test
  void aKubernetesVimNamesItsNeutronVimByNameAndShowsItsId() throws Exception {
    String openstack = registerTyped("openstack", unique("os"), null);
    String name = get("/v1.0/vims/" + openstack).body().path("vim").path("name").asText();
    Answer k8s = postTyped("kubernetes", unique("k8s"), "\"" + name + "\"");
    assertThat(k8s.status()).as(k8s.toString()).isEqualTo(201);
    String k8sId = k8s.body().path("vim").path("id").asText();
    assertThat(k8s.body().path("vim").path("neutron_vim_id").asText()).isEqualTo(openstack);
    assertThat(get("/v1.0/vims/" + k8sId).body().path("vim").path("neutron_vim_id").asText())
        .isEqualTo(openstack);
    assertThat(registry.neutronOf(k8sId)).contains(openstack);
    assertThat(registry.neutronOf(openstack)).as("its own Neutron").contains(openstack);

    Answer refused = delete("/v1.0/vims/" + openstack);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.error().path("message").asText()).contains(k8sId).contains("neutron_vim_id");

    Answer unset = put("/v1.0/vims/" + k8sId, "{\"vim\": {\"neutron_vim_id\": null}}");
    assertThat(unset.status()).isEqualTo(200);
    assertThat(unset.body().path("vim").has("neutron_vim_id")).isTrue();
    assertThat(unset.body().path("vim").path("neutron_vim_id").isNull()).isTrue();
    assertThat(registry.neutronOf(k8sId)).isEmpty();
    assertThat(delete("/v1.0/vims/" + openstack).status()).isEqualTo(204);
    assertThat(delete("/v1.0/vims/" + k8sId).status()).isEqualTo(204);
  }

  @Test
  void everyVimAnswerHasTheKeyNullWhenUnset() throws Exception {
    String id = registerVim(unique("vim"), "good", false);
    assertThat(get("/v1.0/vims/" + id).body().path("vim").path("neutron_vim_id").isNull()).isTrue();
    get("/v1.0/vims")
        .body()
        .path("vims")
        .forEach(vim -> assertThat(vim.has("neutron_vim_id")).as(vim.toString()).isTrue());
  }

  @Test
  void settableByUpdateWithTheId() throws Exception {
    String openstack = registerTyped("openstack", unique("os"), null);
    String k8s = registerTyped("kubernetes", unique("k8s"), null);
    Answer set = put("/v1.0/vims/" + k8s, "{\"vim\": {\"neutron_vim_id\": \"" + openstack + "\"}}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.body().path("vim").path("neutron_vim_id").asText()).isEqualTo(openstack);
    Answer other = put("/v1.0/vims/" + k8s, "{\"vim\": {\"description\": \"edge\"}}");
    assertThat(other.body().path("vim").path("neutron_vim_id").asText())
        .as("kept when not given")
        .isEqualTo(openstack);
  }

  @Test
  void anOpenStackVimNamesNone() throws Exception {
    String openstack = registerTyped("openstack", unique("os"), null);
    Answer a = postTyped("openstack", unique("os"), "\"" + openstack + "\"");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("message").asText())
        .contains("vim.neutron_vim_id")
        .contains("only a Kubernetes VIM names a Neutron VIM");
    Answer update =
        put("/v1.0/vims/" + openstack, "{\"vim\": {\"neutron_vim_id\": \"" + openstack + "\"}}");
    assertThat(update.status()).isEqualTo(400);
    assertThat(update.error().path("message").asText()).contains("vim.neutron_vim_id");
  }

  @Test
  void anUnknownVimOrOneThatIsNotOpenStackIsRefused() throws Exception {
    String name = unique("k8s");
    Answer unknown = postTyped("kubernetes", name, "\"no-such-vim\"");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error().path("message").asText())
        .contains("vim.neutron_vim_id")
        .contains("no-such-vim");
    assertThat(get("/v1.0/vims?name=" + name).body().path("vims").size())
        .as("nothing registered")
        .isZero();

    String other = registerTyped("kubernetes", unique("k8s"), null);
    Answer notOpenStack = postTyped("kubernetes", unique("k8s"), "\"" + other + "\"");
    assertThat(notOpenStack.status()).isEqualTo(400);
    assertThat(notOpenStack.error().path("message").asText())
        .contains("vim.neutron_vim_id")
        .contains("not an OpenStack VIM");
    Answer notText = postTyped("kubernetes", unique("k8s"), "42");
    assertThat(notText.status()).isEqualTo(400);
    assertThat(notText.error().path("message").asText()).contains("vim.neutron_vim_id");
  }

  private String registerTyped(String type, String name, String neutronVim) throws Exception {
    Answer a = postTyped(type, name, neutronVim);
    if (a.status() != 201) {
      throw new AssertionError("VIM registration failed: " + a);
    }
    return a.body().path("vim").path("id").asText();
  }

  /** A VIM of a real type on a closed loopback port; {@code neutronVim} as JSON, or null. */
  private Answer postTyped(String type, String name, String neutronVim) throws Exception {
    String cred =
        type.equals("openstack")
            ? "{\"username\": \"u\", \"password\": \"p\"}"
            : "{\"bearer_token\": \"t\", \"ssl_ca_cert\": \"None\"}";
    return post(
        "/v1.0/vims",
        """
        {"vim": {"type": "%s", "name": "%s", "auth_url": "http://127.0.0.1:1/v3",
          "vim_project": {"name": "nfv"}, "auth_cred": %s%s}}
        """
            .formatted(
                type, name, cred, neutronVim == null ? "" : ", \"neutron_vim_id\": " + neutronVim));
  }
}
