package io.nfvflow.engine.vnffg;

import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vnf.Operations;
import io.nfvflow.engine.vnffgd.VnffgdCatalogue;
import io.nfvflow.engine.vnffgd.VnffgdEntity;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.vnffg.Classifier;
import io.nfvflow.tosca.vnffg.ForwardingPath;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, updating and deleting VNFFGs: each validates everything first (every problem in one
 * answer), writes the rows and the PENDING status, and starts its workflow through the operation
 * model; the workflows do the networking-sfc work.
 */
@Service
public class VnffgLifecycle {

  static final String CREATE = "vnffg-create";
  static final String UPDATE = "vnffg-update";
  static final String DELETE = "vnffg-delete";

  private final VnffgRepository vnffgs;
  private final NfpRepository nfps;
  private final ClassifierRepository classifiers;
  private final VnffgdCatalogue catalogue;
  private final VnffgChecks checks;
  private final Operations operations;

  public VnffgLifecycle(
      VnffgRepository vnffgs,
      NfpRepository nfps,
      ClassifierRepository classifiers,
      VnffgdCatalogue catalogue,
      VnffgChecks checks,
      Operations operations) {
    this.vnffgs = vnffgs;
    this.nfps = nfps;
    this.classifiers = classifiers;
    this.catalogue = catalogue;
    this.checks = checks;
    this.operations = operations;
  }

  /** {@code POST /v1.0/vnffgs}. */
  @Transactional
  public VnffgEntity create(com.fasterxml.jackson.databind.JsonNode body) {
    VnffgRequest request = VnffgRequest.parse(body, true);
    if (vnffgs.findByName(request.name()).isPresent()) {
      throw TackerException.conflict(
          "VnffgNameInUse", "a VNFFG named '%s' exists already".formatted(request.name()));
    }
    VnffgdEntity vnffgd =
        request.template() != null
            ? catalogue.createInline(request.name(), request.template(), request.tenantId())
            : catalogue
                .findByIdOrName(request.vnffgdId())
                .orElseThrow(() -> TackerException.notFound("vnffgd", request.vnffgdId()));
    Map<String, Object> params = request.paramValues() == null ? Map.of() : request.paramValues();
    VnffgDescriptor descriptor = descriptor(vnffgd, params);
    boolean symmetrical = Boolean.TRUE.equals(request.symmetrical());
    VnffgChecks.Resolved resolved =
        checks.resolve(null, descriptor, request.vnfMapping(), symmetrical);

    VnffgEntity vnffg = new VnffgEntity();
    vnffg.id = UUID.randomUUID().toString();
    vnffg.name = request.name();
    vnffg.description =
        request.description() != null
            ? request.description()
            : descriptor.description() != null ? descriptor.description() : "";
    vnffg.tenantId = request.tenantId();
    vnffg.vnffgdId = vnffgd.getId();
    vnffg.vnfMapping = JsonColumns.write(resolved.mapping());
    vnffg.paramValues = JsonColumns.write(params);
    vnffg.symmetrical = symmetrical;
    vnffg.neutronVimId = resolved.neutronVimId();
    vnffg.createdAt = Instant.now();
    vnffg = vnffgs.save(vnffg);
    writePaths(vnffg, descriptor, request.tenantId());
    operations.begin(
        start(
            vnffg,
            OperationType.INSTANTIATE,
            VnfStatus.PENDING_CREATE,
            CREATE,
            describe(resolved)));
    return vnffg;
  }

  /**
   * {@code PUT /v1.0/vnffgs/{id}}: a new VNF mapping (merged over the old one), a new template
   * (classifiers and paths matched by name), new parameters, a new description. Allowed from ACTIVE
   * and, to repair a chain, from ERROR.
   */
  @Transactional
  public VnffgEntity update(String idOrName, com.fasterxml.jackson.databind.JsonNode body) {
    VnffgEntity vnffg = find(idOrName);
    VnffgRequest request = VnffgRequest.parse(body, false);
    operations.requireIdle(vnffg, OperationType.UPDATE, VnfStatus.PENDING_UPDATE);
    String oldVnffgd = vnffg.vnffgdId;
    VnffgdEntity vnffgd =
        request.template() != null
            ? catalogue.createInline(vnffg.name, request.template(), vnffg.tenantId)
            : catalogue.find(vnffg.vnffgdId);
    Map<String, Object> params =
        request.paramValues() != null
            ? request.paramValues()
            : request.template() != null ? Map.of() : JsonColumns.map(vnffg.paramValues);
    VnffgDescriptor descriptor = descriptor(vnffgd, params);
    Map<String, String> mapping = new LinkedHashMap<>(JsonColumns.stringMap(vnffg.vnfMapping));
    if (request.vnfMapping() != null) {
      mapping.putAll(request.vnfMapping());
    }
    boolean symmetrical = request.symmetrical() != null ? request.symmetrical() : vnffg.symmetrical;
    VnffgChecks.Resolved resolved = checks.resolve(vnffg, descriptor, mapping, symmetrical);
    if (!resolved.neutronVimId().equals(vnffg.neutronVimId)) {
      throw TackerException.conflict(
          "VnffgNeutronConflict",
          "the VNFFG's chain lives in the Neutron of VIM %s; the new mapping's ports are in VIM %s's"
              .formatted(vnffg.neutronVimId, resolved.neutronVimId()));
    }
    if (request.description() != null) {
      vnffg.description = request.description();
    }
    vnffg.vnffgdId = vnffgd.getId();
    vnffg.vnfMapping = JsonColumns.write(resolved.mapping());
    vnffg.paramValues = JsonColumns.write(params);
    vnffg.symmetrical = symmetrical;
    if (request.template() != null) {
      writePaths(vnffg, descriptor, vnffg.tenantId);
    } else {
      nfps.findByVnffgIdOrderByPosition(vnffg.id)
          .forEach(
              n ->
                  n.symmetrical = pathSymmetrical(descriptor.paths().get(n.position), symmetrical));
    }
    operations.begin(
        start(vnffg, OperationType.UPDATE, VnfStatus.PENDING_UPDATE, UPDATE, describe(resolved)));
    if (!oldVnffgd.equals(vnffgd.getId())) {
      vnffgs.flush();
      catalogue.deleteIfInlineAndUnused(oldVnffgd);
    }
    return vnffg;
  }

  /** {@code DELETE /v1.0/vnffgs/{id}}: PENDING_DELETE and the delete workflow started. */
  @Transactional
  public void delete(String idOrName) {
    VnffgEntity vnffg = find(idOrName);
    if (vnffg.nsId != null) {
      throw TackerException.conflict(
          "VnffgInUseNS",
          "VNFFG %s is a member of NS %s; it is deleted with the NS (tacker ns-delete)"
              .formatted(vnffg.name, vnffg.nsId));
    }
    operations.begin(
        start(vnffg, OperationType.TERMINATE, VnfStatus.PENDING_DELETE, DELETE, "delete"));
  }

  /**
   * Creates a VNFFG of a network service from a Tacker-shaped body (checked as any request is); it
   * can then be deleted only with its NS.
   */
  @Transactional
  public VnffgEntity createMember(com.fasterxml.jackson.databind.JsonNode body, String nsId) {
    VnffgEntity vnffg = create(body);
    vnffg.joinNs(nsId);
    return vnffg;
  }

  /** A network service deletes its VNFFG: forced (a running operation on it is cancelled). */
  @Transactional
  public void deleteMember(String vnffgId) {
    VnffgEntity vnffg = find(vnffgId);
    operations.begin(
        new Operations.Start(
            vnffg,
            "openstack",
            OperationType.TERMINATE,
            VnfStatus.PENDING_DELETE,
            operations.deployed(DELETE),
            "delete with its NS",
            true,
            op -> {}));
  }

  /**
   * A chained VNF's instances or ports changed: an automatic update converges the chain (its port
   * pair groups), or, while an operation runs on the VNFFG, one is due when it ends.
   *
   * @return whether an update began
   */
  @Transactional
  public boolean follow(String vnffgId, String why) {
    VnffgEntity vnffg = vnffgs.findById(vnffgId).orElse(null);
    if (vnffg == null) {
      return false;
    }
    if (vnffg.status == null || !vnffg.canMoveTo(VnfStatus.PENDING_UPDATE)) {
      if (vnffg.status != VnfStatus.PENDING_DELETE) {
        vnffg.followPending = true;
      }
      return false;
    }
    vnffg.followPending = null;
    operations.begin(
        start(
            vnffg,
            OperationType.UPDATE,
            VnfStatus.PENDING_UPDATE,
            UPDATE,
            "follow the chained VNFs: " + why,
            op -> op.automatic(why)));
    return true;
  }

  VnffgEntity find(String idOrName) {
    return vnffgs
        .findById(idOrName)
        .or(() -> vnffgs.findByName(idOrName))
        .orElseThrow(() -> TackerException.notFound("VNFFG", idOrName));
  }

  private Operations.Start start(
      VnffgEntity vnffg, OperationType type, VnfStatus pending, String workflow, String detail) {
    return start(vnffg, type, pending, workflow, detail, op -> {});
  }

  /** A VNFFG's operation: its steps work on networking-sfc, so OpenStack's retry profile. */
  private Operations.Start start(
      VnffgEntity vnffg,
      OperationType type,
      VnfStatus pending,
      String workflow,
      String detail,
      java.util.function.Consumer<io.nfvflow.engine.vnf.LcmOperationEntity> init) {
    return new Operations.Start(
        vnffg, "openstack", type, pending, operations.deployed(workflow), detail, false, init);
  }

  private VnffgDescriptor descriptor(VnffgdEntity vnffgd, Map<String, Object> params) {
    return catalogue.requestDescriptor(vnffgd, params);
  }

  private static String describe(VnffgChecks.Resolved resolved) {
    List<String> parts = new ArrayList<>();
    resolved.vnfNames().forEach((vnfd, vnf) -> parts.add(vnfd + " → " + vnf));
    return "chain over " + String.join(", ", parts);
  }

  private static boolean pathSymmetrical(ForwardingPath fp, boolean requested) {
    return requested || fp.symmetrical();
  }

  /**
   * The NFP and classifier rows of a descriptor: rows of paths and classifiers that keep their
   * names keep their ids (and networking-sfc objects); others are new or go.
   */
  private void writePaths(VnffgEntity vnffg, VnffgDescriptor descriptor, String tenantId) {
    Map<String, NfpEntity> oldPaths = new HashMap<>();
    nfps.findByVnffgIdOrderByPosition(vnffg.id).forEach(n -> oldPaths.put(n.name, n));
    Map<String, ClassifierEntity> oldClassifiers = new HashMap<>();
    classifiers
        .findByVnffgId(vnffg.id)
        .forEach(c -> oldClassifiers.put(c.nfpId + "/" + key(c.name, c.position), c));
    for (int p = 0; p < descriptor.paths().size(); p++) {
      ForwardingPath fp = descriptor.paths().get(p);
      NfpEntity nfp = oldPaths.remove(fp.name());
      if (nfp == null) {
        nfp = new NfpEntity();
        nfp.id = UUID.randomUUID().toString();
        nfp.sfcId = UUID.randomUUID().toString();
        nfp.vnffgId = vnffg.id;
        nfp.name = fp.name();
      }
      nfp.position = p;
      if (fp.pathId() != null && !fp.pathId().equals(nfp.requestedPathId)) {
        nfp.pathId = null;
      }
      nfp.requestedPathId = fp.pathId();
      nfp.symmetrical = pathSymmetrical(fp, vnffg.symmetrical);
      nfps.save(nfp);
      for (int c = 0; c < fp.classifiers().size(); c++) {
        Classifier classifier = fp.classifiers().get(c);
        ClassifierEntity row = oldClassifiers.remove(nfp.id + "/" + key(classifier.name(), c));
        if (row == null) {
          row = new ClassifierEntity();
          row.id = UUID.randomUUID().toString();
          row.vnffgId = vnffg.id;
          row.nfpId = nfp.id;
        }
        row.name = classifier.name();
        row.position = c;
        Map<String, Object> match = new LinkedHashMap<>(classifier.criteria());
        match.put("tenant_id", tenantId);
        row.matchJson = JsonColumns.write(match);
        classifiers.save(row);
      }
    }
    classifiers.deleteAll(oldClassifiers.values());
    nfps.deleteAll(oldPaths.values());
  }

  private static String key(String name, int position) {
    return name != null ? "name:" + name : "position:" + position;
  }
}
