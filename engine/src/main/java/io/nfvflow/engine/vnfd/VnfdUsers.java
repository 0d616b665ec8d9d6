package io.nfvflow.engine.vnfd;

/** Who uses a VNFD: a VNFD in use cannot be deleted. Implemented by the VNF inventory. */
public interface VnfdUsers {

  /** How many VNFs are instances of the VNFD. */
  long vnfsOfVnfd(String vnfdId);
}
