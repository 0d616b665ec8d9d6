package io.nfvflow.tosca;

/**
 * The {@code nfv_compute} capability of a VM VDU.
 *
 * @param numCpus number of virtual CPUs, or {@code null}
 * @param memSizeMb memory in MiB (as Nova counts), or {@code null}
 * @param diskSizeGb root disk in GiB, or {@code null}
 */
public record ComputeRequirements(Integer numCpus, Long memSizeMb, Integer diskSizeGb) {}
