package io.nfvflow.engine.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A node's stable identity in a cluster: {@code nfvflow.node-id}, by default {@code <host
 * name>:<server port>}, which no two live nodes share. It owns the node's job locks and VIM leases,
 * so a node that restarts under it takes both back at once.
 */
public final class NodeIdentity {

  private NodeIdentity() {}

  /** The configured identity, else {@code <host name>:<port>}. */
  public static String of(String configured, int port) {
    return configured == null || configured.isBlank() ? hostName() + ":" + port : configured;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
