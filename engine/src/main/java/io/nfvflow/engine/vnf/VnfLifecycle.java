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
import java.time.Instant;
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

  public VnfLifecycle(
      VnfRepository vnfs,
      VnfdCatalogue catalogue,
      VimRegistry vims,
      VimDrivers drivers,
      Operations operations,
      InstantiatedState state,
      AlarmUrls alarmUrls,
      VnfDescriptors descriptors) {
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
