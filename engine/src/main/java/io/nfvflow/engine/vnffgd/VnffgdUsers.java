package io.nfvflow.engine.vnffgd;

import java.util.List;

/**
 * Who uses a VNFFGD: a VNFFGD in use cannot be deleted. Implemented by the VNFFG inventory; while
 * no bean implements it, no VNFFGD is in use. Every bean that implements it is asked.
 */
public interface VnffgdUsers {

  /**
   * The VNFFGs that are instances of the VNFFGD, each as the 409 that refuses its deletion should
   * name it (for example {@code 'chain1' (id)}); empty when none.
   */
  List<String> vnffgsOf(String vnffgdId);
}
