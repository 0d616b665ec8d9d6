package io.nfvflow.engine.ns;

import io.nfvflow.engine.nsd.NsdCatalogue;
import io.nfvflow.engine.nsd.NsdEntity;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vim.VimEntity;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vnf.Operations;
import io.nfvflow.engine.vnf.SubjectKind;
import io.nfvflow.engine.vnf.VnfRepository;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.engine.vnfd.VnfdEntity;
import io.nfvflow.engine.vnffg.VnffgRepository;
import io.nfvflow.lcm.OperationType;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.tosca.ns.NsDescriptor;
import io.nfvflow.tosca.ns.VnfNode;
import io.nfvflow.tosca.ns.VnffgGroup;
import io.nfvflow.vim.VimDrivers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and deleting network services. A create checks everything it can before anything exists
 * (the NSD and its input values, each VNF node's VNFD with its bindings, the VIM each is placed on;
 * every problem in one 400), writes the NS and its member rows and starts {@code ns-create} through
 * the operation model; the workflow creates the members.
 */
@Service
public class NsLifecycle {

  static final String CREATE = "ns-create";
  static final String DELETE = "ns-delete";

  private final NsRepository nss;
  private final NsMemberRepository members;
  private final NsdCatalogue nsds;
  private final VnfdCatalogue vnfds;
  private final VimRegistry vims;
  private final VimDrivers drivers;
  private final VnfRepository vnfs;
  private final VnffgRepository vnffgs;
  private final Operations operations;

  public NsLifecycle(
      NsRepository nss,
      NsMemberRepository members,
      NsdCatalogue nsds,
      VnfdCatalogue vnfds,
      VimRegistry vims,
      VimDrivers drivers,
      VnfRepository vnfs,
      VnffgRepository vnffgs,
      Operations operations) {
    this.nss = nss;
    this.members = members;
    this.nsds = nsds;
    this.vnfds = vnfds;
    this.vims = vims;
    this.drivers = drivers;
    this.vnfs = vnfs;
    this.vnffgs = vnffgs;
    this.operations = operations;
  }

  /** {@code POST /v1.0/nss}: PENDING_CREATE and {@code ns-create} started. */
  @Transactional
  public NsEntity create(com.fasterxml.jackson.databind.JsonNode body) {
    NsRequest request = NsRequest.parse(body);
    if (nss.findByName(request.name()).isPresent()) {
      throw TackerException.conflict(
          "DuplicateResourceName", "An NS named '%s' already exists".formatted(request.name()));
    }
    NsdEntity nsd =
        request.template() != null
            ? nsds.createInline(request.name(), request.template(), request.tenantId())
            : nsds.findByIdOrName(request.nsdId())
                .orElseThrow(
                    () ->
                        TackerException.badRequest(
                            "NsdNotFound",
                            "Invalid input for field 'ns.nsd_id': NSD %s does not exist"
                                .formatted(request.nsdId())));
    NsDescriptor descriptor = nsds.requestDescriptor(nsd, request.nsdParams());
    Optional<VimEntity> nsVim = nsVim(request);

    List<String> problems = new ArrayList<>();
    Map<String, String> placement = request.placement();
    List<String> nodeNames = descriptor.vnfs().stream().map(VnfNode::name).toList();
    placement.keySet().stream()
        .filter(node -> !nodeNames.contains(node))
        .forEach(
            node ->
                problems.add(
                    "ns.attributes.param_values.vims.%s: the NSD has no VNF node %s (its VNF nodes: %s)"
                        .formatted(node, node, String.join(", ", nodeNames))));
    List<NsMemberEntity> planned = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    Map<String, String> vnfdIds = nsd.vnfdsByNodeType();
    for (int i = 0; i < descriptor.vnfs().size(); i++) {
      VnfNode node = descriptor.vnfs().get(i);
      NsMemberEntity member = member(request, SubjectKind.VNF, i, node.name());
      planned.add(member);
      if (vnfs.findByName(member.name).isPresent()) {
        taken.add("a VNF named '%s' exists already".formatted(member.name));
      }
      VnfdEntity vnfd = vnfd(vnfdIds.get(node.type()));
      if (vnfd == null) {
        problems.add(
            "VNF node %s: the VNFD of node type %s is no longer onboarded"
                .formatted(node.name(), node.type()));
        continue;
      }
      member.vnfdId = vnfd.getId();
      VimEntity vim = placement.containsKey(node.name()) ? vim(placement.get(node.name())) : null;
      if (vim == null && placement.containsKey(node.name())) {
        problems.add(
            "ns.attributes.param_values.vims.%s: VIM '%s' does not exist"
                .formatted(node.name(), placement.get(node.name())));
        continue;
      }
      if (vim == null) {
        vim = nsVim.orElse(null);
      }
      if (vim == null) {
        problems.add(
            ("VNF node %s: no VIM: give ns.vim_id, register a default VIM, or place the node with"
                    + " param_values.vims.%s")
                .formatted(node.name(), node.name()));
        continue;
      }
      member.vimId = vim.getId();
      check(request, nsd, descriptor, node, vnfd, vim, problems);
    }
    for (int i = 0; i < descriptor.vnffgs().size(); i++) {
      VnffgGroup group = descriptor.vnffgs().get(i);
      NsMemberEntity member = member(request, SubjectKind.VNFFG, i, group.name());
      planned.add(member);
      if (vnffgs.findByName(member.name).isPresent()) {
        taken.add("a VNFFG named '%s' exists already".formatted(member.name));
      }
    }
    if (!problems.isEmpty()) {
      throw TackerException.badRequest(
          "InvalidInput", "The NS cannot be created: " + String.join("; ", problems));
    }
    if (!taken.isEmpty()) {
      throw TackerException.conflict(
          "DuplicateResourceName",
          "The NS's members are named <NS name>_<NSD node>, and "
              + String.join("; ", taken)
              + "; choose another NS name");
    }

    NsEntity ns = new NsEntity();
    ns.id = UUID.randomUUID().toString();
    ns.name = request.name();
    ns.description =
        request.description() != null
            ? request.description()
            : nsd.getDescription() == null ? "" : nsd.getDescription();
    ns.tenantId = request.tenantId();
    ns.nsdId = nsd.getId();
    ns.vimId = nsVim.map(VimEntity::getId).orElse(planned.isEmpty() ? null : planned.get(0).vimId);
    ns.paramValues = JsonColumns.write(request.paramValues());
    ns.createdAt = Instant.now();
    ns = nss.save(ns);
    for (NsMemberEntity member : planned) {
      member.nsId = ns.id;
      members.save(member);
    }
    String vimType = ns.vimId == null ? "openstack" : vims.find(ns.vimId).getType();
    operations.begin(
        new Operations.Start(
            ns,
            vimType,
            OperationType.INSTANTIATE,
            VnfStatus.PENDING_CREATE,
            operations.deployed(CREATE),
            "create %d VNF(s) (%s) and %d VNFFG(s)%s"
                .formatted(
                    descriptor.vnfs().size(),
                    String.join(
                        ", ",
                        planned.stream()
                            .filter(m -> m.kind == SubjectKind.VNF)
                            .map(m -> m.node + " on VIM " + vimName(m.vimId))
                            .toList()),
                    descriptor.vnffgs().size(),
                    descriptor.vnffgs().isEmpty()
                        ? ""
                        : " ("
                            + String.join(
                                ", ", descriptor.vnffgs().stream().map(VnffgGroup::name).toList())
                            + ")"),
            false,
            op -> {}));
    return ns;
  }

  /**
   * {@code DELETE /v1.0/nss/{id}}: PENDING_DELETE and {@code ns-delete} started (its VNFFGs go
   * first, then its VNFs). {@code force} cancels a running operation on the NS and deletes from any
   * status.
   */
  @Transactional
  public void delete(String idOrName, boolean force) {
    NsEntity ns = find(idOrName);
    String vimType = ns.vimId == null ? "openstack" : vimType(ns.vimId);
    operations.begin(
        new Operations.Start(
            ns,
            vimType,
            OperationType.TERMINATE,
            VnfStatus.PENDING_DELETE,
            operations.deployed(DELETE),
            force ? "forced delete" : "delete",
            force,
            op -> {}));
  }

  NsEntity find(String idOrName) {
    return nss.findById(idOrName)
        .or(() -> nss.findByName(idOrName))
        .orElseThrow(() -> TackerException.notFound("ns", idOrName));
  }

  /**
   * A VNF node's VNFD with its bindings must parse, and the VIM it is placed on must be able to run
   * it (a containerised VNFD needs a Kubernetes VIM, a VM VNFD an OpenStack one).
   */
  private void check(
      NsRequest request,
      NsdEntity nsd,
      NsDescriptor descriptor,
      VnfNode node,
      VnfdEntity vnfd,
      VimEntity vim,
      List<String> problems) {
    Map<String, Object> params =
        NsPlan.vnfParams(request.paramValues(), vnfd.getName(), nsd.getId(), descriptor, node);
    VnfDescriptor vnfDescriptor;
    try {
      vnfDescriptor = vnfds.descriptor(vnfd, params);
    } catch (ToscaException e) {
      problems.add(
          "VNF node %s (VNFD '%s'): %s".formatted(node.name(), vnfd.getName(), e.getMessage()));
      return;
    }
    if ("UNREACHABLE".equals(vim.getStatus())) {
      problems.add(
          "VNF node %s: VIM %s is UNREACHABLE; fix or update it first"
              .formatted(node.name(), vim.getName()));
      return;
    }
    try {
      drivers.driver(vim.getType()).checkDeployable(vnfDescriptor);
    } catch (TackerException e) {
      problems.add(placementProblem(node, vnfd, vim, e.getMessage()));
    } catch (RuntimeException e) {
      problems.add(placementProblem(node, vnfd, vim, String.valueOf(e.getMessage())));
    }
  }

  private static String placementProblem(VnfNode node, VnfdEntity vnfd, VimEntity vim, String why) {
    return "VNF node %s (VNFD '%s') cannot run on VIM %s (%s): %s; place it on another VIM with param_values.vims.%s"
        .formatted(node.name(), vnfd.getName(), vim.getName(), vim.getType(), why, node.name());
  }

  private static NsMemberEntity member(
      NsRequest request, SubjectKind kind, int position, String node) {
    NsMemberEntity member = new NsMemberEntity();
    member.id = UUID.randomUUID().toString();
    member.kind = kind;
    member.position = position;
    member.node = node;
    member.name = request.name() + "_" + node;
    return member;
  }

  private Optional<VimEntity> nsVim(NsRequest request) {
    if (request.vimId() != null) {
      VimEntity vim = vim(request.vimId());
      if (vim == null) {
        throw TackerException.badRequest(
            "VimNotFoundException",
            "Invalid input for field 'ns.vim_id': VIM %s does not exist"
                .formatted(request.vimId()));
      }
      return Optional.of(vim);
    }
    try {
      return Optional.of(vims.resolve(null));
    } catch (TackerException e) {
      if (e.status() != HttpStatus.BAD_REQUEST) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /** A VIM by id or name, or null. */
  private VimEntity vim(String idOrName) {
    List<VimEntity> all = vims.all();
    return all.stream()
        .filter(v -> idOrName.equals(v.getId()))
        .findFirst()
        .or(() -> all.stream().filter(v -> idOrName.equals(v.getName())).findFirst())
        .orElse(null);
  }

  private String vimName(String vimId) {
    VimEntity vim = vimId == null ? null : vim(vimId);
    return vim == null ? String.valueOf(vimId) : vim.getName();
  }

  private String vimType(String vimId) {
    VimEntity vim = vim(vimId);
    return vim == null ? "openstack" : vim.getType();
  }

  private VnfdEntity vnfd(String id) {
    if (id == null) {
      return null;
    }
    try {
      return vnfds.find(id);
    } catch (TackerException e) {
      return null;
    }
  }
}
