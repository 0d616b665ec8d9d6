package io.nfvflow.engine.vnf;

/**
 * What an operation runs on. Every kind goes through the same operation model ({@link Operations});
 * a kind's own rules live in its {@link SubjectStore}.
 */
public enum SubjectKind {
  VNF("vnf", "VNF"),
  VNFFG("vnffg", "VNFFG"),
  NS("ns", "NS");

  private final String resourceType;
  private final String label;

  SubjectKind(String resourceType, String label) {
    this.resourceType = resourceType;
    this.label = label;
  }

  /** The events' {@code resource_type}. */
  public String resourceType() {
    return resourceType;
  }

  /** How messages name it: VNF, VNFFG. */
  public String label() {
    return label;
  }
}
