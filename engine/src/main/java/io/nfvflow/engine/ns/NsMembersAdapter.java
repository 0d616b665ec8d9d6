package io.nfvflow.engine.ns;

import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.nsd.NsdCatalogue;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vnf.OperationSubject;
import io.nfvflow.engine.vnf.Operations;
import io.nfvflow.engine.vnf.SubjectKind;
import io.nfvflow.engine.vnf.VnfEntity;
import io.nfvflow.engine.vnf.VnfLifecycle;
import io.nfvflow.engine.vnf.VnfRepository;
import io.nfvflow.engine.vnffg.VnffgEntity;
import io.nfvflow.engine.vnffg.VnffgLifecycle;
import io.nfvflow.engine.vnffg.VnffgRepository;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.ns.NsMemberException;
import io.nfvflow.ns.NsMembers;
import io.nfvflow.ns.NsVariables;
import io.nfvflow.tosca.ns.NsDescriptor;
import io.nfvflow.tosca.ns.VnfNode;
import io.nfvflow.tosca.ns.VnffgGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NS workflows' port to the inventory: creates and deletes an NS's members through the VNF and
 * VNFFG lifecycles (each its own operation and process), and tells a waiting NS workflow when an
 * operation on one of its members ended, by correlating {@link NsVariables#MEMBER_ENDED} in the
 * ending operation's transaction (the NS's receive task continues asynchronously after it).
 */
@Component
class NsMembersAdapter implements NsMembers {

  private final NsRepository nss;
  private final NsMemberRepository members;
  private final NsPlan plan;
  private final NsdCatalogue nsds;
  private final VnfRepository vnfs;
  private final VnffgRepository vnffgs;
  private final VnfLifecycle vnfLifecycle;
  private final VnffgLifecycle vnffgLifecycle;
  private final EventLog events;
  private final RuntimeService runtime;

  NsMembersAdapter(
      NsRepository nss,
      NsMemberRepository members,
      NsPlan plan,
      NsdCatalogue nsds,
      VnfRepository vnfs,
      VnffgRepository vnffgs,
      VnfLifecycle vnfLifecycle,
      VnffgLifecycle vnffgLifecycle,
      EventLog events,
      RuntimeService runtime) {
    this.nss = nss;
    this.members = members;
    this.plan = plan;
    this.nsds = nsds;
    this.vnfs = vnfs;
    this.vnffgs = vnffgs;
    this.vnfLifecycle = vnfLifecycle;
    this.vnffgLifecycle = vnffgLifecycle;
    this.events = events;
    this.runtime = runtime;
  }

  @Override
  @Transactional
  public Started startVnf(String nsId, int index) {
    NsMemberEntity member = member(nsId, SubjectKind.VNF, index);
    Optional<Started> existing = existing(member);
    if (existing.isPresent()) {
      return existing.get();
    }
    NsEntity ns = ns(nsId);
    NsDescriptor descriptor = plan.descriptor(ns);
    VnfNode node = descriptor.vnfs().get(index);
    String vnfdName =
        Optional.ofNullable(nsds.find(ns.nsdId).vnfdsByNodeType().get(node.type()))
            .map(this::vnfdName)
            .orElse(node.type());
    Map<String, Object> params =
        NsPlan.vnfParams(
            io.nfvflow.engine.tacker.JsonColumns.map(ns.paramValues),
            vnfdName,
            ns.nsdId,
            descriptor,
            node);
    try {
      VnfEntity vnf = vnfLifecycle.instantiateMember(NsPlan.vnfBody(ns, member, params), nsId);
      member.subjectId = vnf.id();
    } catch (TackerException e) {
      throw new NsMemberException(
          "%s could not be created: %s".formatted(member.describe(), e.getMessage()));
    }
    return new Started(member.subjectId, member.label(), true);
  }

  @Override
  @Transactional
  public Started startVnffg(String nsId, int index) {
    NsMemberEntity member = member(nsId, SubjectKind.VNFFG, index);
    Optional<Started> existing = existing(member);
    if (existing.isPresent()) {
      return existing.get();
    }
    NsEntity ns = ns(nsId);
    NsDescriptor descriptor = plan.descriptor(ns);
    VnffgGroup group = descriptor.vnffgs().get(index);
    Map<String, String> typeToVnfd = nsds.find(ns.nsdId).vnfdsByNodeType();
    Map<String, String> mapping = new LinkedHashMap<>();
    List<NsMemberEntity> vnfMembers =
        members.findByNsIdOrderByKindAscPositionAsc(nsId).stream()
            .filter(m -> m.kind == SubjectKind.VNF)
            .toList();
    for (String vnfdName : group.constituentVnfds()) {
      for (NsMemberEntity m : vnfMembers) {
        VnfNode node = descriptor.vnfs().get(m.position);
        String vnfdId = typeToVnfd.get(node.type());
        if (vnfdId != null && vnfdName.equals(vnfdName(vnfdId)) && m.subjectId != null) {
          mapping.put(vnfdName, m.subjectId);
        }
      }
    }
    try {
      VnffgEntity vnffg =
          vnffgLifecycle.createMember(NsPlan.vnffgBody(ns, member, group, mapping), nsId);
      member.subjectId = vnffg.id();
    } catch (TackerException e) {
      throw new NsMemberException(
          "%s could not be created: %s".formatted(member.describe(), e.getMessage()));
    }
    return new Started(member.subjectId, member.label(), true);
  }

  @Override
  @Transactional
  public Started deleteVnffg(String nsId, int index) {
    return delete(member(nsId, SubjectKind.VNFFG, index), vnffgLifecycle::deleteMember);
  }

  @Override
  @Transactional
  public Started deleteVnf(String nsId, int index) {
    return delete(member(nsId, SubjectKind.VNF, index), vnfLifecycle::terminateMember);
  }

  /**
   * Deletes a member that exists and is not being deleted already (a re-run finds its delete
   * running and waits for it); nothing to wait for when it does not exist (any more).
   */
  private Started delete(NsMemberEntity member, java.util.function.Consumer<String> deletion) {
    Optional<? extends OperationSubject> subject = subject(member);
    if (subject.isEmpty()) {
      return new Started(member.subjectId, member.label(), false);
    }
    if (subject.get().status() != VnfStatus.PENDING_DELETE) {
      try {
        deletion.accept(member.subjectId);
      } catch (TackerException e) {
        throw new NsMemberException(
            "%s could not be deleted: %s".formatted(member.describe(), e.getMessage()));
      }
    }
    return new Started(member.subjectId, member.label(), true);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> vnfFailures(String nsId) {
    return failures(nsId, SubjectKind.VNF);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> vnffgFailures(String nsId) {
    return failures(nsId, SubjectKind.VNFFG);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> leftovers(String nsId) {
    List<String> left = new ArrayList<>();
    for (NsMemberEntity member : members.findByNsIdOrderByKindAscPositionAsc(nsId)) {
      subject(member)
          .ifPresent(
              s ->
                  left.add(
                      "%s is %s%s"
                          .formatted(
                              member.describe(),
                              s.status(),
                              s.errorReason() == null ? "" : ": " + s.errorReason())));
    }
    return left;
  }

  @Override
  @Transactional
  public void event(String nsId, String detail) {
    nss.findById(nsId)
        .ifPresent(
            ns ->
                events.record(
                    SubjectKind.NS.resourceType(),
                    ns.id,
                    String.valueOf(ns.status()),
                    "UPDATE",
                    detail));
  }

  /**
   * An operation on a VNF or VNFFG ended: if it is an NS's member, the NS workflow waiting for it
   * (if any) goes on, and the NS's events say how the member's operation ended.
   */
  @EventListener
  public void memberEnded(Operations.Ended ended) {
    if (ended.kind() == SubjectKind.NS) {
      return;
    }
    for (NsMemberEntity member : members.findBySubjectId(ended.subjectId())) {
      if (member.kind != ended.kind()) {
        continue;
      }
      event(
          member.nsId, "%s: %s %s".formatted(member.describe(), verb(ended), ended.state().name()));
      runtime
          .createMessageCorrelation(NsVariables.MEMBER_ENDED)
          .localVariableEquals(NsVariables.MEMBER_ID, ended.subjectId())
          .correlateAllWithResult();
    }
  }

  /** What the operation was, in the words of its kind: a VNFFG is created, not instantiated. */
  private static String verb(Operations.Ended ended) {
    return switch (ended.type()) {
      case INSTANTIATE -> ended.kind() == SubjectKind.VNF ? "instantiate" : "create";
      case TERMINATE -> "delete";
      default -> ended.type().name().toLowerCase();
    };
  }

  private List<String> failures(String nsId, SubjectKind kind) {
    List<String> failures = new ArrayList<>();
    for (NsMemberEntity member : members.findByNsIdOrderByKindAscPositionAsc(nsId)) {
      if (member.kind != kind) {
        continue;
      }
      Optional<? extends OperationSubject> subject = subject(member);
      if (subject.isEmpty()) {
        failures.add("%s was not created".formatted(member.describe()));
      } else if (subject.get().status() != VnfStatus.ACTIVE) {
        failures.add(
            "%s failed: %s"
                .formatted(
                    member.describe(),
                    subject.get().errorReason() != null
                        ? subject.get().errorReason()
                        : "it is " + subject.get().status()));
      }
    }
    return failures;
  }

  /** A member created by a first run: its end is awaited while its operation runs. */
  private Optional<Started> existing(NsMemberEntity member) {
    if (member.subjectId == null) {
      return Optional.empty();
    }
    OperationSubject subject =
        subject(member)
            .orElseThrow(
                () ->
                    new NsMemberException(
                        "%s (%s) was created but is gone"
                            .formatted(member.describe(), member.subjectId)));
    boolean running = subject.status() != VnfStatus.ACTIVE && subject.status() != VnfStatus.ERROR;
    return Optional.of(new Started(member.subjectId, member.label(), running));
  }

  private Optional<? extends OperationSubject> subject(NsMemberEntity member) {
    if (member.subjectId == null) {
      return Optional.empty();
    }
    return member.kind == SubjectKind.VNF
        ? vnfs.findById(member.subjectId)
        : vnffgs.findById(member.subjectId);
  }

  private NsMemberEntity member(String nsId, SubjectKind kind, int index) {
    return members
        .findByNsIdAndKindAndPosition(nsId, kind, index)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "NS %s has no %s member #%d".formatted(nsId, kind.label(), index)));
  }

  private NsEntity ns(String nsId) {
    return nss.findById(nsId)
        .orElseThrow(() -> new IllegalStateException("NS " + nsId + " does not exist"));
  }

  private String vnfdName(String vnfdId) {
    return nsds.vnfdName(vnfdId);
  }
}
