/** A whole VNF descriptor: its sections, what kind of template it is, and its metadata. */
package io.nfvflow.tosca.vnfd;
