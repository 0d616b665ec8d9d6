package io.nfvflow.vim.openstack;

/**
 * A Nova flavor, as the driver lists it.
 *
 * @param name the flavor name (what a server's {@code flavor} property refers to)
 * @param vcpus virtual CPUs
 * @param ramMb memory in MiB
 * @param diskGb root disk in GiB
 */
public record FlavorInfo(String name, int vcpus, int ramMb, int diskGb) {}
