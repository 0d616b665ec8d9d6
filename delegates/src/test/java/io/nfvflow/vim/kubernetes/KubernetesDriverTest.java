package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.nfvflow.tosca.ComputeRequirements;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDriverContractTest;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VnfOnVim;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesDriverTest extends VimDriverContractTest {

  KubernetesMockServer server;
  KubernetesClient client;

  /** Expectations mode: answers what a test tells it to, for statuses CRUD mode never gives. */
  private KubernetesMockServer answering;

  private KubernetesClients clients;
  private KubernetesWorkloads workloads;
  private KubernetesDriver driver;

  @BeforeEach
  void setUp() {
    answering = new KubernetesMockServer(false);
    answering.init();
    clients = new KubernetesClients();
    workloads = new KubernetesWorkloads(clients);
    driver = new KubernetesDriver(clients, workloads);
    client.namespaces().resource(KubernetesFixtures.namespace("default")).create();
  }

  @AfterEach
  void tearDown() {
    clients.close();
    answering.destroy();
  }

  @Override
  protected VimDriver driver() {
    return driver;
  }

  @Override
  protected VimConnection reachableVim() {
    return vimAt(client.getConfiguration().getMasterUrl());
  }

  @Override
  protected VimConnection vimWithRejectedCredentials() {
    // KubernetesMockServer answers /version itself; the namespace list is the next call
    answering
        .expect()
        .get()
        .withPath("/api/v1/namespaces")
        .andReturn(401, status(401, "Unauthorized", "Unauthorized"))
        .always();
    return vimAt(answeringUrl());
  }

  @Override
  protected VimConnection vimAt(String url) {
    return KubernetesFixtures.vim(url, "default");
  }

  @Override
  protected void createResourcesOf(String vnfId) {
    driver.apply(vnf(reachableVim(), vnfId));
  }

  @Override
  protected void deleteResourcesOf(String vnfId) {
    driver.remove(vnf(reachableVim(), vnfId));
  }

  @Override
  protected VimException failureOf(int httpStatus) {
    VnfOnVim vnf = vnf(vimAt(answeringUrl()), TackerSamples.VNF_ID);
    answering
        .expect()
        .get()
        .withPath("/apis/apps/v1/namespaces/default/deployments/vdu1-3f2a9c1e5b7d")
        .andReturn(httpStatus, status(httpStatus, "Because", "the server says no"))
        .always();
    try {
      workloads.applyDeployments(vnf);
    } catch (VimException e) {
      return e;
    }
    throw new AssertionError("no VimException for HTTP " + httpStatus);
  }

  @Test
  void rejectionsCarryTheApiServersReason() {
    assertThat(failureOf(422))
        .hasMessageContaining("Deployment default/vdu1-3f2a9c1e5b7d")
        .hasMessageContaining("the server says no");
  }

  @Test
  void probeListsNamespacesAsRegions() {
    client.namespaces().resource(KubernetesFixtures.namespace("edge")).create();
    client.namespaces().resource(KubernetesFixtures.namespace("core")).create();

    assertThat(driver.probe(reachableVim()).regions()).containsExactly("core", "default", "edge");
  }

  @Test
  void probeOfNamespaceScopedCredentialsGivesTheVimNamespace() {
    answering
        .expect()
        .get()
        .withPath("/api/v1/namespaces")
        .andReturn(403, status(403, "Forbidden", "cannot list namespaces"))
        .always();
    answering
        .expect()
        .get()
        .withPath("/apis/apps/v1/namespaces/tenant/deployments")
        .andReturn(200, new io.fabric8.kubernetes.api.model.apps.DeploymentListBuilder().build())
        .always();

    assertThat(driver.probe(KubernetesFixtures.vim(answeringUrl(), "tenant")).regions())
        .containsExactly("tenant");
  }

  @Test
  void probeOfAServerAnswering500IsUnreachable() {
    answering
        .expect()
        .get()
        .withPath("/api/v1/namespaces")
        .andReturn(500, status(500, "InternalError", "etcd is down"))
        .always();

    assertThat(driver.probe(vimAt(answeringUrl())).detail()).contains("etcd is down");
  }

  @Test
  void anObjectOfTheSameNameNotOwnedByTheVnfIsAConflict() {
    VnfOnVim vnf = vnf(reachableVim(), TackerSamples.VNF_ID);
    String name =
        KubernetesManifests.translate(vnf).get(0).configMaps().get(0).getMetadata().getName();
    client
        .configMaps()
        .inNamespace("default")
        .resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();

    assertThatThrownBy(() -> driver.apply(vnf))
        .isInstanceOfSatisfying(
            VimException.class, e -> assertThat(e.kind()).isEqualTo(VimException.Kind.REJECTED))
        .hasMessage(
            "ConfigMap default/%s already exists and is not owned by VNF %s",
            name, TackerSamples.VNF_ID);
  }

  @Test
  void aConflictOnCreateMeansACrashedRunMadeItAlready() {
    String path = "/apis/apps/v1/namespaces/default/deployments";
    VnfOnVim vnf = vnf(vimAt(answeringUrl()), TackerSamples.VNF_ID);
    var owned = KubernetesManifests.translate(vnf).get(0).deployment();
    answering
        .expect()
        .get()
        .withPath(path + "/vdu1-3f2a9c1e5b7d")
        .andReturn(404, status(404, "NotFound", "gone"))
        .once();
    answering
        .expect()
        .post()
        .withPath(path)
        .andReturn(409, status(409, "AlreadyExists", "exists"))
        .once();
    answering.expect().get().withPath(path + "/vdu1-3f2a9c1e5b7d").andReturn(200, owned).once();

    new Convergence(clients.client(vnf.vim()), vnf).object(owned, OwnedFields.DEPLOYMENTS);

    assertThat(answering.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anUpdateThatConflictsReadsAgainAndRetries() {
    String path = "/apis/apps/v1/namespaces/default/deployments/vdu1-3f2a9c1e5b7d";
    VnfOnVim vnf = vnf(vimAt(answeringUrl()), TackerSamples.VNF_ID);
    var wanted = KubernetesManifests.translate(vnf).get(0).deployment();
    var drifted = drifted(wanted);
    answering.expect().get().withPath(path).andReturn(200, drifted).times(2);
    answering
        .expect()
        .put()
        .withPath(path)
        .andReturn(409, status(409, "Conflict", "changed"))
        .once();
    answering.expect().put().withPath(path).andReturn(200, wanted).once();

    new Convergence(clients.client(vnf.vim()), vnf).object(wanted, OwnedFields.DEPLOYMENTS);

    assertThat(answering.getRequestCount()).isEqualTo(4);
  }

  @Test
  void anObjectThatKeepsChangingIsATransientFailure() {
    String path = "/apis/apps/v1/namespaces/default/deployments/vdu1-3f2a9c1e5b7d";
    VnfOnVim vnf = vnf(vimAt(answeringUrl()), TackerSamples.VNF_ID);
    var wanted = KubernetesManifests.translate(vnf).get(0).deployment();
    answering.expect().get().withPath(path).andReturn(200, drifted(wanted)).always();
    answering
        .expect()
        .put()
        .withPath(path)
        .andReturn(409, status(409, "Conflict", "changed"))
        .always();

    assertThatThrownBy(
            () ->
                new Convergence(clients.client(vnf.vim()), vnf)
                    .object(wanted, OwnedFields.DEPLOYMENTS))
        .isInstanceOfSatisfying(VimException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageContaining("kept changing");
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment drifted(
      io.fabric8.kubernetes.api.model.apps.Deployment wanted) {
    return new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder(wanted)
        .editMetadata()
        .withResourceVersion("7")
        .endMetadata()
        .editSpec()
        .editTemplate()
        .editSpec()
        .editFirstContainer()
        .withImage("nginx:drifted")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void resourcesNameTheObjectsAndPodsWithKindAndUid() {
    createResourcesOf(TackerSamples.VNF_ID);
    KubernetesFixtures.runningPod(
        client,
        client.apps().deployments().inNamespace("default").withName("vdu1-3f2a9c1e5b7d").get(),
        "vdu1-3f2a9c1e5b7d-7d9f-x2x4q",
        "10.244.0.7");

    assertThat(driver.resources(reachableVim(), TackerSamples.VNF_ID))
        .extracting(r -> r.type() + " " + r.name())
        .containsExactly(
            "ConfigMap default/vdu1-app-3f2a9c1e5b7d",
            "Deployment default/vdu1-3f2a9c1e5b7d",
            "Pod default/vdu1-3f2a9c1e5b7d-7d9f-x2x4q",
            "Service default/vdu1-3f2a9c1e5b7d");
    assertThat(driver.resources(reachableVim(), TackerSamples.VNF_ID))
        .allSatisfy(r -> assertThat(r.id()).isNotBlank());
  }

  @Test
  void vmVdusAreNotDeployable() {
    VmVdu vm =
        new VmVdu(
            "VDU2",
            "cirros",
            "m1.tiny",
            new ComputeRequirements(1, 512L, 1),
            null,
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            Map.of());
    VnfDescriptor descriptor =
        new VnfDescriptor(
            "", Map.of(), Map.of(), List.of(vm), List.of(), List.of(), List.of(), List.of());

    assertThatThrownBy(() -> driver.checkDeployable(descriptor))
        .isInstanceOfSatisfying(
            ToscaException.class,
            e -> {
              assertThat(e.node()).isEqualTo("VDU2");
              assertThat(e.isUnsupported()).isTrue();
            })
        .hasMessageContaining("VM VDUs need an OpenStack VIM");
  }

  @Test
  void containerVdusAreDeployable() {
    driver.checkDeployable(TackerSamples.containerized());
    driver.checkDeployable(TackerSamples.twoContainers());
  }

  @Test
  void clientsAreCachedPerVimAndReplacedWhenCredentialsChange() {
    VimConnection vim = reachableVim();
    KubernetesClient first = clients.client(vim);
    assertThat(clients.client(vim)).isSameAs(first);

    VimConnection rotated =
        new VimConnection(
            vim.vimId(),
            vim.type(),
            vim.authUrl(),
            vim.projectName(),
            Map.of(),
            new VimCredentials(null, null, "rotated-token", null));
    assertThat(clients.client(rotated)).isNotSameAs(first);
  }

  @Test
  void typeIsKubernetes() {
    assertThat(driver.type()).isEqualTo("kubernetes");
  }

  private VnfOnVim vnf(VimConnection vim, String vnfId) {
    return new VnfOnVim(vim, vnfId, TackerSamples.single("VDU1", null, "nginx"));
  }

  private String answeringUrl() {
    return "http://" + answering.getHostName() + ":" + answering.getPort();
  }

  static Status status(int code, String reason, String message) {
    return new StatusBuilder()
        .withStatus("Failure")
        .withCode(code)
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
