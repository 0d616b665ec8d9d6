package io.nfvflow.engine.vnf;

import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A VNF's instantiated state in nfvflow's tables: the desired instances of each scaling policy and
 * the VIM-side instances of each VDU with their addresses and ports. Drivers converge the VIM to
 * it; process variables never hold it.
 */
@Component
public class InstantiatedState {

  private final VnfRepository vnfs;
  private final VnfScaleRepository scales;
  private final VnfInstanceRepository instances;
  private final org.springframework.context.ApplicationEventPublisher publisher;

  public InstantiatedState(
      VnfRepository vnfs,
      VnfScaleRepository scales,
      VnfInstanceRepository instances,
      org.springframework.context.ApplicationEventPublisher publisher) {
    this.vnfs = vnfs;
    this.scales = scales;
    this.instances = instances;
    this.publisher = publisher;
  }

  /**
   * Published, in the recording transaction, whenever a VNF's instances were recorded (an
   * operation's step, an autoscaler's change, a port that appeared): chains through the VNF follow.
   */
  public record InstancesRecorded(String vnfId) {}

  /** A new VNF: every scaling policy at its initial count (default_instances, clamped). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void initialize(String vnfId, VnfDescriptor descriptor) {
    for (ScalingPolicy policy : descriptor.scalingPolicies()) {
      scales.save(new VnfScaleEntity(vnfId, policy.name(), VnfOnVim.initialInstances(policy)));
    }
  }

  /**
   * A VNF's levels, read at once.
   *
   * @param scale the desired instances per scaling policy
   * @param floors the autoscalers' floors that differ from the levels (see {@link VnfOnVim#floor})
   */
  public record Levels(Map<String, Integer> scale, Map<String, Integer> floors) {

    /** The VNF as a driver sees it on its VIM. */
    public VnfOnVim on(io.nfvflow.vim.VimConnection vim, String vnfId, VnfDescriptor descriptor) {
      return new VnfOnVim(vim, vnfId, descriptor, scale, floors);
    }
  }

  /** The desired instances and autoscaler floors per scaling policy, in one query. */
  public Levels levels(String vnfId) {
    Map<String, Integer> scale = new LinkedHashMap<>();
    Map<String, Integer> floors = new LinkedHashMap<>();
    for (VnfScaleEntity s : scales.findByVnfId(vnfId)) {
      scale.put(s.policy, s.instances);
      if (s.floor != null) {
        floors.put(s.policy, s.floor);
      }
    }
    return new Levels(scale, floors);
  }

  /**
   * An autoscaler scaled a policy's targets: the level follows, the operator's level stays the
   * autoscaler's floor.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void setAutoscaled(String vnfId, String policy, int count) {
    VnfScaleEntity row =
        scales
            .findById(vnfId + "/" + policy)
            .orElseGet(() -> scales.save(new VnfScaleEntity(vnfId, policy, count)));
    if (row.floor == null) {
      row.floor = row.instances;
    }
    row.instances = count;
  }

  /** The desired instances of one policy; its initial count when nothing is stored. */
  public int instances(String vnfId, ScalingPolicy policy) {
    return scales
        .findById(vnfId + "/" + policy.name())
        .map(s -> s.instances)
        .orElse(VnfOnVim.initialInstances(policy));
  }

  /** Sets the desired instances of a policy (a scale's target, or a rollback's previous level). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void setScale(String vnfId, String policy, int count) {
    VnfScaleEntity row =
        scales
            .findById(vnfId + "/" + policy)
            .orElseGet(() -> scales.save(new VnfScaleEntity(vnfId, policy, count)));
    row.instances = count;
    row.floor = null; // the operator's level is the autoscaler's floor again
  }

  /**
   * Stores what the VIM reports: the instances replace the previous ones; mgmt addresses follow.
   */
  @Transactional
  public void record(String vnfId, Observation observation) {
    VnfEntity vnf =
        vnfs.findById(vnfId)
            .orElseThrow(() -> new IllegalStateException("VNF " + vnfId + " does not exist"));
    instances.deleteByVnfId(vnfId);
    instances.flush();
    int position = 0;
    for (VnfInstance i : observation.instances()) {
      VnfInstanceEntity row = new VnfInstanceEntity(vnfId, position++);
      row.vdu = i.vdu();
      row.vimInstanceId = i.id();
      row.name = i.name();
      row.status = i.status();
      row.addresses = JsonColumns.write(i.addresses());
      row.ports = JsonColumns.write(i.ports());
      instances.save(row);
    }
    vnf.mgmtIpAddress =
        observation.mgmtAddresses().isEmpty()
            ? null
            : JsonColumns.write(new java.util.TreeMap<>(observation.mgmtAddresses()));
    vnf.updatedAt = Instant.now();
    publisher.publishEvent(new InstancesRecorded(vnfId));
  }

  /** The instances as the API shows them. */
  public List<Map<String, Object>> instances(String vnfId) {
    return instances.findByVnfIdOrderByPosition(vnfId).stream()
        .map(
            i -> {
              Map<String, Object> view = new LinkedHashMap<>();
              view.put("vdu", i.vdu);
              view.put("id", i.vimInstanceId);
              view.put("name", i.name);
              view.put("status", i.status);
              view.put("addresses", JsonColumns.stringList(i.addresses));
              view.put("ports", JsonColumns.stringMap(i.ports));
              return view;
            })
        .toList();
  }

  /** The instances as last recorded, as the VIM reported them. */
  @Transactional(readOnly = true)
  public List<VnfInstance> stored(String vnfId) {
    return instances.findByVnfIdOrderByPosition(vnfId).stream()
        .map(
            i ->
                new VnfInstance(
                    i.vdu,
                    i.vimInstanceId,
                    i.name,
                    i.status,
                    JsonColumns.stringList(i.addresses),
                    JsonColumns.stringMap(i.ports)))
        .toList();
  }

  /** Everything about a VNF that is leaving the inventory. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void forget(String vnfId) {
    scales.deleteByVnfId(vnfId);
    instances.deleteByVnfId(vnfId);
  }
}
