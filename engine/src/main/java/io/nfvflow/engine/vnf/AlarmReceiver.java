package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.tosca.AlarmTrigger;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives alarms posted to a VNF's alarm URL (Aodh's notification or Alertmanager's webhook) and
 * starts the trigger's scale. A wrong key or trigger is a 404 and changes nothing. A firing alarm
 * that must not scale now (within the policy's cooldown, at the bound, another operation running)
 * is recorded as an event and answered 202: monitoring systems repeat alarms, and an error would
 * only make them retry.
 */
@Component
public class AlarmReceiver {

  private final VnfRepository vnfs;
  private final LcmOperationRepository history;
  private final Operations operations;
  private final VnfDescriptors descriptors;
  private final InstantiatedState state;
  private final VnfLifecycle lifecycle;
  private final EventLog events;
  private final TransactionTemplate tx;

  public AlarmReceiver(
      VnfRepository vnfs,
      LcmOperationRepository history,
      Operations operations,
      VnfDescriptors descriptors,
      InstantiatedState state,
      VnfLifecycle lifecycle,
      EventLog events,
      TransactionTemplate tx) {
    this.vnfs = vnfs;
    this.history = history;
    this.operations = operations;
    this.descriptors = descriptors;
    this.state = state;
    this.lifecycle = lifecycle;
    this.events = events;
    this.tx = tx;
  }

  /** Handles one alarm; answers what happened. */
  public Map<String, Object> receive(
      String vnfId, String trigger, String action, String key, JsonNode body) {
    VnfEntity vnf = vnfs.findById(vnfId).orElse(null);
    if (vnf == null || !AlarmUrls.matches(vnf, trigger, action, key)) {
      // one answer for an unknown VNF, trigger, action or key: the URL is the secret
      throw new TackerException(
          HttpStatus.NOT_FOUND,
          "AlarmUrlNotFound",
          "No alarm URL /v1.0/vnfs/%s/%s/%s/<key>".formatted(vnfId, trigger, action));
    }
    Optional<String> firing = AlarmBody.firing(body);
    if (firing.isEmpty()) {
      return answer(trigger, action, "ignored: " + AlarmBody.notFiring(body));
    }
    String cause = "alarm trigger %s (%s)".formatted(trigger, firing.get());
    try {
      return answer(trigger, action, tx.execute(s -> act(vnfId, trigger, cause)));
    } catch (TackerException e) {
      // a race with another request (the VNF became busy or reached the bound meanwhile)
      return answer(trigger, action, tx.execute(s -> skip(vnfId, cause, e.getMessage())));
    }
  }

  private String act(String vnfId, String triggerName, String cause) {
    VnfEntity vnf = vnfs.findById(vnfId).orElseThrow();
    VnfDescriptor descriptor = descriptors.of(vnf);
    AlarmTrigger trigger =
        descriptor.alarmTriggers().stream()
            .filter(t -> t.name().equals(triggerName))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("trigger " + triggerName + " vanished"));
    ScalingPolicy policy = ScalePolicies.find(descriptor, trigger.scalingPolicy(), vnf);
    Optional<String> reason = reasonNotToScale(vnf, policy, trigger.out());
    if (reason.isPresent()) {
      return skip(vnfId, cause, reason.get());
    }
    LcmOperationEntity op =
        lifecycle.scale(
            vnfId, new ScaleRequest(trigger.out() ? "out" : "in", policy.name()), cause);
    return "scale started: operation " + op.id;
  }

  /**
   * Why the trigger must not scale now, in the order an operator reads it: busy, status, cooldown,
   * bound. The busy, status and bound checks are the scale API's own (they answer 409 there); here
   * their message becomes the event.
   */
  private Optional<String> reasonNotToScale(VnfEntity vnf, ScalingPolicy policy, boolean out) {
    try {
      operations.requireIdle(vnf, OperationType.SCALE, OperationType.SCALE.pendingStatus(out));
      Optional<Duration> cooling = cooldownLeft(vnf, policy);
      if (cooling.isPresent()) {
        return Optional.of(
            "policy %s is in its cooldown of %d s (%d s left)"
                .formatted(policy.name(), policy.cooldown(), cooling.get().toSeconds()));
      }
      ScalePolicies.target(policy, state.instances(vnf.id, policy), out, vnf);
      return Optional.empty();
    } catch (TackerException refused) {
      return Optional.of(refused.getMessage());
    }
  }

  private Optional<Duration> cooldownLeft(VnfEntity vnf, ScalingPolicy policy) {
    if (policy.cooldown() == null || policy.cooldown() <= 0) {
      return Optional.empty();
    }
    return history
        .findFirstBySubjectIdAndTypeAndScalePolicyOrderByStartedAtDesc(
            vnf.id, OperationType.SCALE, policy.name())
        .map(op -> op.endedAt != null ? op.endedAt : op.startedAt)
        .map(last -> Duration.between(Instant.now(), last.plusSeconds(policy.cooldown())))
        .filter(left -> !left.isNegative() && !left.isZero());
  }

  private String skip(String vnfId, String cause, String reason) {
    VnfEntity vnf = vnfs.findById(vnfId).orElseThrow();
    String detail = "%s: not scaled, %s".formatted(cause, reason);
    events.record(EventLog.VNF, vnf.id, vnf.status.name(), "MONITOR", detail);
    return "skipped: " + reason;
  }

  private static Map<String, Object> answer(String trigger, String action, String result) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("policy_name", trigger);
    inner.put("action_name", action);
    inner.put("result", result);
    return Map.of("trigger", inner);
  }
}
