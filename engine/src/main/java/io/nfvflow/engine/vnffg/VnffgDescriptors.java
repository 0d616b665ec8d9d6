package io.nfvflow.engine.vnffg;

import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.vnffgd.VnffgdCatalogue;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import org.springframework.stereotype.Component;

/** A VNFFG's descriptor: its VNFFGD with its {@code param_values}. */
@Component
class VnffgDescriptors {

  private final VnffgdCatalogue catalogue;

  VnffgDescriptors(VnffgdCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  VnffgDescriptor of(VnffgEntity vnffg) {
    return catalogue.descriptor(catalogue.find(vnffg.vnffgdId), JsonColumns.map(vnffg.paramValues));
  }
}
