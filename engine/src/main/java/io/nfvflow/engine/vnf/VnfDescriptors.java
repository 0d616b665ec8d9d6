package io.nfvflow.engine.vnf;

import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.tosca.VnfDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A VNF's descriptor: its VNFD with the VNF's parameter values applied (parsed once, cached). */
@Component
public class VnfDescriptors {

  private static final Logger LOG = LoggerFactory.getLogger(VnfDescriptors.class);

  private final VnfdCatalogue catalogue;

  public VnfDescriptors(@Lazy VnfdCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The descriptor; fails when the stored VNFD cannot be read. */
  public VnfDescriptor of(VnfEntity vnf) {
    return catalogue.descriptor(catalogue.find(vnf.vnfdId), JsonColumns.map(vnf.paramValues));
  }

  /**
   * The descriptor, or {@code null} when the stored VNFD can no longer be read (rules tightened by
   * a later release, a damaged row): removing a VNF needs only its id, so it must still work.
   */
  VnfDescriptor orNull(VnfEntity vnf) {
    try {
      return of(vnf);
    } catch (RuntimeException e) {
      LOG.warn("the descriptor of VNF {} cannot be read: {}", vnf.id, e.getMessage());
      return null;
    }
  }
}
