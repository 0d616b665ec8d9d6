package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code observe} gives a pod's connection points the Neutron ports Kuryr recorded: the VDU's CPs
 * by (order, name), the first on eth0, the next on the additional interfaces.
 */
@EnableKubernetesMockClient(crud = true)
class KuryrPortsObserveTest {

  private static final String VDU1 = "vdu1-3f2a9c1e5b7d";
  private static final String VDU2 = "vdu2-3f2a9c1e5b7d";
  private static final String POD = VDU1 + "-a";

  KubernetesClient client;
  KubernetesMockServer server;

  private KubernetesClients clients;
  private KubernetesDriver driver;
  private VnfOnVim vnf;

  @BeforeEach
  void setUp() {
    clients = new KubernetesClients();
    driver = new KubernetesDriver(clients, new KubernetesWorkloads(clients));
    VimConnection vim = KubernetesFixtures.vim(client.getConfiguration().getMasterUrl(), "default");
    vnf =
        new VnfOnVim(
            vim,
            TackerSamples.VNF_ID,
            withCps(TackerSamples.single("VDU1", null, "nginx"), "VDU1"));
    driver.apply(vnf);
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void theAnnotationsPortsGoToTheVdusConnectionPointsInOrder() {
    annotate(pod("10.244.0.10"), KuryrVifsTest.fixture("podstate.json"));

    VnfInstance instance = only(driver.observe(vnf));

    assertThat(instance.ports())
        .isEqualTo(Map.of("CP1", KuryrVifsTest.ETH0_PORT, "CP2", KuryrVifsTest.ETH1_PORT));
    assertThat(instance.addresses()).containsExactly("10.244.0.10", "10.10.0.15", "10.20.0.27");
  }

  @Test
  void theManagementAddressStaysThePodIp() {
    VnfOnVim two =
        new VnfOnVim(vnf.vim(), vnf.vnfId(), withCps(KubernetesFixtures.twoVdus(), "VDU2"));
    driver.apply(two);
    Deployment vdu2 = client.apps().deployments().inNamespace("default").withName(VDU2).get();
    annotate(
        KubernetesFixtures.runningPod(client, vdu2, VDU2 + "-a", "10.244.0.11"),
        KuryrVifsTest.fixture("podstate.json"));

    Observation seen = driver.observe(two);

    assertThat(seen.mgmtAddresses()).containsEntry("VDU2", "10.244.0.11");
    assertThat(seen.instances())
        .filteredOn(i -> i.vdu().equals("VDU2"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.addresses()).containsExactly("10.244.0.11", "10.10.0.15", "10.20.0.27");
              assertThat(i.ports()).containsOnlyKeys("CP1", "CP2");
            });
  }

  @Test
  void aQueensAnnotationGivesTheFirstCpOnly() {
    annotate(pod("10.10.0.15"), KuryrVifsTest.fixture("queens-vif.json"));

    VnfInstance instance = only(driver.observe(vnf));

    assertThat(instance.ports()).isEqualTo(Map.of("CP1", KuryrVifsTest.ETH0_PORT));
    assertThat(instance.addresses()).containsExactly("10.10.0.15"); // Kuryr's IP is the pod IP
  }

  @Test
  void theKuryrPortOfThePodWinsOverItsAnnotation() throws Exception {
    Pod pod = annotate(pod("10.244.0.10"), KuryrVifsTest.fixture("queens-vif.json"));
    kuryrPort(POD, pod.getMetadata().getUid());

    assertThat(only(driver.observe(vnf)).ports())
        .isEqualTo(Map.of("CP1", KuryrVifsTest.ETH0_PORT, "CP2", KuryrVifsTest.ETH1_PORT));
  }

  @Test
  void aKuryrPortOfAnEarlierPodOfTheSameNameIsNotThePods() throws Exception {
    pod("10.244.0.10");
    kuryrPort(POD, "uid-of-an-earlier-pod");

    assertThat(only(driver.observe(vnf)).ports()).isEmpty();
  }

  @Test
  void withoutTheKuryrPortResourceTheAnnotationsAreRead() {
    server
        .expect()
        .get()
        .withPath("/apis/openstack.org/v1/namespaces/default/kuryrports")
        .andReturn(404, "{\"kind\":\"Status\",\"code\":404,\"reason\":\"NotFound\"}")
        .always();
    annotate(pod("10.244.0.10"), KuryrVifsTest.fixture("podstate.json"));

    assertThat(only(driver.observe(vnf)).ports()).containsKeys("CP1", "CP2");
  }

  @Test
  void aMalformedAnnotationGivesNoPortsAndNoFailure() {
    annotate(pod("10.244.0.10"), "{\"versioned_object.name\": \"PodState\"");

    VnfInstance instance = only(driver.observe(vnf));

    assertThat(instance.ports()).isEmpty();
    assertThat(instance.addresses()).containsExactly("10.244.0.10");
    assertThat(only(driver.observe(vnf)).ports()).isEmpty(); // again: warned once only
  }

  @Test
  void aPlainPodHasNoPorts() {
    pod("10.244.0.10");

    assertThat(only(driver.observe(vnf)).ports()).isEmpty();
  }

  /** CP2 (no order) after CP1 (order 0), and a CP of another VDU that must not count. */
  private static VnfDescriptor withCps(VnfDescriptor d, String vdu) {
    List<ConnectionPoint> cps = new ArrayList<>(d.connectionPoints());
    cps.add(cp("CP2", vdu, null));
    cps.add(cp("CP0", "VDU9", 0));
    cps.add(cp("CP1", vdu, 0));
    return new VnfDescriptor(
        d.description(),
        d.metadata(),
        d.workflows(),
        d.vdus(),
        cps,
        d.virtualLinks(),
        d.scalingPolicies(),
        d.alarmTriggers());
  }

  private static ConnectionPoint cp(String name, String vdu, Integer order) {
    return new ConnectionPoint(name, vdu, "VL1", false, order, null, List.of(), null, null, null);
  }

  private Pod pod(String ip) {
    Deployment d = client.apps().deployments().inNamespace("default").withName(VDU1).get();
    return KubernetesFixtures.runningPod(client, d, POD, ip);
  }

  private Pod annotate(Pod pod, String record) {
    return client
        .pods()
        .resource(pod)
        .edit(
            p -> {
              p.getMetadata().setAnnotations(Map.of(KuryrVifs.ANNOTATION, record));
              return p;
            });
  }

  /** As Kuryr's controller makes it: named after the pod, the pod's uid in its spec. */
  private void kuryrPort(String name, String podUid) throws Exception {
    Object status =
        new ObjectMapper().readValue(KuryrVifsTest.fixture("kuryrport-status.json"), Map.class);
    GenericKubernetesResource kp =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("openstack.org/v1")
            .withKind("KuryrPort")
            .withNewMetadata()
            .withName(name)
            .withNamespace("default")
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of("podUid", podUid, "podNodeName", "node-1"))
            .addToAdditionalProperties("status", status)
            .build();
    client
        .genericKubernetesResources(PodPorts.KURYR_PORTS)
        .inNamespace("default")
        .resource(kp)
        .create();
    assertThat(
            client
                .genericKubernetesResources(PodPorts.KURYR_PORTS)
                .inNamespace("default")
                .withName(name)
                .get()
                .<Object>get("status", "vifs"))
        .as("the mock kept the status")
        .isNotNull();
  }

  private static VnfInstance only(Observation observation) {
    assertThat(observation.instances()).hasSize(1);
    return observation.instances().get(0);
  }
}
