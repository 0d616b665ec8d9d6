/** Service function chains (VNFFGs): the port to their inventory and the steps' shared base. */
package io.nfvflow.chain;
