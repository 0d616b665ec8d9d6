package io.nfvflow.engine.vnf;

import io.nfvflow.engine.security.Callers;
import io.nfvflow.engine.security.Role;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.lcm.OperationState;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VimException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's view of VNFs. Besides Tacker's attributes it shows the current lifecycle operation
 * ({@code lcm_operation}): its state is FAILED_TEMP while one of its steps has an open incident.
 */
@Component
public class VnfViews {

  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final RuntimeService runtime;
  private final VimRegistry vims;
  private final VimDrivers drivers;
  private final InstantiatedState state;
  private final VnfDescriptors descriptors;

  public VnfViews(
      VnfRepository vnfs,
      LcmOperationRepository operations,
      RuntimeService runtime,
      VimRegistry vims,
      VimDrivers drivers,
      InstantiatedState state,
      VnfDescriptors descriptors) {
    this.vnfs = vnfs;
    this.operations = operations;
    this.runtime = runtime;
    this.vims = vims;
    this.drivers = drivers;
    this.state = state;
    this.descriptors = descriptors;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> view(String id) {
    return view(find(id));
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> all() {
    return vnfs.findAll().stream().map(this::view).toList();
  }

  /** The VNF's own columns: what a list call that asks only for them is answered from. */
  public static final java.util.Set<String> COLUMNS =
      java.util.Set.of(
          "id",
          "tenant_id",
          "name",
          "description",
          "vnfd_id",
          "vim_id",
          "status",
          "error_reason",
          "mgmt_ip_address",
          "instance_id",
          "created_at",
          "updated_at");

  /**
   * Every VNF with only its own {@link #COLUMNS}: no operation, instance or descriptor lookup per
   * VNF (a client polling {@code ?fields=id&fields=status} over thousands of VNFs).
   */
  public List<Map<String, Object>> columns() {
    return vnfs.findAll().stream().map(VnfViews::columns).toList();
  }

  private static Map<String, Object> columns(VnfEntity vnf) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", vnf.id);
    view.put("tenant_id", vnf.tenantId == null ? "" : vnf.tenantId);
    view.put("name", vnf.name);
    view.put("description", vnf.description);
    view.put("vnfd_id", vnf.vnfdId);
    view.put("vim_id", vnf.vimId);
    view.put("status", vnf.status.name());
    view.put("error_reason", vnf.errorReason);
    view.put("mgmt_ip_address", vnf.mgmtIpAddress);
    view.put("instance_id", vnf.id);
    view.put("created_at", vnf.createdAt.toString());
    view.put("updated_at", vnf.updatedAt == null ? null : vnf.updatedAt.toString());
    return view;
  }

  /** {@code GET /v1.0/vnfs/{id}/resources}: what the VNF owns on its VIM, found by label. */
  public List<Map<String, Object>> resources(String id) {
    VnfEntity vnf = find(id);
    try {
      return drivers
          .driver(vims.find(vnf.vimId).getType())
          .resources(vims.connection(vnf.vimId), id)
          .stream()
          .map(r -> Map.<String, Object>of("name", r.name(), "type", r.type(), "id", r.id()))
          .toList();
    } catch (VimException e) {
      throw new TackerException(
          org.springframework.http.HttpStatus.BAD_GATEWAY,
          "VimUnavailable",
          "The VIM did not answer the resource query: " + e.getMessage());
    }
  }

  private VnfEntity find(String id) {
    return vnfs.findById(id).orElseThrow(() -> TackerException.notFound("vnf", id));
  }

  private Map<String, Object> view(VnfEntity vnf) {
    // the newest operation is the running one, when one runs (one at a time per VNF)
    Optional<LcmOperationEntity> newest =
        operations.findBySubjectIdOrderByStartedAtDesc(vnf.id).stream().findFirst();
    Map<String, Object> view = columns(vnf);
    view.put("attributes", attributes(vnf));
    view.put("scale_status", scaleStatus(vnf, newest));
    view.put("instances", state.instances(vnf.id));
    newest.ifPresent(op -> view.put("lcm_operation", operation(op)));
    return view;
  }

  /** Tacker's attributes, every value a string (clients walk them as strings). */
  private static Map<String, Object> attributes(VnfEntity vnf) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("param_values", vnf.paramValues == null ? "{}" : vnf.paramValues);
    // the key in an alarm URL is what lets Aodh scale the VNF: operators only
    Map<String, String> alarmUrls = AlarmUrls.shown(vnf, Callers.has(Role.OPERATOR));
    if (!alarmUrls.isEmpty()) {
      attributes.putAll(alarmUrls);
      attributes.put("alarming_policy", vnf.id);
    }
    return attributes;
  }

  /**
   * Per scaling policy: its current instances (during a scale: the level it started from, and the
   * target), min and max. Empty when the VNFD has none or cannot be read.
   */
  private List<Map<String, Object>> scaleStatus(
      VnfEntity vnf, Optional<LcmOperationEntity> newest) {
    VnfDescriptor descriptor = descriptors.orNull(vnf);
    if (descriptor == null) {
      return List.of();
    }
    Optional<LcmOperationEntity> scaling =
        newest.filter(op -> op.state.isRunning() && op.type == OperationType.SCALE);
    return descriptor.scalingPolicies().stream()
        .map(
            policy -> {
              Map<String, Object> status = new LinkedHashMap<>();
              status.put("policy", policy.name());
              Optional<LcmOperationEntity> op =
                  scaling.filter(o -> policy.name().equals(o.scalePolicy));
              status.put(
                  "current",
                  op.map(o -> o.scaleFrom).orElseGet(() -> state.instances(vnf.id, policy)));
              op.ifPresent(o -> status.put("target", o.scaleTo));
              status.put("min", policy.minInstances());
              status.put("max", policy.maxInstances());
              status.put("increment", policy.increment());
              status.put("targets", policy.targets());
              return status;
            })
        .toList();
  }

  private Map<String, Object> operation(LcmOperationEntity op) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", op.id);
    view.put("operation", op.type.name());
    view.put("state", hasIncident(op) ? OperationState.FAILED_TEMP.name() : op.state.name());
    view.put("workflow", op.processDefinitionKey);
    view.put("process_instance_id", op.processInstanceId);
    view.put("started_at", op.startedAt.toString());
    if (op.error != null) {
      view.put("error", op.error);
    }
    return view;
  }

  private boolean hasIncident(LcmOperationEntity op) {
    if (!op.state.isRunning()) {
      return false;
    }
    // call activities pass the business key on, so every process of the operation carries it
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(op.id).list().stream()
        .anyMatch(p -> runtime.createIncidentQuery().processInstanceId(p.getId()).count() > 0);
  }
}
