/** Virtual deployment units ({@code tosca.nodes.nfv.VDU.Tacker}): containers or a VM. */
package io.nfvflow.tosca.vdu;
