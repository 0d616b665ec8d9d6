/**
 * Network services ({@code /v1.0/nss}): an NSD instantiated as VNFs (each on the VIM it is placed
 * on) and the VNFFGs that chain them, created and removed together by the {@code ns-create} and
 * {@code ns-delete} workflows through the one operation model. Each member is its own VNF or VNFFG
 * with its own operations; the NS workflow waits for their ends by message correlation.
 */
package io.nfvflow.engine.ns;
