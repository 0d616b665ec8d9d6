package io.nfvflow.lcm;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Finding;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which instances a heal replaces, level by level. */
class SelectHealInstancesTest {

  static VnfInstance pod(String vdu, String name) {
    return new VnfInstance(vdu, "uid-" + name, name, "Running", List.of(), Map.of());
  }

  /** A driver whose VIM shows fixed instances and findings. */
  static final class Stub implements VimDriver {
    final List<VnfInstance> live = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    boolean gone;
    int observed;

    @Override
    public String type() {
      return "stub";
    }

    @Override
    public VimProbe probe(VimConnection vim) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void checkDeployable(VnfDescriptor descriptor) {}

    @Override
    public List<VimResource> resources(VimConnection vim, String vnfId) {
      return List.of();
    }

    @Override
    public String retryCycle() {
      return "R1/PT1S";
    }

    @Override
    public PollCadence cadence() {
      return null;
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
      observed++;
      if (gone) {
        throw new VimException(VimException.Kind.NOT_FOUND, "Heat stack nfvflow-x not found");
      }
      return new Observation(live, Map.of());
    }

    @Override
    public List<Finding> diagnose(VnfOnVim vnf) {
      return findings;
    }
  }

  final Stub driver = new Stub();
  final VnfOnVim vnf =
      new VnfOnVim(
          new VimConnection("vim-1", "stub", "https://127.0.0.1:1", "p", Map.of(), null),
          "vnf-1",
          null,
          Map.of());

  {
    driver.live.addAll(List.of(pod("VDU1", "a"), pod("VDU1", "b"), pod("VDU2", "c")));
  }

  @Test
  void whatTheDiagnosisFoundIsKeptForTheEndEvent() {
    driver.findings.add(Finding.drift("VDU1", "port CP2 is missing", null));
    assertThat(SelectHealInstancesDelegate.choose(whole(), driver, vnf).found())
        .containsExactly("port CP2 is missing");
  }

  static List<String> names(List<VnfInstance> chosen) {
    return chosen.stream().map(VnfInstance::name).toList();
  }

  @Test
  void namedInstancesAreReplacedAsTheVimShowsThem() {
    List<VnfInstance> chosen = chooseInstancesOf(new HealTarget(Set.of(), Set.of("uid-b"), null));
    assertThat(names(chosen)).containsExactly("b");
  }

  @Test
  void aNamedInstanceTheVimNoLongerShowsIsKeptAsGone() {
    List<VnfInstance> chosen = chooseInstancesOf(new HealTarget(Set.of(), Set.of("uid-z"), null));
    assertThat(chosen).singleElement().extracting(VnfInstance::status).isEqualTo("GONE");
  }

  @Test
  void aNamedInstanceBringsAlongAnyOtherTheVimFindsFailed() {
    driver.findings.add(Finding.instance("VDU2", "uid-c", "server c is ERROR", null));
    driver.findings.add(Finding.drift("VDU1", "port CP1 is missing", null));
    List<VnfInstance> chosen = chooseInstancesOf(new HealTarget(Set.of(), Set.of("uid-b"), null));
    assertThat(names(chosen)).containsExactly("b", "c");
  }

  @Test
  void aNamedVduReplacesEveryInstanceOfIt() {
    List<VnfInstance> chosen = chooseInstancesOf(new HealTarget(Set.of("VDU1"), Set.of(), null));
    assertThat(names(chosen)).containsExactly("a", "b");
  }

  @Test
  void theWholeVnfReplacesFailedInstancesAndUnavailableVdusButNotDrift() {
    driver.findings.add(Finding.instance("VDU2", "uid-c", "pod c CrashLoopBackOff", null));
    driver.findings.add(Finding.drift("VDU1", "Service vdu1 is missing", null));
    assertThat(names(chooseInstancesOf(whole()))).containsExactly("c");
    driver.findings.add(Finding.vdu("VDU1", "VDU1 unavailable", null));
    assertThat(names(chooseInstancesOf(whole()))).containsExactly("c", "a", "b");
  }

  @Test
  void theWholeVnfWithOnlyDriftSelectsNothingAndDoesNotObserve() {
    driver.findings.add(Finding.drift("VDU1", "ConfigMap edited", null));
    assertThat(chooseInstancesOf(whole())).isEmpty();
    assertThat(driver.observed).isZero();
  }

  @Test
  void aServerNovaLostIsSelectedEvenWhenTheStackIsGone() {
    driver.gone = true;
    driver.findings.add(Finding.instance("VDU1", "srv-9", "server srv-9 is gone", null));
    List<VnfInstance> chosen = chooseInstancesOf(whole());
    assertThat(chosen).singleElement().extracting(VnfInstance::id).isEqualTo("srv-9");
  }

  private List<VnfInstance> chooseInstancesOf(HealTarget target) {
    return SelectHealInstancesDelegate.choose(target, driver, vnf).instances();
  }

  private static HealTarget whole() {
    return new HealTarget(Set.of(), Set.of(), null);
  }
}
