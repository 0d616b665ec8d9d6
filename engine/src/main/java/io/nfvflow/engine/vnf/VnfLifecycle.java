package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vim.VimEntity;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.engine.vnfd.VnfdEntity;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts lifecycle requests: validates them and begins the operation through the one lifecycle
 * core ({@link Operations}), in one transaction with the start of the workflow, and answers at
 * once. It never waits for a VIM: the workflow does the work.
 */
@Service
public class VnfLifecycle {

  private final VnfRepository vnfs;
  private final VnfdCatalogue catalogue;
  private final VimRegistry vims;
  private final VimDrivers drivers;
  private final Operations operations;
  private final InstantiatedState state;
  private final AlarmUrls alarmUrls;
  private final VnfDescriptors descriptors;

  private final org.springframework.beans.factory.ObjectProvider<ChainedVnfs> chains;

  public VnfLifecycle(
      VnfRepository vnfs,
      VnfdCatalogue catalogue,
      VimRegistry vims,
      VimDrivers drivers,
      Operations operations,
      InstantiatedState state,
      AlarmUrls alarmUrls,
      VnfDescriptors descriptors,
      org.springframework.beans.factory.ObjectProvider<ChainedVnfs> chains) {
    this.chains = chains;
    this.vnfs = vnfs;
    this.catalogue = catalogue;
    this.vims = vims;
    this.drivers = drivers;
    this.operations = operations;
    this.state = state;
    this.alarmUrls = alarmUrls;
    this.descriptors = descriptors;
  }

  /** {@code POST /v1.0/vnfs}: PENDING_CREATE and the instantiate workflow started. */
  @Transactional
  public VnfEntity instantiate(JsonNode body) {
    VnfRequest request = VnfRequest.parse(body);
    if (vnfs.findByName(request.name()).isPresent()) {
      throw TackerException.conflict(
          "DuplicateResourceName", "A VNF named '%s' already exists".formatted(request.name()));
    }
    VnfdEntity vnfd = vnfd(request);
    VimEntity vim = vims.resolve(request.vimId());
    if ("UNREACHABLE".equals(vim.getStatus())) {
      throw TackerException.conflict(
          "VimUnreachableException",
          "VIM %s (%s) is UNREACHABLE; fix or update it before creating VNFs on it"
              .formatted(vim.getName(), vim.getId()));
    }
    VnfDescriptor descriptor = catalogue.descriptor(vnfd, request.paramValues());
    drivers.driver(vim.getType()).checkDeployable(descriptor);
    String workflow = operations.workflow(descriptor, OperationType.INSTANTIATE);

    VnfEntity vnf = new VnfEntity();
    vnf.id = UUID.randomUUID().toString();
    vnf.name = request.name();
    vnf.description = request.description() != null ? request.description() : "";
    vnf.tenantId = request.tenantId();
    vnf.vnfdId = vnfd.getId();
    vnf.vimId = vim.getId();
    vnf.paramValues = JsonColumns.write(request.paramValues());
    vnf.alarmUrls = alarmUrls.create(vnf.id, descriptor);
    vnf.createdAt = Instant.now();
    vnf = vnfs.save(vnf);
    state.initialize(vnf.id, descriptor);
    operations.begin(
        new Operations.Start(
            vnf,
            vim.getType(),
            OperationType.INSTANTIATE,
            VnfStatus.PENDING_CREATE,
            workflow,
            "instantiate on VIM " + vim.getName(),
            false,
            op -> {}));
    return vnf;
  }

  /** {@code DELETE /v1.0/vnfs/{id}}: PENDING_DELETE and the terminate workflow started. */
  @Transactional
  public void terminate(String vnfId, boolean force) {
    VnfEntity vnf = find(vnfId);
    if (vnf.nsId != null) {
      throw TackerException.conflict(
          "VNFInUse",
          "VNF %s is a member of NS %s; it is deleted with the NS (tacker ns-delete)"
              .formatted(vnf.name, vnf.nsId));
    }
    terminate(vnf, force);
  }

  /**
   * Creates a VNF of a network service from a Tacker-shaped body (checked as any request is); it
   * can then be deleted only with its NS.
   */
  @Transactional
  public VnfEntity instantiateMember(JsonNode body, String nsId) {
    VnfEntity vnf = instantiate(body);
    vnf.joinNs(nsId);
    return vnf;
  }

  /** A network service deletes its VNF: a forced terminate (a running operation is cancelled). */
  @Transactional
  public void terminateMember(String vnfId) {
    terminate(find(vnfId), true);
  }

  private void terminate(VnfEntity vnf, boolean force) {
    chains.ifAvailable(
        c -> {
          List<String> using = c.chainsOf(vnf.id);
          if (!using.isEmpty()) {
            throw TackerException.conflict(
                "VnfInUseByVnffg",
                "VNF %s is chained by VNFFG %s; delete the VNFFG, or map another VNF with"
                        .formatted(vnf.name, String.join(", ", using))
                    + " vnffg-update, first");
          }
        });
    VimEntity vim = vims.find(vnf.vimId);
    operations.begin(
        new Operations.Start(
            vnf,
            vim.getType(),
            OperationType.TERMINATE,
            VnfStatus.PENDING_DELETE,
            operations.workflow(descriptors.orNull(vnf), OperationType.TERMINATE),
            force ? "forced delete" : "delete",
            force,
            op -> {}));
  }

  /**
   * {@code POST /v1.0/vnfs/{id}/actions} with {@code scale}: the target is computed and stored
   * before any VIM call, so the workflow (and every retry of its steps) aims at that number.
   *
   * @param cause why (an alarm trigger), or {@code null} for a request
   */
  @Transactional
  public LcmOperationEntity scale(String idOrName, ScaleRequest request, String cause) {
    VnfEntity vnf = findByIdOrName(idOrName);
    VnfDescriptor descriptor = descriptors.of(vnf);
    ScalingPolicy policy = ScalePolicies.find(descriptor, request.policy(), vnf);
    operations.requireIdle(
        vnf, OperationType.SCALE, OperationType.SCALE.pendingStatus(request.out()));
    int from = state.instances(vnf.id, policy);
    int to = ScalePolicies.target(policy, from, request.out(), vnf);
    VimEntity vim = vims.find(vnf.vimId);
    LcmOperationEntity op =
        operations.begin(
            new Operations.Start(
                vnf,
                vim.getType(),
                OperationType.SCALE,
                OperationType.SCALE.pendingStatus(request.out()),
                operations.workflow(descriptor, OperationType.SCALE),
                "scale %s of %s from %d to %d instances%s"
                    .formatted(
                        request.type(),
                        policy.name(),
                        from,
                        to,
                        cause == null ? "" : " (" + cause + ")"),
                false,
                o -> {
                  o.scalePolicy = policy.name();
                  o.scaleFrom = from;
                  o.scaleTo = to;
                  o.cause = cause;
                }));
    state.setScale(vnf.id, policy.name(), to);
    return op;
  }

  /**
   * {@code POST /v1.0/vnfs/{id}/actions} with {@code heal}, or a heal that nfvflow's detection
   * starts. The named VDUs and instances must exist (404 naming the unknown ones, with what
   * exists). A heal is allowed from ACTIVE, and from ERROR (repairing a VNF is how it leaves
   * ERROR).
   *
   * @param detection what detected the problem, for an automatic heal; {@code null} for a request
   */
  @Transactional
  public LcmOperationEntity heal(String idOrName, HealRequest request, Detection detection) {
    VnfEntity vnf = findByIdOrName(idOrName);
    VnfDescriptor descriptor = descriptors.of(vnf);
    List<String> unknown = new ArrayList<>();
    List<String> vduNames = descriptor.vdus().stream().map(io.nfvflow.tosca.Vdu::name).toList();
    request.vdus().stream()
        .filter(v -> !vduNames.contains(v))
        .sorted()
        .forEach(
            v ->
                unknown.add(
                    "VDU %s does not exist in VNF %s (its VDUs: %s)"
                        .formatted(v, vnf.name, String.join(", ", vduNames))));
    List<VnfInstance> known = state.stored(vnf.id);
    // each named instance (by VIM id or name) to its VIM id, as the operation stores it
    Set<String> instanceIds = new LinkedHashSet<>();
    for (String i : request.instances().stream().sorted().toList()) {
      List<String> ids =
          known.stream()
              .filter(k -> i.equals(k.id()) || i.equals(k.name()))
              .map(VnfInstance::id)
              .toList();
      if (ids.isEmpty()) {
        unknown.add(
            "instance %s is not an instance of VNF %s (its instances: %s)"
                .formatted(
                    i,
                    vnf.name,
                    known.isEmpty()
                        ? "none recorded"
                        : String.join(", ", known.stream().map(VnfInstance::name).toList())));
      }
      instanceIds.addAll(ids);
    }
    if (!unknown.isEmpty()) {
      throw new TackerException(HttpStatus.NOT_FOUND, "NotFound", String.join("; ", unknown));
    }
    operations.requireIdle(vnf, OperationType.HEAL, VnfStatus.PENDING_HEAL);
    String cause =
        request.cause() != null
            ? request.cause()
            : detection != null ? detection.reason() : "requested by an operator";
    VimEntity vim = vims.find(vnf.vimId);
    if (detection == null) {
      vnf.autoHealSuspended = null;
    }
    return operations.begin(
        new Operations.Start(
            vnf,
            vim.getType(),
            OperationType.HEAL,
            VnfStatus.PENDING_HEAL,
            operations.workflow(descriptor, OperationType.HEAL),
            "heal of %s%s: %s"
                .formatted(
                    request.describe(),
                    detection == null ? "" : " (automatic" + detection.delay() + ")",
                    cause),
            false,
            o -> {
              o.healVdus = String.join(",", request.vdus());
              o.healInstances = String.join(",", instanceIds);
              o.cause = cause;
              o.automatic = detection != null;
              o.changedAt = detection == null ? null : detection.changedAt();
            }));
  }

  /**
   * What started an automatic heal.
   *
   * @param reason what is wrong (the findings)
   * @param changedAt when the VIM changed, if it told; else {@code null}
   * @param detectedAt when nfvflow saw it
   */
  public record Detection(String reason, Instant changedAt, Instant detectedAt) {

    /** ", 0.4 s after the VIM's change" or empty when the change time is unknown. */
    String delay() {
      if (changedAt == null) {
        return "";
      }
      long ms = Math.max(0, java.time.Duration.between(changedAt, detectedAt).toMillis());
      return ", detected %.1f s after the VIM's change".formatted(ms / 1000.0);
    }
  }

  /** A VNF by id, or by name as Tacker's clients also send it; 404 when neither. */
  VnfEntity findByIdOrName(String idOrName) {
    return vnfs.findById(idOrName)
        .or(() -> vnfs.findByName(idOrName))
        .orElseThrow(() -> TackerException.notFound("vnf", idOrName));
  }

  private VnfEntity find(String vnfId) {
    return vnfs.findById(vnfId).orElseThrow(() -> TackerException.notFound("vnf", vnfId));
  }

  private VnfdEntity vnfd(VnfRequest request) {
    if (request.vnfdTemplate() != null) {
      return catalogue.createInline(request.name(), request.vnfdTemplate(), request.tenantId());
    }
    try {
      return catalogue.find(request.vnfdId());
    } catch (TackerException e) {
      if (e.status() != HttpStatus.NOT_FOUND) {
        throw e;
      }
      throw TackerException.badRequest(
          "VnfdNotFound",
          "Invalid input for field 'vnf.vnfd_id': VNFD %s does not exist"
              .formatted(request.vnfdId()));
    }
  }
}
