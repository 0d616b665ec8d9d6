package io.nfvflow.vim;

import io.nfvflow.tosca.VnfDescriptor;
import java.util.List;

/**
 * What every VIM type offers nfvflow outside of its own BPMN steps. A VIM type is one package
 * {@code io.nfvflow.vim.<type>} with a driver bean implementing this interface and the delegates of
 * its steps; the lifecycle workflows reach those steps by call activities named {@code
 * vnf-<operation>-<type>}.
 *
 * <p>Drivers converge: {@link #apply} computes the desired VIM objects from the descriptor and the
 * instantiated state ({@link VnfOnVim#scale()}) and creates what is missing, patches what differs
 * and deletes owned extras, so applying twice changes nothing. The per-VIM BPMN models show the
 * same work step by step (engineers see and retry each VIM step); the generic steps ({@code
 * vnf-wait}, recording instances) reach a VIM type only through this interface, so a third VIM type
 * is still one package.
 *
 * <p>Implementations must never log or return secret values of a {@link VimConnection}.
 */
public interface VimDriver {

  /** The VIM type this driver serves, as in the API ({@code kubernetes}, {@code openstack}). */
  String type();

  /**
   * Checks that the VIM answers and accepts the credentials.
   *
   * @return REACHABLE with the regions (Kubernetes: namespaces the credentials may list), or
   *     UNREACHABLE with the reason when the endpoint does not answer
   * @throws VimException of kind {@link VimException.Kind#UNAUTHORIZED} when the VIM rejects the
   *     credentials
   */
  VimProbe probe(VimConnection vim);

  /**
   * Checks that a descriptor can be deployed on this VIM type (for example: container VDUs on
   * Kubernetes).
   *
   * @throws io.nfvflow.tosca.ToscaException naming the node and the reason when it cannot
   */
  void checkDeployable(VnfDescriptor descriptor);

  /**
   * The VIM resources that nfvflow created for a VNF, found by ownership label or tag.
   *
   * @param vim the VIM the VNF runs on
   * @param vnfId the VNF's id
   */
  List<VimResource> resources(VimConnection vim, String vnfId);

  /**
   * The retry profile of this VIM type's steps, an ISO-8601 repeating interval such as {@code
   * R3/PT5S}: how often and how far apart a step that failed transiently is retried before it
   * becomes an incident. Named once here; every step of the type uses it ({@code ${retryCycle}}).
   */
  String retryCycle();

  /**
   * How often the reusable wait looks at a VNF of this VIM type between looks. For a type with a
   * {@link #watch} that reports what waits need, a safety net (the watch's change ends the pause);
   * for a type without, the poll cadence itself.
   */
  PollCadence cadence();

  /**
   * Converges the VIM to the VNF's desired state: create what is missing, patch what differs
   * (including the number of instances), delete owned extras. Returns once the VIM accepted the
   * change; {@link #progress} tells when it is done.
   *
   * @throws VimException by kind: TRANSIENT is retried, REJECTED / UNAUTHORIZED fail the operation
   * @throws io.nfvflow.tosca.ToscaException when the descriptor cannot be deployed
   */
  void apply(VnfOnVim vnf);

  /**
   * Starts removing every VIM object the VNF owns (found by ownership label or tag). Nothing left
   * is fine.
   */
  void remove(VnfOnVim vnf);

  /**
   * One look at where the VNF stands relative to a goal. Never waits.
   *
   * @return done, pending with what is pending, or failed with a BPMN error code and the reason
   *     (READY only: a pod that can never start, a stack that failed)
   */
  Progress progress(VnfOnVim vnf, WaitGoal goal);

  /**
   * The VNF's instances (pods, servers) with their addresses and ports, and each VDU's management
   * address, read after {@link #progress} reported READY.
   */
  Observation observe(VnfOnVim vnf);

  /**
   * Starts one watch of the VIM for changes nfvflow did not make (an autoscaler's), label-selected
   * on nfvflow's ownership labels: one per VIM, never one per VNF. VIM types without a watch API
   * return empty.
   *
   * @return a handle that stops the watch, or empty when the VIM type cannot watch
   */
  default java.util.Optional<AutoCloseable> watch(VimConnection vim, VimChanges changes) {
    return java.util.Optional.empty();
  }

  /**
   * One look for what is wrong with a VNF on its VIM, compared with its desired state (descriptor
   * and instantiated state): objects missing or changed outside nfvflow, VDUs that stay
   * unavailable, instances failed or gone. Never changes anything. Changes an autoscaler made
   * within its bounds are not findings.
   *
   * <p>Kubernetes: every owned ConfigMap, Deployment (template, replicas unless an autoscaler
   * governs them), Service and autoscaler against the desired one; a Deployment not Available (with
   * the condition's transition time as {@code since}); pods failing for good (CrashLoopBackOff,
   * ImagePullBackOff, unschedulable). OpenStack: the stack missing or FAILED, its servers in ERROR
   * or SHUTOFF or gone (with Nova's {@code updated}), its ports gone.
   *
   * @return the findings, empty when the VNF is as desired
   * @throws VimException TRANSIENT when the VIM cannot be asked now
   */
  default List<Finding> diagnose(VnfOnVim vnf) {
    return List.of();
  }

  /**
   * One batched listing of every instance nfvflow owns on the VIM (by ownership metadata or tag),
   * grouped by VNF id: what nfvflow polls, at a configured interval, on VIM types that cannot
   * {@link #watch}. Never one request per VNF.
   *
   * @return the instances per VNF id (a VNF with no instance left has no entry), or empty when this
   *     VIM type is watched instead
   * @throws VimException TRANSIENT when the VIM cannot be asked now
   */
  default java.util.Optional<java.util.Map<String, List<VnfInstance>>> survey(VimConnection vim) {
    return java.util.Optional.empty();
  }
}
