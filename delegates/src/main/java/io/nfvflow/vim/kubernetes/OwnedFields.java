package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields nfvflow owns on the objects of one kind: what {@code apply} compares with the live
 * object and, when they differ, sets on it. Everything else (status, fields the API server
 * defaults, labels and annotations others added, a Deployment's replicas, which go through its
 * scale subresource) is left as the API server has it.
 *
 * @param <T> the kind
 */
interface OwnedFields<T extends HasMetadata> {

  /** Whether the live object carries every owned field as wanted. */
  boolean match(T wanted, T live);

  /** The live object with the owned fields set as wanted: the body of the update. */
  T adopt(T wanted, T live);

  /** Labels and data (all of it: an extra key would become an environment variable). */
  OwnedFields<ConfigMap> CONFIG_MAPS =
      new OwnedFields<>() {
        @Override
        public boolean match(ConfigMap wanted, ConfigMap live) {
          return labelsMatch(wanted, live) && Objects.equals(data(wanted), data(live));
        }

        @Override
        public ConfigMap adopt(ConfigMap wanted, ConfigMap live) {
          return new ConfigMapBuilder(live)
              .editMetadata()
              .withLabels(labels(wanted, live))
              .endMetadata()
              .withData(wanted.getData())
              .build();
        }

        private static Map<String, String> data(ConfigMap c) {
          return c.getData() == null ? Map.of() : c.getData();
        }
      };

  /** Labels, selector and pod template; not replicas. */
  OwnedFields<Deployment> DEPLOYMENTS =
      new OwnedFields<>() {
        @Override
        public boolean match(Deployment wanted, Deployment live) {
          return labelsMatch(wanted, live)
              && live.getSpec() != null
              && JsonSubset.contains(wanted.getSpec().getSelector(), live.getSpec().getSelector())
              && JsonSubset.contains(wanted.getSpec().getTemplate(), live.getSpec().getTemplate());
        }

        @Override
        public Deployment adopt(Deployment wanted, Deployment live) {
          return new DeploymentBuilder(live)
              .editMetadata()
              .withLabels(labels(wanted, live))
              .endMetadata()
              .editOrNewSpec()
              .withSelector(wanted.getSpec().getSelector())
              .withTemplate(wanted.getSpec().getTemplate())
              .endSpec()
              .build();
        }
      };

  /** Labels, type, selector and ports (keeping the node ports the API server allocated). */
  OwnedFields<Service> SERVICES =
      new OwnedFields<>() {
        @Override
        public boolean match(Service wanted, Service live) {
          return labelsMatch(wanted, live)
              && live.getSpec() != null
              && Objects.equals(wanted.getSpec().getType(), live.getSpec().getType())
              && Objects.equals(wanted.getSpec().getSelector(), live.getSpec().getSelector())
              && JsonSubset.contains(wanted.getSpec().getPorts(), live.getSpec().getPorts());
        }

        @Override
        public Service adopt(Service wanted, Service live) {
          return new ServiceBuilder(live)
              .editMetadata()
              .withLabels(labels(wanted, live))
              .endMetadata()
              .editOrNewSpec()
              .withType(wanted.getSpec().getType())
              .withSelector(wanted.getSpec().getSelector())
              .withPorts(ports(wanted, live))
              .endSpec()
              .build();
        }

        /** A port that stays keeps its node port, so clients outside the cluster still reach it. */
        private static List<ServicePort> ports(Service wanted, Service live) {
          List<ServicePort> before =
              live.getSpec() == null || live.getSpec().getPorts() == null
                  ? List.of()
                  : live.getSpec().getPorts();
          return wanted.getSpec().getPorts().stream()
              .map(
                  p ->
                      before.stream()
                          .filter(b -> Objects.equals(b.getPort(), p.getPort()))
                          .filter(b -> Objects.equals(b.getProtocol(), p.getProtocol()))
                          .findFirst()
                          .map(b -> new ServicePortBuilder(p).withNodePort(b.getNodePort()).build())
                          .orElse(p))
              .toList();
        }
      };

  /** Labels, target, floor, ceiling and CPU target. */
  OwnedFields<HorizontalPodAutoscaler> AUTOSCALERS =
      new OwnedFields<>() {
        @Override
        public boolean match(HorizontalPodAutoscaler wanted, HorizontalPodAutoscaler live) {
          return labelsMatch(wanted, live) && JsonSubset.contains(wanted.getSpec(), live.getSpec());
        }

        @Override
        public HorizontalPodAutoscaler adopt(
            HorizontalPodAutoscaler wanted, HorizontalPodAutoscaler live) {
          return new HorizontalPodAutoscalerBuilder(live)
              .editMetadata()
              .withLabels(labels(wanted, live))
              .endMetadata()
              .editOrNewSpec()
              .withScaleTargetRef(wanted.getSpec().getScaleTargetRef())
              .withMinReplicas(wanted.getSpec().getMinReplicas())
              .withMaxReplicas(wanted.getSpec().getMaxReplicas())
              .withTargetCPUUtilizationPercentage(
                  wanted.getSpec().getTargetCPUUtilizationPercentage())
              .endSpec()
              .build();
        }
      };

  /** Our labels are there with our values; labels others added may stay. */
  private static boolean labelsMatch(HasMetadata wanted, HasMetadata live) {
    Map<String, String> have = live.getMetadata().getLabels();
    Map<String, String> want = wanted.getMetadata().getLabels();
    return have != null && have.entrySet().containsAll(want.entrySet());
  }

  private static Map<String, String> labels(HasMetadata wanted, HasMetadata live) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (live.getMetadata().getLabels() != null) {
      labels.putAll(live.getMetadata().getLabels());
    }
    labels.putAll(wanted.getMetadata().getLabels());
    return labels;
  }
}
