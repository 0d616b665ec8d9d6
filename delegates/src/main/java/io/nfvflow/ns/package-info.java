/**
 * Network services: the steps of the NS workflows ({@code ns-create}, {@code ns-delete} and the
 * reusable {@code ns-remove}). An NS's members (its VNFs and VNFFGs) are each created and deleted
 * by their own operation, through the one operation model; the NS workflow starts them through
 * {@link io.nfvflow.ns.NsMembers} and waits for each to end by message correlation ({@link
 * io.nfvflow.ns.NsVariables#MEMBER_ENDED}), never by polling.
 */
package io.nfvflow.ns;
