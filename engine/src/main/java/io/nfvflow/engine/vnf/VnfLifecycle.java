package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vim.VimEntity;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.engine.vnfd.VnfdEntity;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimDrivers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts lifecycle requests: validates them, writes the VNF's PENDING status, the operation row
 * and the event in one transaction with the start of the operation's process, and answers at once.
 * It never waits for a VIM: the workflow does the work.
 */
@Service
public class VnfLifecycle {

  static final String INSTANTIATE = "INSTANTIATE";
  static final String TERMINATE = "TERMINATE";
  static final List<String> RUNNING = List.of("STARTING", "PROCESSING");

  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final VnfdCatalogue catalogue;
  private final VimRegistry vims;
  private final VimDrivers drivers;
  private final EventLog events;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final LcmSettings settings;

  public VnfLifecycle(
      VnfRepository vnfs,
      LcmOperationRepository operations,
      VnfdCatalogue catalogue,
      VimRegistry vims,
      VimDrivers drivers,
      EventLog events,
      RuntimeService runtime,
      RepositoryService repository,
      LcmSettings settings) {
    this.vnfs = vnfs;
    this.operations = operations;
    this.catalogue = catalogue;
    this.vims = vims;
    this.drivers = drivers;
    this.events = events;
    this.runtime = runtime;
    this.repository = repository;
    this.settings = settings;
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
    String workflow = workflow(descriptor, "instantiate", "vnf-instantiate");

    VnfEntity vnf = new VnfEntity();
    vnf.id = UUID.randomUUID().toString();
    vnf.name = request.name();
    vnf.description = request.description() != null ? request.description() : "";
    vnf.tenantId = request.tenantId();
    vnf.vnfdId = vnfd.getId();
    vnf.vimId = vim.getId();
    vnf.status = "PENDING_CREATE";
    vnf.paramValues = JsonColumns.write(request.paramValues());
    vnf.createdAt = Instant.now();
    vnf = vnfs.save(vnf);
    start(vnf, vim.getType(), INSTANTIATE, workflow, "CREATE");
    return vnf;
  }

  /** {@code DELETE /v1.0/vnfs/{id}}: PENDING_DELETE and the terminate workflow started. */
  @Transactional
  public void terminate(String vnfId, boolean force) {
    VnfEntity vnf = vnfs.findById(vnfId).orElseThrow(() -> TackerException.notFound("vnf", vnfId));
    List<LcmOperationEntity> running = operations.findByVnfIdAndStateIn(vnfId, RUNNING);
    if (!running.isEmpty() && !force) {
      throw TackerException.conflict(
          "VnfInUse",
          "VNF %s is %s (operation %s is running); wait for it, or delete with force"
              .formatted(vnfId, vnf.status, running.get(0).id));
    }
    running.forEach(this::cancel);
    VimEntity vim = vims.find(vnf.vimId);
    String workflow = "vnf-terminate";
    try {
      VnfDescriptor descriptor = catalogue.descriptor(catalogue.find(vnf.vnfdId), params(vnf));
      workflow = workflow(descriptor, "terminate", workflow);
    } catch (RuntimeException e) {
      // an unreadable descriptor must not keep a VNF from being removed
    }
    vnf.status = "PENDING_DELETE";
    vnf.updatedAt = Instant.now();
    start(vnf, vim.getType(), TERMINATE, workflow, "DELETE");
  }

  private void start(
      VnfEntity vnf, String vimType, String operation, String workflow, String eventType) {
    LcmOperationEntity fresh = new LcmOperationEntity();
    fresh.id = UUID.randomUUID().toString();
    fresh.vnfId = vnf.id;
    fresh.operation = operation;
    fresh.state = "STARTING";
    fresh.processDefinitionKey = workflow;
    fresh.startedAt = Instant.now();
    // save() merges an entity with an assigned id: only the returned instance is managed
    LcmOperationEntity op = operations.save(fresh);
    events.record(
        EventLog.VNF,
        vnf.id,
        vnf.status,
        eventType,
        "%s requested: operation %s, workflow %s".formatted(operation, op.id, workflow));
    Map<String, Object> variables =
        Map.of(
            LcmVariables.VNF_ID,
            vnf.id,
            LcmVariables.VNF_NAME,
            vnf.name,
            LcmVariables.OPERATION_ID,
            op.id,
            LcmVariables.VIM_TYPE,
            vimType,
            LcmVariables.POLL_INTERVAL,
            settings.pollInterval().toString(),
            LcmVariables.READY_TIMEOUT,
            settings.readyTimeout().toString());
    ProcessInstance instance = runtime.startProcessInstanceByKey(workflow, op.id, variables);
    op.processInstanceId = instance.getId();
    if (RUNNING.contains(op.state)) {
      op.state = "PROCESSING";
    }
  }

  private void cancel(LcmOperationEntity op) {
    if (op.processInstanceId != null
        && runtime.createProcessInstanceQuery().processInstanceId(op.processInstanceId).count()
            > 0) {
      runtime.deleteProcessInstance(op.processInstanceId, "superseded by a forced delete");
    }
    op.state = "FAILED";
    op.error = "cancelled by a forced delete";
    op.endedAt = Instant.now();
  }

  private VnfdEntity vnfd(VnfRequest request) {
    if (request.vnfdTemplate() != null) {
      return catalogue.createInline(request.name(), request.vnfdTemplate(), request.tenantId());
    }
    try {
      return catalogue.find(request.vnfdId());
    } catch (TackerException e) {
      throw TackerException.badRequest(
          "VnfdNotFound",
          "Invalid input for field 'vnf.vnfd_id': VNFD %s does not exist"
              .formatted(request.vnfdId()));
    }
  }

  private String workflow(VnfDescriptor descriptor, String operation, String fallback) {
    String key = descriptor.workflowFor(operation).orElse(fallback);
    if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
      throw TackerException.badRequest(
          "WorkflowNotFound",
          "The VNFD names workflow '%s' for %s (metadata.workflows.%s), but no process with that"
                  .formatted(key, operation, operation)
              + " id is deployed");
    }
    return key;
  }

  static Map<String, Object> params(VnfEntity vnf) {
    return JsonColumns.map(vnf.paramValues);
  }
}
