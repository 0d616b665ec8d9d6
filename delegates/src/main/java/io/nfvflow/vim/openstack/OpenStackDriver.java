package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Finding;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.PollCadence;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimProbe;
import io.nfvflow.vim.VimResource;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openstack4j.api.exceptions.OS4JException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Token;
import org.springframework.stereotype.Component;

/**
 * The {@code openstack} VIM type: VM VDUs as one Heat stack per VNF (named {@code nfvflow-<vnf
 * id>}, tagged {@code nfvflow} and {@code nfvflow-vnf-<vnf id>}), authenticated by Keystone v3
 * password. A scaling group's size is a stack parameter, so a scale is a stack update to an
 * absolute number. The lifecycle steps themselves are the delegates of this package.
 */
@Component
public class OpenStackDriver implements VimDriver {

  /** The VIM type served. */
  public static final String TYPE = "openstack";

  private final OpenStackClients clients;
  private final HeatStacks stacks;
  private final StackServers servers;
  private final StackProgress progress;
  private final ServerSurvey survey;
  private final HeatHealing healing;

  public OpenStackDriver(OpenStackClients clients, HeatStacks stacks) {
    this.clients = clients;
    this.stacks = stacks;
    this.servers = new StackServers(clients);
    this.progress = new StackProgress(stacks, servers);
    this.survey = new ServerSurvey(clients);
    this.healing = new HeatHealing(clients, stacks, servers);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Authenticates with the VIM's password, scoped to its project; the regions are those of the
   * token's service catalog.
   */
  @Override
  public VimProbe probe(VimConnection vim) {
    Token token;
    try {
      token = clients.authenticate(vim);
    } catch (OS4JException e) {
      int status = e instanceof ResponseException r ? r.getStatus() : 0;
      if (status == 401) {
        throw new VimException(
            VimException.Kind.UNAUTHORIZED,
            "Keystone at %s rejected the credentials of user %s for project %s"
                .formatted(vim.authUrl(), username(vim), vim.projectName()),
            e);
      }
      return VimProbe.unreachable(
          "Keystone at %s: %s"
              .formatted(vim.authUrl(), OpenStackErrors.map("authenticate", e).getMessage()));
    } catch (RuntimeException e) {
      // a malformed URL or a TLS problem also means: cannot talk to it
      return VimProbe.unreachable(
          "Keystone at %s: %s".formatted(vim.authUrl(), OpenStackErrors.rootCause(e)));
    }
    List<String> regions = regions(token);
    return VimProbe.reachable(
        regions,
        "Keystone v3 at %s, project %s, regions %s"
            .formatted(vim.authUrl(), vim.projectName(), String.join(", ", regions)));
  }

  private static List<String> regions(Token token) {
    if (token.getCatalog() == null) {
      return List.of();
    }
    return token.getCatalog().stream()
        .flatMap(service -> service.getEndpoints().stream())
        .map(OpenStackDriver::region)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  private static String region(Endpoint endpoint) {
    return endpoint.getRegion() != null ? endpoint.getRegion() : endpoint.getRegionId();
  }

  private static String username(VimConnection vim) {
    return vim.credentials() == null ? null : vim.credentials().username();
  }

  @Override
  public void checkDeployable(VnfDescriptor descriptor) {
    for (Vdu vdu : descriptor.vdus()) {
      if (!(vdu instanceof VmVdu)) {
        throw ToscaException.unsupported(
            vdu.name(), null, "container VDUs need a Kubernetes VIM, this VIM is OpenStack");
      }
    }
  }

  @Override
  public List<VimResource> resources(VimConnection vim, String vnfId) {
    return stacks.resources(vim, vnfId);
  }

  /** Five tries 15 s apart: Heat and Nova answer 5xx for a while when they restart. */
  @Override
  public String retryCycle() {
    return "R5/PT15S";
  }

  /**
   * Heat has no watch, so the wait polls: after 0.5 s, then 1.5 times longer each time, never more
   * than 5 s apart. Chosen by measurement on the OpenStack sandbox (docs/performance.md,
   * "OpenStack: polling Heat"): a VM VNF's stack completes 6 to 14 s after its create request and
   * is deleted in 2.5 to 5 s, where 2 s doubling to 30 s saw the end 4.5 s (create) and 2.9 s
   * (delete) late on average. A look while Heat works is one request ({@link StackProgress}); at
   * the ceiling that is 12 a minute per waiting VNF, against the one a second Heat itself sends
   * Nova for every server it builds.
   */
  @Override
  public PollCadence cadence() {
    return new PollCadence(Duration.ofMillis(500), 1.5, Duration.ofSeconds(5));
  }

  /** Converges the stack with Heat's time-out {@link HeatStacks#DEFAULT_TIMEOUT}. */
  @Override
  public void apply(VnfOnVim vnf) {
    apply(vnf, HeatStacks.DEFAULT_TIMEOUT);
  }

  /**
   * Converges the VNF's stack (see {@link HeatStacks#apply}).
   *
   * @param timeout Heat's own time-out for the create or update: the workflow's wait, so that a
   *     stuck stack ends FAILED with Heat's reason
   */
  public void apply(VnfOnVim vnf, Duration timeout) {
    stacks.apply(vnf, timeout);
  }

  /** Starts deleting the stack; needs no descriptor. */
  @Override
  public void remove(VnfOnVim vnf) {
    stacks.delete(vnf.vim(), vnf.vnfId());
  }

  /** READY needs the descriptor (the desired parameters); GONE does not. */
  @Override
  public Progress progress(VnfOnVim vnf, WaitGoal goal) {
    return switch (goal) {
      case READY -> progress.ready(vnf);
      case GONE -> progress.gone(vnf);
    };
  }

  /**
   * Every server of the stack (the members of scaling groups included) with its addresses and the
   * Neutron port of each connection point, and each VDU's management address.
   *
   * @throws VimException NOT_FOUND when the VNF has no stack
   */
  @Override
  public Observation observe(VnfOnVim vnf) {
    VimConnection vim = vnf.vim();
    String name = HeatTemplates.stackName(vnf.vnfId());
    StackState stack =
        stacks
            .find(vim, name)
            .filter(s -> s.ownedBy(vnf.vnfId()))
            .orElseThrow(
                () ->
                    new VimException(
                        VimException.Kind.NOT_FOUND, "Heat stack " + name + " not found"));
    List<VimResource> resources = stacks.resources(vim, stack);
    return StackObservation.of(
        vnf.descriptor(),
        servers.servers(vim, name, resources),
        servers.ports(vim, name, resources));
  }

  /**
   * What is wrong with the VNF's stack. Reads only: the stack (missing, not the VNF's, or FAILED
   * with Heat's reason, as VNF findings), its servers one by one (ERROR with Nova's fault, SHUTOFF,
   * or gone, as INSTANCE findings whose {@code since} is Nova's {@code updated}; scaling group
   * members included) and its ports in one Neutron request (a port gone is drift). A stack that
   * Heat is working on has no findings: look again once it is done.
   */
  @Override
  public List<Finding> diagnose(VnfOnVim vnf) {
    VimConnection vim = vnf.vim();
    String name = HeatTemplates.stackName(vnf.vnfId());
    Optional<StackState> found = stacks.find(vim, name);
    if (found.isEmpty()) {
      return List.of(StackDiagnosis.missing(name));
    }
    StackState stack = found.get();
    if (!stack.ownedBy(vnf.vnfId())) {
      return List.of(
          Finding.drift(
              null,
              "Heat stack %s is not owned by VNF %s (no tag %s)"
                  .formatted(name, vnf.vnfId(), HeatStacks.ownerTag(vnf.vnfId())),
              null));
    }
    if (stack.inProgress()) {
      return List.of();
    }
    List<StackResource> listing = stacks.listing(vim, stack);
    List<VimResource> resources = listing.stream().map(StackResource::toVimResource).toList();
    return StackDiagnosis.of(
        vnf.descriptor(),
        stack,
        listing,
        servers.servers(vim, name, resources),
        servers.ports(vim, name, resources));
  }

  /**
   * Every server nfvflow owns in the VIM's project (metadata {@code nfvflow.io:vnf-id}), by VNF id,
   * from one paged Nova listing: Nova's status and addresses, no ports.
   */
  @Override
  public Optional<Map<String, List<VnfInstance>>> survey(VimConnection vim) {
    return Optional.of(survey.survey(vim));
  }

  /**
   * Heal, first half: marks the chosen servers unhealthy in Heat, with their ports, plus whatever
   * server or port is gone (see {@link HeatHealing#markUnhealthy}); servers no longer in the stack
   * are skipped. {@link #heal} then makes Heat replace them.
   *
   * @param serverIds the Nova ids of the servers to replace
   * @param reason what Heat shows as each resource's status reason
   * @return what was marked, as {@code <resource> (<physical id>)}
   */
  public List<String> markUnhealthy(VnfOnVim vnf, Collection<String> serverIds, String reason) {
    return healing.markUnhealthy(vnf, serverIds, reason).stream()
        .map(r -> "%s (%s)".formatted(r.name(), r.physicalId()))
        .toList();
  }

  /**
   * Heal, second half: the stack update with the desired parameters, sent every time, which
   * replaces what {@link #markUnhealthy} marked; no stack: created (see {@link HeatStacks#heal}).
   *
   * @param timeout Heat's own time-out for the update: the workflow's wait
   */
  public void heal(VnfOnVim vnf, Duration timeout) {
    stacks.heal(vnf, timeout);
  }
}
