package io.nfvflow.vim;

/**
 * What a VIM's watch reports to nfvflow as it happens. Implemented by the engine; called on the
 * watch's own thread, so implementations return quickly and never throw.
 */
public interface VimChanges {

  /**
   * The number of instances of a VNF's VDU changed on the VIM: by an autoscaler (a Kubernetes
   * HorizontalPodAutoscaler), by someone else, or by nfvflow's own operations (the receiver tells
   * them apart by whether an operation runs on the VNF).
   *
   * @param vnfId the VNF (from the object's ownership label)
   * @param vdu the VDU (from the object's label)
   * @param instances the new desired count
   */
  void instancesChanged(String vnfId, String vdu, int instances);

  /**
   * An object a VNF owns changed or went away on the VIM (anything but a replica count: a Service
   * deleted, a Deployment's template edited, its availability changed). The receiver looks at the
   * VNF again ({@link VimDriver#diagnose}); nfvflow's own changes are reported too and find nothing
   * wrong.
   *
   * @param vnfId the VNF (from the object's ownership label)
   * @param what the object and the change, for logs ("Service ns/vnf-1-vdu1 deleted"), or {@link
   *     #PORTS} when only an instance's network ports changed (a pod's Kuryr record), or {@link
   *     #STATUS} when only the progress of a rollout or removal changed
   */
  default void vnfChanged(String vnfId, String what) {}

  /** {@link #vnfChanged}'s {@code what} when only the network ports of an instance changed. */
  String PORTS = "ports";

  /**
   * {@link #vnfChanged}'s {@code what} when only the status of the VNF's objects moved on: a
   * Deployment's rollout counted a replica more (or less) ready, updated or present, a pod became
   * ready or not, started terminating, was deleted or cannot start. Not drift: what a wait for the
   * VNF to be ready or gone looks at (the receiver ends those waits), nothing for healing.
   */
  String STATUS = "status";
}
