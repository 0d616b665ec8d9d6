/** Forwarding-graph descriptors (VNFFGDs): their model, parser and validation. */
package io.nfvflow.tosca.vnffg;
