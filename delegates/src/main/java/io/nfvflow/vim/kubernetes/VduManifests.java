package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes objects of one container VDU.
 *
 * @param vduName the VDU's node template name
 * @param namespace where its objects live
 * @param instances the desired number of pods (the Deployment's replicas)
 * @param configMaps one per container that has a {@code config} (often none)
 * @param deployment the Deployment
 * @param service the Service, absent when the VDU maps no ports (a Service needs a port)
 * @param autoscaler the HorizontalPodAutoscaler, absent when no scaling policy targets the VDU
 */
record VduManifests(
    String vduName,
    String namespace,
    int instances,
    List<ConfigMap> configMaps,
    Deployment deployment,
    Optional<Service> service,
    Optional<HorizontalPodAutoscaler> autoscaler) {

  VduManifests {
    configMaps = List.copyOf(configMaps);
  }

  /** Every object, in creation order (ConfigMaps before the Deployment whose pods read them). */
  List<HasMetadata> all() {
    List<HasMetadata> all = new ArrayList<>(configMaps);
    all.add(deployment);
    service.ifPresent(all::add);
    autoscaler.ifPresent(all::add);
    return all;
  }
}
