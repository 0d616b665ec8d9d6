package io.nfvflow.engine.api;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.tosca.DeploymentKind;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.PollCadence;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimProbe;
import io.nfvflow.vim.VimResource;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A VIM type for API tests, in memory. The bearer token decides the probe's outcome ({@code good},
 * {@code bad} = rejected, anything else = unreachable). The VIM's project name {@code quota-N}
 * gives it room for N instances: an apply beyond that never becomes ready (WORKLOAD_FAILED), as a
 * Kubernetes ResourceQuota would. Its steps are the test models {@code vnf-apply-fake} and {@code
 * vnf-remove-fake}, which reach it through the SPI.
 */
class FakeVimDriver implements VimDriver {

  static final String TYPE = "fake";

  /** Desired instances per VDU of every VNF "on the VIM". */
  final Map<String, Map<String, Integer>> applied = new ConcurrentHashMap<>();

  /** What diagnose finds per VNF; a heal's replace step clears it unless the VNF is stubborn. */
  final Map<String, List<io.nfvflow.vim.Finding>> findings = new ConcurrentHashMap<>();

  /** VNFs whose findings survive every heal (a heal that never lasts). */
  final java.util.Set<String> stubborn = ConcurrentHashMap.newKeySet();

  /** The names of the instances each heal replaced, per VNF, in order. */
  final Map<String, List<List<String>>> replaced = new ConcurrentHashMap<>();

  /** Instance-number offset per VDU of a VNF: a replaced instance comes back with a new id. */
  final Map<String, AtomicInteger> generation = new ConcurrentHashMap<>();

  @Override
  public List<io.nfvflow.vim.Finding> diagnose(VnfOnVim vnf) {
    return findings.getOrDefault(vnf.vnfId(), List.of());
  }

  /** The fake heal step: records what it replaced; the replacements get new ids. */
  void replace(String vnfId, List<VnfInstance> selected) {
    replaced
        .computeIfAbsent(vnfId, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .add(selected.stream().map(VnfInstance::name).toList());
    if (!selected.isEmpty()) {
      generation.computeIfAbsent(vnfId, k -> new AtomicInteger()).incrementAndGet();
    }
    if (!stubborn.contains(vnfId)) {
      findings.remove(vnfId);
    }
  }

  /** VNFs that never become ready again (a heal that fails). */
  final java.util.Set<String> broken = ConcurrentHashMap.newKeySet();

  /** VNFs whose objects never become ready (their operation keeps running). */
  final java.util.Set<String> neverReady = ConcurrentHashMap.newKeySet();

  /** Instance i of a VDU gets the address {@code addressPrefix + i} (a test may use loopback). */
  volatile String addressPrefix = "10.0.0.";

  /** How many times apply ran per VNF (idempotence checks). */
  final Map<String, AtomicInteger> applies = new ConcurrentHashMap<>();

  /** Runs inside every probe, before it answers (a test's concurrent write); null: nothing. */
  volatile java.util.function.Consumer<VimConnection> onProbe;

  /** Runs inside every observe, before it answers (a test's concurrent write); null: nothing. */
  volatile java.util.function.Consumer<VnfOnVim> onObserve;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public VimProbe probe(VimConnection vim) {
    java.util.function.Consumer<VimConnection> hook = onProbe;
    if (hook != null) {
      hook.accept(vim);
    }
    String token = vim.credentials().bearerToken();
    if ("bad".equals(token)) {
      throw new VimException(VimException.Kind.UNAUTHORIZED, "401 Unauthorized");
    }
    if ("good".equals(token)) {
      return VimProbe.reachable(List.of("ns1", "ns2"), "fake VIM answered");
    }
    return VimProbe.unreachable("connection refused");
  }

  @Override
  public void checkDeployable(VnfDescriptor descriptor) {
    if (descriptor.kind() != DeploymentKind.CONTAINER) {
      throw ToscaException.unsupported(
          descriptor.vdus().get(0).name(), null, "fake runs containers");
    }
  }

  @Override
  public List<VimResource> resources(VimConnection vim, String vnfId) {
    return List.of(new VimResource("thing-" + vnfId.substring(0, 8), "Thing", "uid-1"));
  }

  @Override
  public String retryCycle() {
    return "R2/PT1S";
  }

  @Override
  public PollCadence cadence() {
    return new PollCadence(Duration.ofMillis(200), 2, Duration.ofMillis(800));
  }

  @Override
  public void apply(VnfOnVim vnf) {
    Map<String, Integer> desired = new LinkedHashMap<>();
    for (Vdu vdu : vnf.descriptor().vdus()) {
      desired.put(vdu.name(), vnf.instances(vdu.name()));
    }
    applied.put(vnf.vnfId(), desired);
    // a container image named crash-loop never becomes ready (a VNF that fails on the VIM)
    if (vnf.descriptor().vdus().stream()
        .filter(v -> v instanceof io.nfvflow.tosca.ContainerVdu)
        .flatMap(v -> ((io.nfvflow.tosca.ContainerVdu) v).containers().stream())
        .anyMatch(c -> "crash-loop".equals(c.image()))) {
      broken.add(vnf.vnfId());
    }
    // and one named never-ready stays pending (an operation that is still running)
    if (vnf.descriptor().vdus().stream()
        .filter(v -> v instanceof io.nfvflow.tosca.ContainerVdu)
        .flatMap(v -> ((io.nfvflow.tosca.ContainerVdu) v).containers().stream())
        .anyMatch(c -> "never-ready".equals(c.image()))) {
      neverReady.add(vnf.vnfId());
    }
    applies.computeIfAbsent(vnf.vnfId(), k -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void remove(VnfOnVim vnf) {
    applied.remove(vnf.vnfId());
  }

  @Override
  public Progress progress(VnfOnVim vnf, WaitGoal goal) {
    Map<String, Integer> desired = applied.get(vnf.vnfId());
    if (goal == WaitGoal.GONE) {
      return desired == null ? Progress.reached() : Progress.pending("things left");
    }
    if (desired == null) {
      return Progress.pending("nothing applied yet");
    }
    if (neverReady.contains(vnf.vnfId())) {
      return Progress.pending("never ready (on purpose)");
    }
    if (broken.contains(vnf.vnfId())) {
      return Progress.failed(
          LcmErrors.WORKLOAD_FAILED, "pods of VDU1 crash-loop (broken on purpose)");
    }
    int total = desired.values().stream().mapToInt(Integer::intValue).sum();
    String project = vnf.vim().projectName();
    if (project != null && project.startsWith("quota-")) {
      int quota = Integer.parseInt(project.substring("quota-".length()));
      if (total > quota) {
        return Progress.failed(
            LcmErrors.WORKLOAD_FAILED,
            "exceeded quota: %d instances wanted, %d allowed".formatted(total, quota));
      }
    }
    return Progress.reached();
  }

  @Override
  public Observation observe(VnfOnVim vnf) {
    java.util.function.Consumer<VnfOnVim> hook = onObserve;
    if (hook != null) {
      hook.accept(vnf);
    }
    List<VnfInstance> instances = new ArrayList<>();
    Map<String, Object> mgmt = new LinkedHashMap<>();
    applied
        .getOrDefault(vnf.vnfId(), Map.of())
        .forEach(
            (vdu, n) -> {
              List<String> addresses = new ArrayList<>();
              for (int i = 1; i <= n; i++) {
                String ip = addressPrefix + i;
                addresses.add(ip);
                int g = generation.getOrDefault(vnf.vnfId(), new AtomicInteger()).get();
                String suffix = g == 0 ? "" + i : i + "g" + g;
                instances.add(
                    new VnfInstance(
                        vdu,
                        vdu + "-uid-" + suffix,
                        vdu + "-" + suffix,
                        "Running",
                        List.of(ip),
                        ports(vnf, vdu, suffix)));
              }
              mgmt.put(vdu, n == 1 ? addresses.get(0) : addresses);
            });
    return new Observation(instances, mgmt);
  }

  /** A Neutron-like port id per connection point of the VDU, new for every new instance. */
  private static Map<String, String> ports(VnfOnVim vnf, String vdu, String suffix) {
    Map<String, String> ports = new LinkedHashMap<>();
    vnf.descriptor().connectionPoints().stream()
        .filter(cp -> vdu.equals(cp.vdu()))
        .forEach(
            cp ->
                ports.put(
                    cp.name(),
                    "port-%s-%s-%s".formatted(vnf.vnfId().substring(0, 8), cp.name(), suffix)));
    return ports;
  }
}
