package io.nfvflow.engine.vnf;

import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.vim.VimDrivers;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** VNFs as subjects of the operation model. */
@Component
class VnfSubjects implements SubjectStore {

  private final VnfRepository vnfs;
  private final InstantiatedState state;
  private final VimDrivers drivers;
  private final EventLog events;
  private final LcmSettings settings;
  private final VnfdCatalogue catalogue;

  VnfSubjects(
      VnfRepository vnfs,
      InstantiatedState state,
      VimDrivers drivers,
      EventLog events,
      LcmSettings settings,
      @Lazy VnfdCatalogue catalogue) {
    this.vnfs = vnfs;
    this.state = state;
    this.drivers = drivers;
    this.events = events;
    this.settings = settings;
    this.catalogue = catalogue;
  }

  @Override
  public SubjectKind kind() {
    return SubjectKind.VNF;
  }

  @Override
  public Optional<VnfEntity> find(String id) {
    return vnfs.findById(id);
  }

  @Override
  public Map<String, Object> variables(OperationSubject subject, String vimType) {
    return Map.of(
        LcmVariables.VNF_ID,
        subject.id(),
        LcmVariables.VNF_NAME,
        subject.name(),
        LcmVariables.VIM_TYPE,
        vimType,
        LcmVariables.RETRY_CYCLE,
        drivers.driver(vimType).retryCycle(),
        LcmVariables.READY_TIMEOUT,
        settings.readyTimeout().toString());
  }

  @Override
  public void remove(OperationSubject subject, LcmOperationEntity op) {
    VnfEntity vnf = (VnfEntity) subject;
    state.forget(vnf.id);
    vnfs.delete(vnf);
    vnfs.flush();
    events.record(
        EventLog.VNF,
        vnf.id,
        VnfStatus.DEAD.name(),
        op.type.eventType(),
        "VNF deleted; its VIM resources are gone");
    catalogue.deleteIfInlineAndUnused(vnf.vnfdId);
  }
}
