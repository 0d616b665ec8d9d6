package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainNames;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.ChainPlan.Classifier;
import io.nfvflow.chain.ChainPlan.Path;
import io.nfvflow.chain.Realised;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.VimConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyFlowClassifiers}: a flow classifier per classifier of the VNFFG, named by its
 * match (networking-sfc cannot change a match: a changed one is a new classifier, and the old one
 * is pruned, or replaced at once when networking-sfc finds the two overlap).
 */
@Component
public class ApplyFlowClassifiersDelegate extends SfcStep {

  public ApplyFlowClassifiersDelegate(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc) {
    super(inventory, directory, sfc);
  }

  @Override
  protected void converge(ChainPlan plan, VimConnection neutron) {
    List<SfcObject> owned = sfc.owned(neutron, SfcKind.FLOW_CLASSIFIER, plan.vnffgId());
    Map<String, SfcObject> byName = SfcObject.byName(owned);
    Set<String> wanted = SfcBodies.names(plan, SfcKind.FLOW_CLASSIFIER);
    List<SfcObject> stale = new ArrayList<>(owned);
    stale.removeIf(o -> wanted.contains(o.name()));
    for (Path path : plan.paths()) {
      for (Classifier classifier : path.classifiers()) {
        SfcObject fc =
            byName.get(ChainNames.flowClassifier(classifier.classifierId(), classifier.match()));
        if (fc == null) {
          fc =
              sfc.create(
                  neutron,
                  SfcKind.FLOW_CLASSIFIER,
                  SfcBodies.flowClassifier(plan, classifier),
                  stale,
                  plan.vnffgId());
        }
        inventory.recordRealised(
            plan.vnffgId(),
            new Realised(Realised.Kind.FLOW_CLASSIFIER, classifier.classifierId(), fc.id(), null));
      }
    }
  }
}
