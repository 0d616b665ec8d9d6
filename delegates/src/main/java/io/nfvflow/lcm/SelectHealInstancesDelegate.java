package io.nfvflow.lcm;

import io.nfvflow.vim.Finding;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task {@code SelectInstances} of {@code vnf-heal}: chooses, once, the instances the heal replaces
 * and stores them with the operation, so a re-run after a crash replaces the same ones (never their
 * replacements):
 *
 * <ul>
 *   <li>named instances: those instances (as the VIM shows them now, else as last recorded), and
 *       any other instance the VIM's diagnosis finds failed or gone (the heal's wait would fail on
 *       it otherwise);
 *   <li>named VDUs: every instance of each, as the VIM shows them now, and failed ones as above;
 *   <li>the whole VNF: the instances the VIM's diagnosis finds failed or gone, and every instance
 *       of a VDU that stays unavailable. Objects missing or changed need no selection: the apply
 *       that follows converges them.
 * </ul>
 */
@Component
public class SelectHealInstancesDelegate extends LcmStep {

  private static final Logger LOG = LoggerFactory.getLogger(SelectHealInstancesDelegate.class);

  public SelectHealInstancesDelegate(
      VnfInventory inventory, VimDirectory directory, VimDrivers drivers) {
    super(inventory, directory, drivers);
  }

  @Override
  protected void run(DelegateExecution execution, VimDriver driver, VnfOnVim vnf) {
    String operationId = LcmVariables.operationId(execution);
    HealTarget target = inventory.healTarget(operationId);
    if (target.selected() != null) {
      return;
    }
    Selection chosen = choose(target, driver, vnf);
    List<VnfInstance> stored =
        inventory.selectHealInstances(operationId, chosen.instances(), chosen.found());
    LOG.info(
        "heal {} of VNF {}: replacing {}",
        operationId,
        vnf.vnfId(),
        stored.isEmpty()
            ? "no instance (converging the VNF's objects)"
            : stored.stream().map(VnfInstance::name).collect(Collectors.joining(", ")));
  }

  /**
   * The instances a heal replaces, and what the VIM's diagnosis found wrong.
   *
   * @param instances the instances to replace
   * @param found the findings' reasons, for the heal's end event
   */
  record Selection(List<VnfInstance> instances, List<String> found) {}

  static Selection choose(HealTarget target, VimDriver driver, VnfOnVim vnf) {
    List<Finding> findings = LcmErrors.vimCall(() -> driver.diagnose(vnf));
    List<String> found = findings.stream().map(Finding::reason).distinct().toList();
    return new Selection(choose(target, driver, vnf, findings), found);
  }

  private static List<VnfInstance> choose(
      HealTarget target, VimDriver driver, VnfOnVim vnf, List<Finding> findings) {
    Map<String, VnfInstance> chosen = new LinkedHashMap<>();
    if (target.wholeVnf()) {
      List<Finding> replace =
          findings.stream().filter(f -> f.scope() != Finding.Scope.VNF).toList();
      if (replace.isEmpty()) {
        return List.of();
      }
      Set<String> unavailable =
          replace.stream()
              .filter(f -> f.scope() == Finding.Scope.VDU)
              .map(Finding::vdu)
              .collect(Collectors.toSet());
      List<VnfInstance> live = live(driver, vnf);
      for (Finding f : replace) {
        if (f.scope() == Finding.Scope.INSTANCE) {
          VnfInstance known =
              live.stream()
                  .filter(i -> i.id().equals(f.instanceId()))
                  .findFirst()
                  .orElse(gone(f.vdu(), f.instanceId()));
          chosen.put(known.id(), known);
        }
      }
      live.stream()
          .filter(i -> unavailable.contains(i.vdu()))
          .forEach(i -> chosen.putIfAbsent(i.id(), i));
      return new ArrayList<>(chosen.values());
    }
    List<VnfInstance> live = live(driver, vnf);
    for (VnfInstance i : live) {
      if (target.vdus().contains(i.vdu()) || target.instances().contains(i.id())) {
        chosen.put(i.id(), i);
      }
    }
    // instances the VIM reports failed are replaced too: the wait that ends the heal would
    // otherwise fail on them (a server in ERROR, a pod that can never start)
    for (Finding f : findings) {
      if (f.scope() == Finding.Scope.INSTANCE && !chosen.containsKey(f.instanceId())) {
        chosen.put(
            f.instanceId(),
            live.stream()
                .filter(i -> i.id().equals(f.instanceId()))
                .findFirst()
                .orElse(gone(f.vdu(), f.instanceId())));
      }
    }
    // a named instance the VIM no longer shows is gone already: the apply recreates what is missing
    for (String id : target.instances()) {
      chosen.computeIfAbsent(id, missing -> gone(null, missing));
    }
    return new ArrayList<>(chosen.values());
  }

  private static List<VnfInstance> live(VimDriver driver, VnfOnVim vnf) {
    try {
      return LcmErrors.vimCall(() -> driver.observe(vnf)).instances();
    } catch (io.nfvflow.vim.VimException e) {
      if (e.kind() != io.nfvflow.vim.VimException.Kind.NOT_FOUND) {
        throw e;
      }
      // nothing to observe (a stack that is gone): the apply that follows recreates it
      LOG.info("VNF {}: no instances to observe ({})", vnf.vnfId(), e.getMessage());
      return List.of();
    }
  }

  private static VnfInstance gone(String vdu, String id) {
    return new VnfInstance(vdu == null ? "" : vdu, id, id, "GONE", List.of(), Map.of());
  }
}
