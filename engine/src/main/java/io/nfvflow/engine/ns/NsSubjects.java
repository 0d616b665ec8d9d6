package io.nfvflow.engine.ns;

import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.nsd.NsdCatalogue;
import io.nfvflow.engine.nsd.NsdUsers;
import io.nfvflow.engine.vnf.LcmOperationEntity;
import io.nfvflow.engine.vnf.OperationSubject;
import io.nfvflow.engine.vnf.SubjectKind;
import io.nfvflow.engine.vnf.SubjectStore;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.ns.NsVariables;
import io.nfvflow.vim.VimDrivers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Network services as subjects of the operation model. */
@Component
class NsSubjects implements SubjectStore, NsdUsers {

  private final NsRepository nss;
  private final NsMemberRepository members;
  private final VimDrivers drivers;
  private final EventLog events;
  private final NsdCatalogue nsds;

  NsSubjects(
      NsRepository nss,
      NsMemberRepository members,
      VimDrivers drivers,
      EventLog events,
      @Lazy NsdCatalogue nsds) {
    this.nss = nss;
    this.members = members;
    this.drivers = drivers;
    this.events = events;
    this.nsds = nsds;
  }

  @Override
  public SubjectKind kind() {
    return SubjectKind.NS;
  }

  @Override
  public Optional<NsEntity> find(String id) {
    return nss.findById(id);
  }

  @Override
  public Map<String, Object> variables(OperationSubject subject, String vimType) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(NsVariables.NS_ID, subject.id());
    variables.put(NsVariables.NS_NAME, subject.name());
    variables.put(
        NsVariables.VNF_COUNT, (int) members.countByNsIdAndKind(subject.id(), SubjectKind.VNF));
    variables.put(
        NsVariables.VNFFG_COUNT, (int) members.countByNsIdAndKind(subject.id(), SubjectKind.VNFFG));
    variables.put(LcmVariables.RETRY_CYCLE, drivers.driver(vimType).retryCycle());
    return variables;
  }

  @Override
  public void remove(OperationSubject subject, LcmOperationEntity op) {
    NsEntity ns = (NsEntity) subject;
    members.deleteAll(members.findByNsIdOrderByKindAscPositionAsc(ns.id));
    nss.delete(ns);
    nss.flush();
    events.record(
        SubjectKind.NS.resourceType(),
        ns.id,
        VnfStatus.DEAD.name(),
        "DELETE",
        "NS deleted; its VNFFGs and VNFs are gone");
    nsds.deleteIfInlineAndUnused(ns.nsdId);
  }

  @Override
  public List<String> nssOf(String nsdId) {
    return nss.findByNsdId(nsdId).stream().map(n -> "'%s' (%s)".formatted(n.name, n.id)).toList();
  }
}
