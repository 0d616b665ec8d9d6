package io.nfvflow.engine.vnffg;

import io.nfvflow.chain.ChainVariables;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.vnf.LcmOperationEntity;
import io.nfvflow.engine.vnf.OperationSubject;
import io.nfvflow.engine.vnf.SubjectKind;
import io.nfvflow.engine.vnf.SubjectStore;
import io.nfvflow.engine.vnffgd.VnffgdCatalogue;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.vim.VimDrivers;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** VNFFGs as subjects of the operation model. */
@Component
class VnffgSubjects
    implements SubjectStore, io.nfvflow.engine.vnffgd.VnffgdUsers, io.nfvflow.engine.vim.VimChains {

  private final VnffgRepository vnffgs;
  private final NfpRepository nfps;
  private final ClassifierRepository classifiers;
  private final VimDrivers drivers;
  private final EventLog events;
  private final VnffgdCatalogue catalogue;

  VnffgSubjects(
      VnffgRepository vnffgs,
      NfpRepository nfps,
      ClassifierRepository classifiers,
      VimDrivers drivers,
      EventLog events,
      @Lazy VnffgdCatalogue catalogue) {
    this.vnffgs = vnffgs;
    this.nfps = nfps;
    this.classifiers = classifiers;
    this.drivers = drivers;
    this.events = events;
    this.catalogue = catalogue;
  }

  @Override
  public SubjectKind kind() {
    return SubjectKind.VNFFG;
  }

  @Override
  public Optional<VnffgEntity> find(String id) {
    return vnffgs.findById(id);
  }

  @Override
  public Map<String, Object> variables(OperationSubject subject, String vimType) {
    return Map.of(
        ChainVariables.VNFFG_ID,
        subject.id(),
        ChainVariables.VNFFG_NAME,
        subject.name(),
        LcmVariables.RETRY_CYCLE,
        drivers.driver(vimType).retryCycle());
  }

  @Override
  public void remove(OperationSubject subject, LcmOperationEntity op) {
    VnffgEntity vnffg = (VnffgEntity) subject;
    classifiers.deleteAll(classifiers.findByVnffgId(vnffg.id));
    nfps.deleteAll(nfps.findByVnffgIdOrderByPosition(vnffg.id));
    vnffgs.delete(vnffg);
    vnffgs.flush();
    events.record(
        SubjectKind.VNFFG.resourceType(),
        vnffg.id,
        VnfStatus.DEAD.name(),
        "DELETE",
        "VNFFG deleted; its networking-sfc objects are gone");
    catalogue.deleteIfInlineAndUnused(vnffg.vnffgdId);
  }

  @Override
  public java.util.List<String> vnffgsOf(String vnffgdId) {
    return vnffgs.findByVnffgdId(vnffgdId).stream()
        .map(v -> "'%s' (%s)".formatted(v.name, v.id))
        .toList();
  }

  @Override
  public java.util.List<String> chainsIn(String vimId) {
    return vnffgs.findByNeutronVimId(vimId).stream().map(v -> v.name).toList();
  }
}
