/** VNF instances and their lifecycle operations: the Tacker vnfs API and the inventory port. */
package io.nfvflow.engine.vnf;
