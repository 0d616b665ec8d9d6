package io.nfvflow.tosca;

/** A virtual deployment unit: {@code tosca.nodes.nfv.VDU.Tacker}, as containers or as a VM. */
public sealed interface Vdu permits ContainerVdu, VmVdu {

  /** The node template name, for example {@code VDU1}. */
  String name();
}
