package io.nfvflow.engine.vnffg;

import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vnffgd.VnffgdCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tacker answers of VNFFGs, NFPs, SFCs and classifiers (Tacker's key sets, plus {@code
 * classifier_ids} on an NFP, {@code vnffg_id} on an SFC, {@code symmetrical} and {@code
 * error_reason} on a VNFFG). NFPs, SFCs and classifiers show their VNFFG's status: they move
 * together.
 */
@Component
class VnffgViews {

  private final VnffgRepository vnffgs;
  private final NfpRepository nfps;
  private final ClassifierRepository classifiers;
  private final VnffgdCatalogue catalogue;

  VnffgViews(
      VnffgRepository vnffgs,
      NfpRepository nfps,
      ClassifierRepository classifiers,
      VnffgdCatalogue catalogue) {
    this.vnffgs = vnffgs;
    this.nfps = nfps;
    this.classifiers = classifiers;
    this.catalogue = catalogue;
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> vnffgs() {
    return vnffgs.findAll().stream().map(this::vnffg).toList();
  }

  @Transactional(readOnly = true)
  Map<String, Object> vnffg(String idOrName) {
    return vnffg(
        vnffgs
            .findById(idOrName)
            .or(() -> vnffgs.findByName(idOrName))
            .orElseThrow(() -> TackerException.notFound("VNFFG", idOrName)));
  }

  Map<String, Object> vnffg(VnffgEntity v) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", v.id);
    view.put("tenant_id", io.nfvflow.engine.tacker.Nulls.keep(v.tenantId));
    view.put("name", v.name);
    view.put("description", v.description);
    view.put("vnffgd_id", v.vnffgdId);
    view.put("vnf_mapping", JsonColumns.stringMap(v.vnfMapping));
    view.put("attributes", attributes(v));
    List<NfpEntity> paths = nfps.findByVnffgIdOrderByPosition(v.id);
    view.put("forwarding_paths", paths.isEmpty() ? null : paths.get(0).id);
    view.put("forwarding_path_ids", paths.stream().map(n -> n.id).toList());
    view.put("symmetrical", v.symmetrical);
    view.put("status", v.status == null ? null : v.status.name());
    view.put("error_reason", io.nfvflow.engine.tacker.Nulls.keep(v.errorReason));
    view.put("ns_id", io.nfvflow.engine.tacker.Nulls.keep(v.nsId));
    return view;
  }

  private Map<String, Object> attributes(VnffgEntity v) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    try {
      attributes.put("vnffgd", catalogue.find(v.vnffgdId).template());
    } catch (RuntimeException e) {
      attributes.put("vnffgd", Map.of());
    }
    Map<String, Object> params = JsonColumns.map(v.paramValues);
    if (!params.isEmpty()) {
      attributes.put("param_values", params);
    }
    return attributes;
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> nfps() {
    return nfps.findAll().stream().map(this::nfp).toList();
  }

  @Transactional(readOnly = true)
  Map<String, Object> nfp(String idOrName) {
    NfpEntity nfp =
        nfps.findById(idOrName)
            .or(() -> nfps.findAll().stream().filter(n -> n.name.equals(idOrName)).findFirst())
            .orElseThrow(() -> TackerException.notFound("NFP", idOrName));
    return nfp(nfp);
  }

  private Map<String, Object> nfp(NfpEntity n) {
    Map<String, Object> view = new LinkedHashMap<>();
    VnffgEntity vnffg = vnffgs.findById(n.vnffgId).orElse(null);
    view.put("id", n.id);
    view.put(
        "tenant_id", io.nfvflow.engine.tacker.Nulls.keep(vnffg == null ? null : vnffg.tenantId));
    view.put("name", n.name);
    view.put("vnffg_id", n.vnffgId);
    view.put("chain_id", n.sfcId);
    view.put("path_id", io.nfvflow.engine.tacker.Nulls.keep(pathId(n)));
    view.put("symmetrical", n.symmetrical);
    view.put(
        "classifier_ids",
        classifiers.findByNfpIdOrderByPosition(n.id).stream().map(c -> c.id).toList());
    view.put("status", status(vnffg));
    return view;
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> sfcs() {
    return nfps.findAll().stream().map(this::sfc).toList();
  }

  @Transactional(readOnly = true)
  Map<String, Object> sfc(String id) {
    return sfc(nfps.findBySfcId(id).orElseThrow(() -> TackerException.notFound("SFC", id)));
  }

  private Map<String, Object> sfc(NfpEntity n) {
    Map<String, Object> view = new LinkedHashMap<>();
    VnffgEntity vnffg = vnffgs.findById(n.vnffgId).orElse(null);
    view.put("id", n.sfcId);
    view.put(
        "tenant_id", io.nfvflow.engine.tacker.Nulls.keep(vnffg == null ? null : vnffg.tenantId));
    view.put("nfp_id", n.id);
    view.put("vnffg_id", n.vnffgId);
    view.put("instance_id", io.nfvflow.engine.tacker.Nulls.keep(n.portChainId));
    view.put("chain", n.chain == null ? List.of() : JsonColumns.list(n.chain));
    view.put("path_id", io.nfvflow.engine.tacker.Nulls.keep(pathId(n)));
    view.put("symmetrical", n.symmetrical);
    view.put("status", status(vnffg));
    return view;
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> classifiers() {
    List<Map<String, Object>> all = new ArrayList<>();
    classifiers.findAll().forEach(c -> all.add(classifier(c)));
    return all;
  }

  @Transactional(readOnly = true)
  Map<String, Object> classifier(String idOrName) {
    ClassifierEntity c =
        classifiers
            .findById(idOrName)
            .or(
                () ->
                    classifiers.findAll().stream().filter(x -> idOrName.equals(x.name)).findFirst())
            .orElseThrow(() -> TackerException.notFound("classifier", idOrName));
    return classifier(c);
  }

  private Map<String, Object> classifier(ClassifierEntity c) {
    Map<String, Object> view = new LinkedHashMap<>();
    VnffgEntity vnffg = vnffgs.findById(c.vnffgId).orElse(null);
    NfpEntity nfp = nfps.findById(c.nfpId).orElse(null);
    view.put("id", c.id);
    view.put(
        "tenant_id", io.nfvflow.engine.tacker.Nulls.keep(vnffg == null ? null : vnffg.tenantId));
    view.put("name", c.name == null ? "" : c.name);
    view.put("nfp_id", c.nfpId);
    view.put("chain_id", nfp == null ? null : nfp.sfcId);
    view.put("instance_id", io.nfvflow.engine.tacker.Nulls.keep(c.flowClassifierId));
    view.put("match", JsonColumns.map(c.matchJson));
    view.put("status", status(vnffg));
    return view;
  }

  /** networking-sfc's chain id once the chain exists, else the one the descriptor asks for. */
  private static String pathId(NfpEntity n) {
    Integer id = n.pathId != null ? n.pathId : n.requestedPathId;
    return id == null ? null : String.valueOf(id);
  }

  private static String status(VnffgEntity vnffg) {
    return vnffg == null || vnffg.status == null ? null : vnffg.status.name();
  }
}
