package io.nfvflow.vim.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfOnVim;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The VIM's one watch reports a change of a managed Deployment's replicas, and nothing else. */
@EnableKubernetesMockClient(crud = true)
class ReplicaWatchTest {

  KubernetesClient client;

  private final KubernetesClients clients = new KubernetesClients();

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void reportsAReplicaChangeWithTheVnfAndVduFromTheLabels() throws Exception {
    VimConnection vim = KubernetesFixtures.vim(client.getConfiguration().getMasterUrl(), "default");
    KubernetesDriver driver = new KubernetesDriver(clients, new KubernetesWorkloads(clients));
    driver.apply(
        new VnfOnVim(vim, TackerSamples.VNF_ID, KubernetesFixtures.scaled(1, 3, 2), Map.of()));
    List<String> seen = new CopyOnWriteArrayList<>();

    try (AutoCloseable watch =
        driver.watch(vim, (vnf, vdu, n) -> seen.add(vnf + " " + vdu + " " + n)).orElseThrow()) {
      Thread.sleep(500); // the informer lists first; the scale below must come as an update
      client
          .apps()
          .deployments()
          .inNamespace("default")
          .withLabel(KubernetesLabels.VNF_ID, TackerSamples.VNF_ID)
          .list()
          .getItems()
          .forEach(
              d -> {
                d.getMetadata().getLabels().put("unrelated", "edit");
                client.resource(d).update();
              });
      client.apps().deployments().inNamespace("default").withName("vdu1-3f2a9c1e5b7d").scale(3);

      for (int i = 0; i < 100 && seen.isEmpty(); i++) {
        Thread.sleep(100);
      }
      Thread.sleep(300); // nothing else may follow
      assertThat(seen).containsExactly(TackerSamples.VNF_ID + " VDU1 3");
    }
  }
}
