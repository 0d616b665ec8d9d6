package io.nfvflow.tosca;

/** What a descriptor's VDUs run as: containers (Kubernetes) or virtual machines (OpenStack). */
public enum DeploymentKind {
  CONTAINER,
  VM
}
