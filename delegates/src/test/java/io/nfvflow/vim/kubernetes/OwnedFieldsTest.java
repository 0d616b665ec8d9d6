package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.nfvflow.vim.VnfOnVim;
import org.junit.jupiter.api.Test;

/**
 * What counts as drift. A real API server fills in defaults and writes quantities canonically;
 * neither may make {@code apply} write on every run.
 */
class OwnedFieldsTest {

  private final VduManifests wanted =
      KubernetesManifests.translate(
              new VnfOnVim(
                  KubernetesFixtures.vim("https://127.0.0.1:6443", "default"),
                  TackerSamples.VNF_ID,
                  TackerSamples.single("VDU1", null, "nginx")))
          .get(0);

  @Test
  void defaultsAndCanonicalQuantitiesOfTheApiServerAreNoDrift() {
    Deployment live =
        new DeploymentBuilder(wanted.deployment())
            .editSpec()
            .withRevisionHistoryLimit(10)
            .editTemplate()
            .editSpec()
            .withRestartPolicy("Always")
            .editFirstContainer()
            .withImagePullPolicy("Always")
            .withTerminationMessagePath("/dev/termination-log")
            .editResources()
            .addToLimits("memory", new Quantity("64M"))
            .addToRequests("memory", new Quantity("64M"))
            .addToLimits("cpu", new Quantity("0.1"))
            .endResources()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    assertThat(OwnedFields.DEPLOYMENTS.match(wanted.deployment(), live)).isTrue();
  }

  @Test
  void aDifferentQuantityIsDrift() {
    Deployment live =
        new DeploymentBuilder(wanted.deployment())
            .editSpec()
            .editTemplate()
            .editSpec()
            .editFirstContainer()
            .editResources()
            .addToLimits("memory", new Quantity("128M"))
            .endResources()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    assertThat(OwnedFields.DEPLOYMENTS.match(wanted.deployment(), live)).isFalse();
  }

  @Test
  void anExtraContainerIsDrift() {
    Deployment live =
        new DeploymentBuilder(wanted.deployment())
            .editSpec()
            .editTemplate()
            .editSpec()
            .addNewContainer()
            .withName("sidecar")
            .withImage("busybox")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    assertThat(OwnedFields.DEPLOYMENTS.match(wanted.deployment(), live)).isFalse();
  }

  @Test
  void replicasAreNotOwnedByTheDeploymentUpdate() {
    Deployment live =
        new DeploymentBuilder(wanted.deployment()).editSpec().withReplicas(7).endSpec().build();

    assertThat(OwnedFields.DEPLOYMENTS.match(wanted.deployment(), live)).isTrue();
    assertThat(OwnedFields.DEPLOYMENTS.adopt(wanted.deployment(), live).getSpec().getReplicas())
        .isEqualTo(7);
  }

  @Test
  void anUpdatedServiceKeepsItsNodePortsAndClusterIp() {
    Service nodePort =
        new ServiceBuilder(wanted.service().orElseThrow())
            .editSpec()
            .withType("NodePort")
            .endSpec()
            .build();
    Service live =
        new ServiceBuilder(nodePort)
            .editSpec()
            .withType("ClusterIP")
            .withClusterIP("10.96.0.42")
            .editFirstPort()
            .withNodePort(30080)
            .endPort()
            .endSpec()
            .build();

    assertThat(OwnedFields.SERVICES.match(nodePort, live)).isFalse();
    Service adopted = OwnedFields.SERVICES.adopt(nodePort, live);
    assertThat(adopted.getSpec().getType()).isEqualTo("NodePort");
    assertThat(adopted.getSpec().getClusterIP()).isEqualTo("10.96.0.42");
    assertThat(adopted.getSpec().getPorts().get(0).getNodePort()).isEqualTo(30080);
    assertThat(OwnedFields.SERVICES.match(nodePort, adopted)).isTrue();
  }
}
