package io.nfvflow.vim.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ownership labels on every object nfvflow creates (and on pod templates, so ReplicaSets and
 * Pods carry them too). They are how nfvflow finds, checks and deletes what belongs to a VNF.
 */
final class KubernetesLabels {

  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String MANAGER = "nfvflow";
  static final String VNF_ID = "nfvflow.io/vnf-id";
  static final String VDU = "nfvflow.io/vdu";

  private KubernetesLabels() {}

  /** The labels that select a VDU's pods: stable for the VDU's life (selectors are immutable). */
  static Map<String, String> ownership(String vnfId, String vduName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, MANAGER);
    labels.put(VNF_ID, vnfId);
    labels.put(VDU, vduName);
    return labels;
  }

  /**
   * The descriptor's own labels plus the ownership labels; ownership wins, so a descriptor cannot
   * make an object look as if it belonged to another VNF.
   */
  static Map<String, String> all(String vnfId, String vduName, Map<String, String> vduLabels) {
    Map<String, String> labels = new LinkedHashMap<>(vduLabels);
    labels.putAll(ownership(vnfId, vduName));
    return labels;
  }

  /** Whether an object's labels say it belongs to the VNF. */
  static boolean ownedBy(Map<String, String> labels, String vnfId) {
    return labels != null && vnfId.equals(labels.get(VNF_ID));
  }
}
