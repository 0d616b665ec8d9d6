package io.nfvflow.engine.vnf;

import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.OperationState;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.VnfDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one lifecycle core: every operation on a VNF begins and ends here. Beginning checks the guard
 * (one operation per VNF) and the status move, writes the PENDING status, the operation row and the
 * event, and starts the workflow, in the caller's transaction. Ending applies the outcome the
 * operation's type calls for (see {@link #complete}, {@link #fail}, {@link #beginRollback}, {@link
 * #completeRollback}); each end is idempotent, so a step re-run after a crash changes nothing.
 */
@Component
public class Operations {

  private final VnfRepository vnfs;
  private final LcmOperationRepository operations;
  private final InstantiatedState state;
  private final EventLog events;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final Map<SubjectKind, SubjectStore> stores = new java.util.EnumMap<>(SubjectKind.class);
  private final org.springframework.context.ApplicationEventPublisher publisher;
  private final VnfDescriptors descriptors;

  public Operations(
      VnfRepository vnfs,
      LcmOperationRepository operations,
      InstantiatedState state,
      EventLog events,
      RuntimeService runtime,
      RepositoryService repository,
      @Lazy List<SubjectStore> stores,
      @Lazy VnfDescriptors descriptors,
      org.springframework.context.ApplicationEventPublisher publisher) {
    this.descriptors = descriptors;
    this.vnfs = vnfs;
    this.operations = operations;
    this.state = state;
    this.events = events;
    this.runtime = runtime;
    this.repository = repository;
    stores.forEach(store -> this.stores.put(store.kind(), store));
    this.publisher = publisher;
  }

  /**
   * Published when an operation ends (completed, failed or rolled back), in its transaction; the
   * heal monitor looks again at a VNF whose detection waited for it, and a chain follows a VNF that
   * scaled or healed.
   *
   * @param subjectId the VNF's (or VNFFG's) id
   */
  public record Ended(
      SubjectKind kind,
      String subjectId,
      String operationId,
      OperationType type,
      boolean automatic,
      OperationState state) {

    /** Whether this ended an operation on a VNF. */
    public boolean onVnf() {
      return kind == SubjectKind.VNF;
    }
  }

  /**
   * What an operation needs to begin.
   *
   * @param subject the VNF or VNFFG (a new one is already saved, its status null)
   * @param vimType the type of the VIM the operation works on
   * @param type the operation's type
   * @param pending the VNF's status while it runs
   * @param workflow the process definition key (see {@link #workflow})
   * @param detail what the start event says after "<type> requested: "
   * @param force a forced terminate: cancels a running operation and starts from any status
   * @param init fills operation fields before it is saved (a scale's target, a cause)
   */
  public record Start(
      OperationSubject subject,
      String vimType,
      OperationType type,
      VnfStatus pending,
      String workflow,
      String detail,
      boolean force,
      Consumer<LcmOperationEntity> init) {}

  /**
   * The guard every operation passes first: no other operation runs on the VNF, and its status
   * allows the move to {@code pending}.
   *
   * @throws TackerException 409 naming the running operation, or the status
   */
  public void requireIdle(OperationSubject subject, OperationType type, VnfStatus pending) {
    String label = subject.kind().label();
    List<LcmOperationEntity> running =
        operations.findBySubjectIdAndStateIn(subject.id(), OperationState.running());
    if (!running.isEmpty()) {
      LcmOperationEntity other = running.get(0);
      throw TackerException.conflict(
          label.charAt(0) + label.substring(1).toLowerCase() + "InUse",
          "%s %s is %s: operation %s (%s) is running; wait for it to end%s"
              .formatted(
                  label,
                  subject.name(),
                  subject.status(),
                  other.id,
                  other.type,
                  type == OperationType.TERMINATE ? ", or delete with force" : ""));
    }
    if (!subject.canMoveTo(pending)) {
      throw TackerException.conflict(
          label.charAt(0) + label.substring(1).toLowerCase() + "StatusConflict",
          "%s %s is %s; %s needs it ACTIVE"
              .formatted(label, subject.name(), subject.status(), type.name().toLowerCase()));
    }
  }

  /** Begins an operation: guard, PENDING status, operation row, event and workflow start. */
  @Transactional(propagation = Propagation.MANDATORY)
  public LcmOperationEntity begin(Start start) {
    OperationSubject subject = start.subject();
    if (start.force()) {
      operations
          .findBySubjectIdAndStateIn(subject.id(), OperationState.running())
          .forEach(this::cancel);
    } else {
      requireIdle(subject, start.type(), start.pending());
    }
    LcmOperationEntity fresh = new LcmOperationEntity();
    fresh.id = UUID.randomUUID().toString();
    fresh.subjectId = subject.id();
    fresh.subject = subject.kind();
    fresh.type = start.type();
    fresh.state = OperationState.STARTING;
    fresh.statusBefore = subject.status();
    fresh.processDefinitionKey = start.workflow();
    fresh.startedAt = Instant.now();
    start.init().accept(fresh);
    // save() merges an entity with an assigned id: only the returned instance is managed
    LcmOperationEntity op = operations.save(fresh);
    move(
        subject,
        start.pending(),
        op,
        "%s requested: %s (operation %s, workflow %s)"
            .formatted(op.type, start.detail(), op.id, op.processDefinitionKey));
    Map<String, Object> variables =
        new java.util.HashMap<>(store(subject.kind()).variables(subject, start.vimType()));
    variables.put(LcmVariables.OPERATION_ID, op.id);
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(op.processDefinitionKey, op.id, variables);
    op.processInstanceId = instance.getId();
    if (op.state == OperationState.STARTING) {
      advance(op, OperationState.PROCESSING);
    }
    return op;
  }

  /**
   * The workflow of an operation: the one the descriptor names under {@code
   * metadata.workflows.<type>}, else {@code vnf-<type>}. A named workflow must be deployed.
   *
   * @param descriptor the VNF's descriptor, or {@code null} when it cannot be read (the default)
   * @throws TackerException 400 naming the workflow when it is not deployed
   */
  public String workflow(VnfDescriptor descriptor, OperationType type) {
    String key =
        descriptor == null
            ? type.defaultWorkflow()
            : descriptor.workflowFor(type.key()).orElse(type.defaultWorkflow());
    String deployed = deployedOrNull(key);
    if (deployed == null) {
      throw TackerException.badRequest(
          "WorkflowNotFound",
          "The VNFD names workflow '%s' for %s (metadata.workflows.%s), but no process with that"
                  .formatted(key, type.key(), type.key())
              + " id is deployed");
    }
    return deployed;
  }

  /**
   * A workflow nfvflow ships (a VNFFG's), checked to be deployed.
   *
   * @throws IllegalStateException when it is not (a broken installation, not a bad request)
   */
  public String deployed(String key) {
    String deployed = deployedOrNull(key);
    if (deployed == null) {
      throw new IllegalStateException("workflow " + key + " is not deployed");
    }
    return deployed;
  }

  private String deployedOrNull(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0
        ? null
        : key;
  }

  /**
   * The operation succeeded: COMPLETED; the subject ACTIVE, or removed after a terminate (a VNFFG's
   * delete). Idempotent.
   */
  @Transactional
  public void complete(String operationId) {
    running(operationId)
        .ifPresent(
            op -> {
              finish(op, OperationState.COMPLETED, null);
              SubjectStore store = store(op.subjectKind());
              if (op.type == OperationType.TERMINATE) {
                store.find(op.subjectId).ifPresent(subject -> store.remove(subject, op));
                return;
              }
              OperationSubject subject = subject(op);
              subject.errorReason(null);
              move(subject, VnfStatus.ACTIVE, op, completed(op));
            });
  }

  /** The operation failed for good: FAILED, the subject ERROR with the reason. Idempotent. */
  @Transactional
  public void fail(String operationId, String reason) {
    running(operationId)
        .ifPresent(
            op -> {
              finish(op, OperationState.FAILED, reason);
              OperationSubject subject = subject(op);
              subject.errorReason(truncate(reason));
              move(subject, op.type.failedStatus(), op, reason);
            });
  }

  /**
   * The operation failed and is rolled back: the desired state returns to what it was before (a
   * scale: its previous level), the reason is kept. Idempotent.
   */
  @Transactional
  public void beginRollback(String operationId, String reason) {
    running(operationId)
        .ifPresent(
            op -> {
              op.error = truncate(reason);
              if (op.type == OperationType.SCALE) {
                state.setScale(op.subjectId, op.scalePolicy, op.scaleFrom);
              }
              OperationSubject subject = subject(op);
              move(
                  subject,
                  subject.status(),
                  op,
                  "%s failed: %s; rolling back%s"
                      .formatted(describe(op), reason, rolledBackTo(op)));
            });
  }

  /** The rollback converged: ROLLED_BACK, the VNF back to ACTIVE. Idempotent. */
  @Transactional
  public void completeRollback(String operationId) {
    running(operationId)
        .ifPresent(
            op -> {
              finish(op, OperationState.ROLLED_BACK, op.error);
              move(
                  subject(op),
                  VnfStatus.ACTIVE,
                  op,
                  "%s rolled back%s: %s".formatted(describe(op), rolledBackTo(op), op.error));
            });
  }

  /** A heal operation's request and selection (see {@link io.nfvflow.lcm.VnfInventory}). */
  @Transactional(readOnly = true)
  public io.nfvflow.lcm.HealTarget healTarget(String operationId) {
    return HealScope.of(heal(operationId));
  }

  /** Stores a heal's selection once; a re-run gets the first selection back. */
  @Transactional
  public List<io.nfvflow.vim.VnfInstance> selectHealInstances(
      String operationId, List<io.nfvflow.vim.VnfInstance> chosen, List<String> found) {
    LcmOperationEntity op = heal(operationId);
    if (op.healSelected != null) {
      return HealScope.selected(op);
    }
    op.healSelected = HealScope.write(chosen);
    String text = String.join("; ", found);
    op.healFound =
        text.isEmpty() ? null : text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    return List.copyOf(chosen);
  }

  /**
   * The instances an operation is about to remove: a heal's selection, a scale-in's every instance
   * of the VDUs its policy targets; none otherwise (see {@link
   * io.nfvflow.lcm.VnfInventory#leavingInstances}).
   */
  @Transactional(readOnly = true)
  public List<io.nfvflow.vim.VnfInstance> leavingInstances(String operationId) {
    LcmOperationEntity op =
        operations
            .findById(operationId)
            .orElseThrow(
                () -> new IllegalStateException("operation " + operationId + " does not exist"));
    if (op.type == OperationType.HEAL) {
      return op.healSelected == null ? List.of() : HealScope.selected(op);
    }
    if (op.type != OperationType.SCALE
        || op.scaleTo == null
        || op.scaleFrom == null
        || op.scaleTo >= op.scaleFrom) {
      return List.of();
    }
    java.util.Set<String> targets =
        vnfs.findById(op.subjectId)
            .map(vnf -> descriptors.of(vnf))
            .flatMap(
                d ->
                    d.scalingPolicies().stream()
                        .filter(p -> p.name().equals(op.scalePolicy))
                        .findFirst())
            .map(p -> java.util.Set.copyOf(p.targets()))
            .orElse(java.util.Set.of());
    return state.stored(op.subjectId).stream().filter(i -> targets.contains(i.vdu())).toList();
  }

  private LcmOperationEntity heal(String operationId) {
    LcmOperationEntity op =
        operations
            .findById(operationId)
            .orElseThrow(
                () -> new IllegalStateException("operation " + operationId + " does not exist"));
    if (op.type != OperationType.HEAL) {
      throw new IllegalStateException("operation " + operationId + " is a " + op.type);
    }
    return op;
  }

  /**
   * Automatic healing gives up on a VNF whose heals keep failing: it goes to ERROR with the reason
   * (no operation runs; the HEAL event says what was tried), and is not healed automatically again
   * until an operator heals it.
   */
  @Transactional
  public void giveUpHealing(String vnfId, String reason) {
    vnfs.findById(vnfId)
        .filter(vnf -> vnf.status == VnfStatus.ACTIVE || vnf.status == VnfStatus.ERROR)
        .ifPresent(
            vnf -> {
              vnf.errorReason(truncate(reason));
              vnf.autoHealSuspended = true;
              move(vnf, VnfStatus.ERROR, OperationType.HEAL, reason);
            });
  }

  /** The subject moves to a status (or stays), with the operation's event saying why. */
  private void move(
      OperationSubject subject, VnfStatus status, LcmOperationEntity op, String detail) {
    move(subject, status, op.type, detail);
  }

  /** The subject moves to a status, with an event of the operation type's kind saying why. */
  private void move(OperationSubject subject, VnfStatus status, OperationType type, String detail) {
    subject.moveTo(status);
    events.record(
        subject.kind().resourceType(), subject.id(), status.name(), type.eventType(), detail);
  }

  /**
   * The operation if it still runs; a step re-run after a crash finds it ended and does nothing.
   */
  private java.util.Optional<LcmOperationEntity> running(String operationId) {
    return operations.findById(operationId).filter(op -> op.state.isRunning());
  }

  private static String rolledBackTo(LcmOperationEntity op) {
    return op.type == OperationType.SCALE ? " to %d instances".formatted(op.scaleFrom) : "";
  }

  private void cancel(LcmOperationEntity op) {
    if (op.processInstanceId != null
        && runtime.createProcessInstanceQuery().processInstanceId(op.processInstanceId).count()
            > 0) {
      runtime.deleteProcessInstance(op.processInstanceId, "superseded by a forced delete");
    }
    finish(op, OperationState.FAILED, "cancelled by a forced delete");
  }

  private void finish(LcmOperationEntity op, OperationState end, String error) {
    advance(op, end);
    publisher.publishEvent(
        new Ended(
            op.subjectKind(),
            op.subjectId,
            op.id,
            op.type,
            Boolean.TRUE.equals(op.automatic),
            end));
    op.error = error == null ? null : truncate(error);
    op.endedAt = Instant.now();
  }

  private static void advance(LcmOperationEntity op, OperationState next) {
    if (!op.state.canMoveTo(next)) {
      throw new IllegalStateException(
          "operation %s cannot move from %s to %s".formatted(op.id, op.state, next));
    }
    op.state = next;
  }

  private static String completed(LcmOperationEntity op) {
    return switch (op.type) {
      case INSTANTIATE -> op.subjectKind().label() + " is active";
      case SCALE ->
          "%s scaled %s from %d to %d instances"
              .formatted(op.scalePolicy, op.scaleDirection(), op.scaleFrom, op.scaleTo);
      case HEAL -> "healed %s (cause: %s)".formatted(HealScope.healed(op), op.cause);
      default -> describe(op) + " completed";
    };
  }

  private static String describe(LcmOperationEntity op) {
    return op.type == OperationType.SCALE
        ? "scale %s of %s".formatted(op.scaleDirection(), op.scalePolicy)
        : op.type.name().toLowerCase();
  }

  private OperationSubject subject(LcmOperationEntity op) {
    return store(op.subjectKind())
        .find(op.subjectId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "%s %s does not exist".formatted(op.subjectKind().label(), op.subjectId)));
  }

  private SubjectStore store(SubjectKind kind) {
    SubjectStore store = stores.get(kind);
    if (store == null) {
      throw new IllegalStateException("no store of " + kind + " subjects");
    }
    return store;
  }

  static String truncate(String s) {
    return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
  }
}
