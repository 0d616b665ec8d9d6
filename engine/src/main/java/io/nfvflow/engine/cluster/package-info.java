/** What several nodes on one database share: a node's identity. */
package io.nfvflow.engine.cluster;
