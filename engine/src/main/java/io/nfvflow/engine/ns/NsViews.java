package io.nfvflow.engine.ns;

import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.Nulls;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vnf.SubjectKind;
import io.nfvflow.engine.vnf.VnfRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * NSs as Tacker answers them: {@code id, tenant_id, name, description, nsd_id, vim_id, status,
 * error_reason, vnf_ids, vnffg_ids, mgmt_ip_addresses, created_at, updated_at}. {@code vnf_ids},
 * {@code vnffg_ids} and {@code mgmt_ip_addresses} are Python dict reprs keyed by NSD node, as
 * Tacker's clients print them; null until a member exists.
 */
@Component
class NsViews {

  private final NsRepository nss;
  private final NsMemberRepository members;
  private final VnfRepository vnfs;
  private final io.nfvflow.engine.vnffg.VnffgRepository vnffgs;

  NsViews(
      NsRepository nss,
      NsMemberRepository members,
      VnfRepository vnfs,
      io.nfvflow.engine.vnffg.VnffgRepository vnffgs) {
    this.nss = nss;
    this.members = members;
    this.vnfs = vnfs;
    this.vnffgs = vnffgs;
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> nss() {
    return nss.findAll().stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public Map<String, Object> ns(String idOrName) {
    return view(
        nss.findById(idOrName)
            .or(() -> nss.findByName(idOrName))
            .orElseThrow(() -> TackerException.notFound("ns", idOrName)));
  }

  private Map<String, Object> view(NsEntity ns) {
    Map<String, Object> vnfIds = new LinkedHashMap<>();
    Map<String, Object> vnffgIds = new LinkedHashMap<>();
    Map<String, Object> mgmt = new LinkedHashMap<>();
    for (NsMemberEntity member : members.findByNsIdOrderByKindAscPositionAsc(ns.id)) {
      if (member.subjectId == null) {
        continue;
      }
      // only members that exist: a failed NS removed the ones it had created
      if (member.kind == SubjectKind.VNF) {
        vnfs.findById(member.subjectId)
            .ifPresent(
                vnf -> {
                  vnfIds.put(member.node, member.subjectId);
                  String m = vnf.mgmtIpAddress();
                  if (m != null && !m.isBlank()) {
                    mgmt.put(member.node, JsonColumns.map(m));
                  }
                });
      } else if (vnffgs.existsById(member.subjectId)) {
        vnffgIds.put(member.node, member.subjectId);
      }
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", ns.id);
    view.put("tenant_id", ns.tenantId == null ? "" : ns.tenantId);
    view.put("name", ns.name);
    view.put("description", ns.description == null ? "" : ns.description);
    view.put("nsd_id", ns.nsdId);
    view.put("vim_id", Nulls.keep(ns.vimId));
    view.put("status", ns.status == null ? null : ns.status.name());
    view.put("error_reason", Nulls.keep(ns.errorReason));
    view.put("vnf_ids", Nulls.keep(vnfIds.isEmpty() ? null : PythonRepr.of(vnfIds)));
    view.put("vnffg_ids", Nulls.keep(vnffgIds.isEmpty() ? null : PythonRepr.of(vnffgIds)));
    view.put("mgmt_ip_addresses", Nulls.keep(mgmt.isEmpty() ? null : PythonRepr.of(mgmt)));
    view.put("created_at", ns.createdAt == null ? null : ns.createdAt.toString());
    view.put("updated_at", Nulls.keep(ns.updatedAt == null ? null : ns.updatedAt.toString()));
    return view;
  }
}
