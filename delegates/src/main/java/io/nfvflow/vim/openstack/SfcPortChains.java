package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nfvflow.chain.ChainNames;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.ChainPlan.Group;
import io.nfvflow.chain.ChainPlan.Path;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The port chains of a VNFFG: one per NFP over its port pair groups in hop order and its flow
 * classifiers, which earlier steps made.
 */
@Component
public class SfcPortChains {

  private static final Logger LOG = LoggerFactory.getLogger(SfcPortChains.class);

  private final NetworkingSfc sfc;

  public SfcPortChains(NetworkingSfc sfc) {
    this.sfc = sfc;
  }

  /**
   * Creates a missing chain; updates an existing one's {@code port_pair_groups}, {@code
   * flow_classifiers} and description in one request when they differ. {@code chain_id} and {@code
   * chain_parameters} are read-only in networking-sfc: a chain that has others than the plan keeps
   * them, with a warning.
   *
   * @return each NFP's port chain, by NFP id
   */
  Map<String, SfcObject> converge(VimConnection neutron, ChainPlan plan) {
    String vnffgId = plan.vnffgId();
    Map<String, SfcObject> classifiers =
        SfcObject.byName(sfc.owned(neutron, SfcKind.FLOW_CLASSIFIER, vnffgId));
    Map<String, SfcObject> groups =
        SfcObject.byName(sfc.owned(neutron, SfcKind.PORT_PAIR_GROUP, vnffgId));
    Map<String, SfcObject> chains =
        SfcObject.byName(sfc.owned(neutron, SfcKind.PORT_CHAIN, vnffgId));
    Map<String, SfcObject> converged = new LinkedHashMap<>();
    for (Path path : plan.paths()) {
      List<String> groupIds =
          path.groups().stream()
              .sorted(Comparator.comparingInt(Group::index))
              .map(g -> required(groups, ChainNames.portPairGroup(path.nfpId(), g.index()), path))
              .toList();
      List<String> classifierIds =
          path.classifiers().stream()
              .map(c -> ChainNames.flowClassifier(c.classifierId(), c.match()))
              .map(name -> required(classifiers, name, path))
              .toList();
      SfcObject chain = chains.get(ChainNames.portChain(path.nfpId()));
      ObjectNode wanted = SfcBodies.portChain(plan, path, groupIds, classifierIds);
      if (chain == null) {
        chain = sfc.create(neutron, SfcKind.PORT_CHAIN, wanted);
      } else {
        ObjectNode changes =
            SfcBodies.differences(
                chain, wanted, "port_pair_groups", "flow_classifiers", "description");
        if (!changes.isEmpty()) {
          chain = sfc.update(neutron, chain, changes);
        }
        warnFixed(chain, path);
      }
      converged.put(path.nfpId(), chain);
    }
    return converged;
  }

  private static void warnFixed(SfcObject chain, Path path) {
    JsonNode parameters = chain.json().path("chain_parameters");
    JsonNode chainId = chain.json().path("chain_id");
    boolean idDiffers = path.pathId() != null && path.pathId() != chainId.asInt(-1);
    boolean symmetricDiffers = parameters.path("symmetric").asBoolean(false) != path.symmetrical();
    boolean correlationDiffers =
        path.correlation() != null
            && !Objects.equals(parameters.path("correlation").asText(null), path.correlation());
    if (idDiffers || symmetricDiffers || correlationDiffers) {
      LOG.warn(
          "{} of NFP {} keeps chain_id {} and chain_parameters {}: networking-sfc cannot change"
              + " them to path id {}, symmetric {}, correlation {} (delete and create the VNFFG"
              + " to have them)",
          chain.describe(),
          path.name(),
          chainId,
          parameters,
          path.pathId(),
          path.symmetrical(),
          path.correlation());
    }
  }

  /** An object an earlier step made; gone means someone deleted it since. */
  private static String required(Map<String, SfcObject> objects, String name, Path path) {
    SfcObject object = objects.get(name);
    if (object == null) {
      throw new VimException(
          VimException.Kind.REJECTED,
          ("NFP %s: %s is not on networking-sfc (deleted outside nfvflow while the VNFFG was being"
                  + " applied?): apply the VNFFG again")
              .formatted(path.name(), name));
    }
    return object.id();
  }
}
