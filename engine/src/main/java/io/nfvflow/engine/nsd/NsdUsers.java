package io.nfvflow.engine.nsd;

import java.util.List;

/** Who uses an NSD: an NSD in use cannot be deleted. Implemented by the NS inventory. */
public interface NsdUsers {

  /** The NSs made from the NSD, for a message ("'ns1' (id)"); empty when none. */
  List<String> nssOf(String nsdId);
}
