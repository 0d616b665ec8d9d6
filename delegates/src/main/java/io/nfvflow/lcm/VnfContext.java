package io.nfvflow.lcm;

import io.nfvflow.tosca.VnfDescriptor;

/**
 * What a step knows about the VNF it works on.
 *
 * @param vnfId the VNF's id (also the value of the {@code nfvflow.io/vnf-id} label)
 * @param name the VNF's name
 * @param vimId the VIM it runs on
 * @param descriptor its descriptor, {@code get_input} resolved with the VNF's parameter values
 */
public record VnfContext(String vnfId, String name, String vimId, VnfDescriptor descriptor) {}
