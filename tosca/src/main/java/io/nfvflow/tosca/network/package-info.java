/**
 * Connection points ({@code tosca.nodes.nfv.CP.Tacker}) and virtual links ({@code
 * tosca.nodes.nfv.VL}).
 */
package io.nfvflow.tosca.network;
