package io.nfvflow.engine.bench;

import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.PollCadence;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimProbe;
import io.nfvflow.vim.VimResource;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The engine-only baseline of the benchmark (issue 10, B2): VIM type {@value #TYPE}, whose apply
 * and remove workflows are the Kubernetes ones ({@code vnf-apply-kubernetes}, {@code
 * vnf-remove-kubernetes}) with every service task's delegate replaced by one that does nothing, and
 * whose driver answers every readiness look with "reached". Everything else — the operation model,
 * the instantiate and terminate workflows, the reusable wait, every asynchronous job, history, the
 * database — is nfvflow's own: what a batch costs here is the engine's ceiling on this machine. Off
 * unless {@code nfvflow.bench.engine-only=true}; never for production.
 */
@Configuration
@ConditionalOnProperty(name = "nfvflow.bench.engine-only", havingValue = "true")
public class EngineOnlyBaseline {

  static final String TYPE = "engine-only";

  private static final Logger log = LoggerFactory.getLogger(EngineOnlyBaseline.class);

  /** The Kubernetes models copied for the baseline: their ids end with {@code -kubernetes}. */
  static final List<String> MODELS = List.of("vnf-apply-kubernetes", "vnf-remove-kubernetes");

  @Bean
  VimDriver engineOnlyDriver() {
    return new NoVimWorkDriver();
  }

  /** The delegate of every service task of the baseline's models: no VIM work. */
  @Bean
  JavaDelegate noVimWorkDelegate() {
    return execution -> {};
  }

  /** Deploys the baseline's models when the engine is up (a marker bean, nothing to inject). */
  @Bean
  EngineOnlyModels engineOnlyModels(RepositoryService repository) {
    deployModels(repository);
    return new EngineOnlyModels();
  }

  /** Marks that the baseline's models are deployed. */
  static final class EngineOnlyModels {}

  static void deployModels(RepositoryService repository) {
    var deployment =
        repository.createDeployment().name("engine-only baseline").enableDuplicateFiltering(true);
    for (String id : MODELS) {
      BpmnModelInstance model = derive(read("bpmn/" + id + ".bpmn"), id);
      deployment.addModelInstance(baselineId(id) + ".bpmn", model);
    }
    deployment.deploy();
    log.warn("Benchmark mode: VIM type {} (no VIM work) is enabled; never in production", TYPE);
  }

  static String baselineId(String kubernetesId) {
    return kubernetesId.replace("-kubernetes", "-" + TYPE);
  }

  /** The model with its process renamed and every service task doing no VIM work. */
  static BpmnModelInstance derive(BpmnModelInstance model, String id) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getId().equals(id)) {
        process.setId(baselineId(id));
        process.setName(process.getName() + " (engine-only baseline)");
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      task.setCamundaDelegateExpression("${noVimWorkDelegate}");
    }
    return model;
  }

  private static BpmnModelInstance read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reachable, deploys anything, every look finds the goal reached, one instance per replica. */
  static final class NoVimWorkDriver implements VimDriver {

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public VimProbe probe(VimConnection vim) {
      return VimProbe.reachable(List.of("default"), "engine-only baseline: no VIM");
    }

    @Override
    public void checkDeployable(VnfDescriptor descriptor) {}

    @Override
    public List<VimResource> resources(VimConnection vim, String vnfId) {
      return List.of();
    }

    @Override
    public String retryCycle() {
      return "R3/PT1S";
    }

    @Override
    public PollCadence cadence() {
      return new PollCadence(Duration.ofSeconds(1), 2, Duration.ofSeconds(10));
    }

    @Override
    public void apply(VnfOnVim vnf) {}

    @Override
    public void remove(VnfOnVim vnf) {}

    @Override
    public Progress progress(VnfOnVim vnf, WaitGoal goal) {
      return Progress.reached();
    }

    @Override
    public Observation observe(VnfOnVim vnf) {
      List<VnfInstance> instances = new ArrayList<>();
      Map<String, Object> mgmt = new LinkedHashMap<>();
      for (Vdu vdu : vnf.descriptor().vdus()) {
        int n = vnf.instances(vdu.name());
        for (int i = 1; i <= n; i++) {
          instances.add(
              new VnfInstance(
                  vdu.name(),
                  vnf.vnfId() + "-" + vdu.name() + "-" + i,
                  vdu.name() + "-" + i,
                  "Running",
                  List.of("192.0.2." + i),
                  Map.of()));
        }
        mgmt.put(vdu.name(), "192.0.2.1");
      }
      return new Observation(instances, mgmt);
    }
  }
}
