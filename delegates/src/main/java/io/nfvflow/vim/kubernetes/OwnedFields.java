package io.nfvflow.vim.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerSpec;
import java.util.ArrayList;
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

  /**
   * What differs, for people, when {@link #match} is false: the live value first ("image
   * nginx:hacked instead of nginx") where that is cheap to say, else which part was edited.
   */
  String difference(T wanted, T live);

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

        @Override
        public String difference(ConfigMap wanted, ConfigMap live) {
          List<String> found = labelDifference(wanted, live);
          if (!Objects.equals(data(wanted), data(live))) {
            found.add("data edited");
          }
          return join(found);
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

        @Override
        public String difference(Deployment wanted, Deployment live) {
          List<String> found = labelDifference(wanted, live);
          if (live.getSpec() == null) {
            found.add("no spec");
            return join(found);
          }
          if (!JsonSubset.contains(wanted.getSpec().getSelector(), live.getSpec().getSelector())) {
            found.add("selector edited");
          }
          PodTemplateSpec want = wanted.getSpec().getTemplate();
          PodTemplateSpec have = live.getSpec().getTemplate();
          if (!JsonSubset.contains(want, have)) {
            found.addAll(containerDifference(want, have));
          }
          return join(found);
        }

        /** Containers are compared by position, as {@link JsonSubset} compares lists. */
        private static List<String> containerDifference(
            PodTemplateSpec want, PodTemplateSpec have) {
          List<Container> wanted = containers(want);
          List<Container> live = containers(have);
          if (wanted.size() != live.size()) {
            return List.of("%d containers instead of %d".formatted(live.size(), wanted.size()));
          }
          List<String> found = new ArrayList<>();
          for (int i = 0; i < wanted.size(); i++) {
            Container w = wanted.get(i);
            Container l = live.get(i);
            if (!Objects.equals(w.getImage(), l.getImage())) {
              found.add(
                  "container %s: image %s instead of %s"
                      .formatted(w.getName(), l.getImage(), w.getImage()));
            } else if (!JsonSubset.contains(w, l)) {
              found.add("container %s edited".formatted(w.getName()));
            }
          }
          return found.isEmpty() ? List.of("pod template edited") : found;
        }

        private static List<Container> containers(PodTemplateSpec template) {
          return template == null
                  || template.getSpec() == null
                  || template.getSpec().getContainers() == null
              ? List.of()
              : template.getSpec().getContainers();
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

        @Override
        public String difference(Service wanted, Service live) {
          List<String> found = labelDifference(wanted, live);
          if (live.getSpec() == null) {
            found.add("no spec");
            return join(found);
          }
          if (!Objects.equals(wanted.getSpec().getType(), live.getSpec().getType())) {
            found.add(
                "type %s instead of %s"
                    .formatted(live.getSpec().getType(), wanted.getSpec().getType()));
          }
          if (!Objects.equals(wanted.getSpec().getSelector(), live.getSpec().getSelector())) {
            found.add("selector edited");
          }
          if (!JsonSubset.contains(wanted.getSpec().getPorts(), live.getSpec().getPorts())) {
            found.add("ports edited");
          }
          return join(found);
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

        @Override
        public String difference(HorizontalPodAutoscaler wanted, HorizontalPodAutoscaler live) {
          List<String> found = labelDifference(wanted, live);
          HorizontalPodAutoscalerSpec want = wanted.getSpec();
          HorizontalPodAutoscalerSpec have = live.getSpec();
          if (have == null) {
            found.add("no spec");
            return join(found);
          }
          if (!JsonSubset.contains(want.getScaleTargetRef(), have.getScaleTargetRef())) {
            found.add("target edited");
          }
          differs(found, "minReplicas", want.getMinReplicas(), have.getMinReplicas());
          differs(found, "maxReplicas", want.getMaxReplicas(), have.getMaxReplicas());
          differs(
              found,
              "targetCPUUtilizationPercentage",
              want.getTargetCPUUtilizationPercentage(),
              have.getTargetCPUUtilizationPercentage());
          return join(found);
        }

        private static void differs(List<String> found, String field, Integer want, Integer have) {
          if (want != null && !want.equals(have)) {
            found.add("%s %s instead of %s".formatted(field, have, want));
          }
        }
      };

  /** Our labels are there with our values; labels others added may stay. */
  private static boolean labelsMatch(HasMetadata wanted, HasMetadata live) {
    Map<String, String> have = live.getMetadata().getLabels();
    Map<String, String> want = wanted.getMetadata().getLabels();
    return have != null && have.entrySet().containsAll(want.entrySet());
  }

  /** Our labels that are missing or changed on the live object, as a mutable list of findings. */
  private static List<String> labelDifference(HasMetadata wanted, HasMetadata live) {
    Map<String, String> have =
        live.getMetadata().getLabels() == null ? Map.of() : live.getMetadata().getLabels();
    List<String> keys =
        wanted.getMetadata().getLabels().entrySet().stream()
            .filter(e -> !e.getValue().equals(have.get(e.getKey())))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    List<String> found = new ArrayList<>();
    if (!keys.isEmpty()) {
      found.add((keys.size() == 1 ? "label " : "labels ") + String.join(", ", keys) + " edited");
    }
    return found;
  }

  private static String join(List<String> found) {
    return found.isEmpty() ? "edited" : String.join(", ", found);
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
