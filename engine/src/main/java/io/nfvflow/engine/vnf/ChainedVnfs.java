package io.nfvflow.engine.vnf;

import java.util.List;

/** Which VNFFGs chain a VNF: a chained VNF cannot be deleted (its chain would break). */
public interface ChainedVnfs {

  /** The names of the VNFFGs whose mapping names the VNF; empty when none. */
  List<String> chainsOf(String vnfId);
}
