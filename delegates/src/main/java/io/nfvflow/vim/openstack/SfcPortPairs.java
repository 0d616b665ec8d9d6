package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nfvflow.chain.ChainNames;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.ChainPlan.Group;
import io.nfvflow.chain.ChainPlan.Pair;
import io.nfvflow.chain.ChainPlan.Path;
import io.nfvflow.vim.VimConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The port pairs of a VNFFG: one per instance of every hop. The port pair group step converges them
 * too, so that an instance that came (scale, heal) between the two steps is in its group all the
 * same.
 */
@Component
public class SfcPortPairs {

  private final NetworkingSfc sfc;

  public SfcPortPairs(NetworkingSfc sfc) {
    this.sfc = sfc;
  }

  /**
   * Makes every port pair of the plan exist as planned: a missing one is created; one whose ports
   * or correlation differ (networking-sfc cannot change them) is released and made anew.
   *
   * @return the plan's port pairs by name
   */
  Map<String, SfcObject> converge(VimConnection neutron, ChainPlan plan) {
    List<SfcObject> owned = sfc.owned(neutron, SfcKind.PORT_PAIR, plan.vnffgId());
    Map<String, SfcObject> byName = SfcObject.byName(owned);
    Set<String> wanted = SfcBodies.names(plan, SfcKind.PORT_PAIR);
    List<SfcObject> stale = new ArrayList<>(owned);
    stale.removeIf(o -> wanted.contains(o.name()));
    Map<String, SfcObject> pairs = new LinkedHashMap<>();
    for (Path path : plan.paths()) {
      for (Group group : path.groups()) {
        for (Pair pair : group.pairs()) {
          String name = ChainNames.portPair(path.nfpId(), group.index(), pair.ingressPort());
          ObjectNode body = SfcBodies.portPair(plan, path, group, pair);
          SfcObject existing = byName.get(name);
          if (existing != null && !same(existing, body)) {
            sfc.release(neutron, existing, plan.vnffgId());
            existing = null;
          }
          pairs.put(
              name,
              existing != null
                  ? existing
                  : sfc.create(neutron, SfcKind.PORT_PAIR, body, stale, plan.vnffgId()));
        }
      }
    }
    return pairs;
  }

  private static boolean same(SfcObject pair, ObjectNode body) {
    return Objects.equals(pair.text("ingress"), body.path("ingress").asText())
        && Objects.equals(pair.text("egress"), body.path("egress").asText())
        && Objects.equals(
            correlation(pair.json().path("service_function_parameters").path("correlation")),
            correlation(body.path("service_function_parameters").path("correlation")));
  }

  private static String correlation(com.fasterxml.jackson.databind.JsonNode value) {
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}
