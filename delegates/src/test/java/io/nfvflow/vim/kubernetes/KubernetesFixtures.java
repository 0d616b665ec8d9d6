package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import java.util.Map;

final class KubernetesFixtures {

  private KubernetesFixtures() {}

  static VimConnection vim(String url, String namespace) {
    return new VimConnection(
        "vim-1",
        "kubernetes",
        url,
        namespace,
        Map.of(),
        new VimCredentials(null, null, "test-token", null));
  }

  static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
