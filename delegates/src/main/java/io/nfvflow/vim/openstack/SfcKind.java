package io.nfvflow.vim.openstack;

/** The four networking-sfc resources a VNFFG is made of, with their REST names. */
enum SfcKind {
  FLOW_CLASSIFIER("flow_classifier", "flow classifier"),
  PORT_PAIR("port_pair", "port pair"),
  PORT_PAIR_GROUP("port_pair_group", "port pair group"),
  PORT_CHAIN("port_chain", "port chain");

  private final String resource;
  private final String label;

  SfcKind(String resource, String label) {
    this.resource = resource;
    this.label = label;
  }

  /** The JSON key of one object: {@code port_chain}. */
  String resource() {
    return resource;
  }

  /** The collection, which is also the JSON key of a listing: {@code port_chains}. */
  String collection() {
    return resource + "s";
  }

  /** For messages: {@code port chain}. */
  String label() {
    return label;
  }

  /**
   * The kind whose objects list this kind's ids in a field named {@link #collection()} (a port
   * chain its {@code flow_classifiers} and {@code port_pair_groups}, a port pair group its {@code
   * port_pairs}); {@code null} for port chains, which nothing holds.
   */
  SfcKind holder() {
    return switch (this) {
      case FLOW_CLASSIFIER, PORT_PAIR_GROUP -> PORT_CHAIN;
      case PORT_PAIR -> PORT_PAIR_GROUP;
      case PORT_CHAIN -> null;
    };
  }
}
