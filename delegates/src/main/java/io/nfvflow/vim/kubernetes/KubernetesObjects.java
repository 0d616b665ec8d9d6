package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nfvflow.vim.VimConnection;
import java.util.List;

/** Reads of the API server that every workload operation shares, failures mapped once. */
final class KubernetesObjects {

  private KubernetesObjects() {}

  /** The live object of the same kind, namespace and name, or {@code null}. */
  static <T extends HasMetadata> T get(KubernetesClient client, T wanted) {
    return KubernetesErrors.call("read " + describe(wanted), () -> client.resource(wanted).get());
  }

  /** The VNF's objects of a kind in one namespace. */
  static <T extends HasMetadata> List<T> list(
      KubernetesClient client, Class<T> kind, String ns, String vnfId) {
    return KubernetesErrors.call(
        "list " + kind.getSimpleName() + " in namespace " + ns,
        () ->
            client
                .resources(kind)
                .inNamespace(ns)
                .withLabel(KubernetesLabels.VNF_ID, vnfId)
                .list()
                .getItems());
  }

  /**
   * The VNF's objects of a kind in any namespace the credentials may list, else in the VIM's
   * namespace. Needs no descriptor, so removal works when the stored descriptor cannot be read.
   */
  static <T extends HasMetadata> List<T> listAnywhere(
      KubernetesClient client, Class<T> kind, VimConnection vim, String vnfId) {
    try {
      return client
          .resources(kind)
          .inAnyNamespace()
          .withLabel(KubernetesLabels.VNF_ID, vnfId)
          .list()
          .getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw KubernetesErrors.map("list " + kind.getSimpleName() + " in all namespaces", e);
      }
      // namespace-scoped credentials: the VIM's namespace is all they can see
      return list(client, kind, KubernetesClients.namespace(vim), vnfId);
    }
  }

  /** Whether the object is being deleted (a terminating pod still reports Running). */
  static boolean terminating(HasMetadata o) {
    return o.getMetadata().getDeletionTimestamp() != null;
  }

  /** {@code Kind ns/name}, for messages. */
  static String describe(HasMetadata o) {
    return o.getKind() + " " + ref(o);
  }

  /** {@code ns/name}. */
  static String ref(HasMetadata o) {
    return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }
}
