package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nfvflow.vim.VimConnection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

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

  /**
   * When the object's spec, data or labels were last written, as far as the API server tells: the
   * newest time among its managed fields, status writes left out. {@code null} when it does not
   * tell (no managed fields: older API servers, fabric8's mock server).
   */
  static Instant lastWrite(HasMetadata o) {
    List<ManagedFieldsEntry> entries = o.getMetadata().getManagedFields();
    if (entries == null) {
      return null;
    }
    return entries.stream()
        .filter(e -> !"status".equals(e.getSubresource()))
        .map(e -> time(e.getTime()))
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElse(null);
  }

  /** An RFC 3339 time of the API server ({@code 2024-05-01T12:00:00Z}), or {@code null}. */
  static Instant time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(rfc3339).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
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
