package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.VimResource;
import io.nfvflow.vim.VnfOnVim;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openstack4j.model.heat.Stack;
import org.openstack4j.model.heat.StackCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A VNF's Heat stack: one stack per VNF, named {@link HeatTemplates#stackName} and tagged {@code
 * nfvflow-vnf-<id>}. Every operation looks before it acts, so each can be re-run after a crash.
 */
@Component
public class HeatStacks {

  /** Heat's own limit when the workflow gives none: a stack must not stay IN_PROGRESS forever. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

  /** How deep resource listings follow nested stacks (see {@link #resources}). */
  static final int NESTED_DEPTH = 2;

  private static final Logger LOG = LoggerFactory.getLogger(HeatStacks.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenStackClients clients;

  public HeatStacks(OpenStackClients clients) {
    this.clients = clients;
  }

  /** What {@link #apply} did. */
  enum Applied {
    /** There was no stack: it was created with the desired parameters. */
    CREATED,
    /**
     * The stack was updated by a PATCH (its parameters differed, its last action failed, or a
     * heal).
     */
    UPDATED,
    /** The stack has the desired parameters already (or Heat is getting it there): no request. */
    UNCHANGED
  }

  /**
   * Converges the VNF's stack to its desired parameters ({@link HeatTemplates#parameters}):
   *
   * <ul>
   *   <li>no stack: create it;
   *   <li>the stack has the desired parameters and its last action did not fail (COMPLETE, or IN
   *       PROGRESS towards them, as after a retried apply): nothing;
   *   <li>otherwise an "existing" update (PATCH) that sends only the parameters: a parameter that
   *       differs (a scale, or its rollback), or a failed create or update, which Heat's
   *       convergence engine retries on the same template (a FAILED stack with the desired
   *       parameters is updated again: that is how a failed member is replaced). An update while
   *       Heat works towards other parameters (a rollback racing the scale it undoes) is accepted
   *       by Heat and supersedes the running one.
   * </ul>
   *
   * The parameters are absolute numbers: a PATCH retried after a crash asks for the same size, and
   * finds them in place, so it is not even sent again. A stack whose template predates the
   * parameters (made by an older nfvflow) gets today's template in the same PATCH.
   *
   * @param timeout Heat's {@code timeout_mins}, rounded up to whole minutes
   * @throws VimException REJECTED when a stack of that name belongs to someone else, is left in
   *     DELETE_FAILED, or Heat refuses the request (its message says why, for example an unknown
   *     flavor or a size out of range); TRANSIENT while it is being deleted
   * @throws io.nfvflow.tosca.ToscaException when the descriptor cannot become a template
   */
  Applied apply(VnfOnVim vnf, Duration timeout) {
    return converge(vnf, timeout, false);
  }

  /**
   * Heals the VNF's stack: an "existing" update (PATCH) with the desired parameters, sent every
   * time, even when nothing differs. Heat replaces every resource marked unhealthy before ({@link
   * HeatHealing#markUnhealthy}: failed or gone servers with their ports, ports gone) and leaves the
   * rest as it is. No stack: it is created, as {@link #apply} creates it. Sending it again after a
   * crash asks Heat for the same thing again.
   *
   * <p>No {@code converge: true} (Heat's "observe reality", which compares resources with what
   * exists). On Heat of OpenStack Zed (checked on the sandbox) it does not reach servers (Heat
   * passes it to the leaves of its dependency graph only, so a deleted server stays deleted), and
   * on the leaves it does reach, ports on a network outside the stack, it "restores" {@code
   * device_id} and {@code device_owner} to the template's empty values: Neutron then shows every
   * untouched server's ports unbound. The marks do all the work instead.
   *
   * <p>The convergence engine stores UPDATE_IN_PROGRESS before it answers 202, so the wait that
   * follows does not take the COMPLETE of before the PATCH for the end of the heal; the wait also
   * treats resources still marked unhealthy as not done ({@link StackProgress}).
   *
   * @param timeout Heat's {@code timeout_mins}, rounded up to whole minutes
   * @throws VimException as {@link #apply} does
   */
  Applied heal(VnfOnVim vnf, Duration timeout) {
    return converge(vnf, timeout, true);
  }

  /**
   * Creates the stack when there is none, else PATCHes it: always for a heal, otherwise only when a
   * parameter differs or the stack failed.
   */
  private Applied converge(VnfOnVim vnf, Duration timeout, boolean heal) {
    Map<String, Integer> wanted = HeatTemplates.parameters(vnf);
    Optional<StackState> found =
        findWithParameters(vnf.vim(), HeatTemplates.stackName(vnf.vnfId()));
    if (found.isEmpty()) {
      create(vnf, wanted, timeout);
      return Applied.CREATED;
    }
    StackState stack = found.get();
    requireUpdatable(stack, vnf.vnfId());
    List<String> differences = stack.differences(wanted);
    if (!heal && differences.isEmpty() && !stack.failed()) {
      return Applied.UNCHANGED;
    }
    String why =
        heal
            ? "heal"
            : differences.isEmpty()
                ? "retry after " + stack.status()
                : String.join(", ", differences);
    patch(vnf, stack, wanted, timeout, why);
    return Applied.UPDATED;
  }

  /** An owned stack that is not being (or failed to be) deleted. */
  private static void requireUpdatable(StackState stack, String vnfId) {
    requireOwned(stack, vnfId);
    if (stack.deleting()) {
      throw new VimException(
          stack.inProgress() ? Kind.TRANSIENT : Kind.REJECTED,
          "Heat stack %s is %s: it cannot be updated%s"
              .formatted(
                  stack.name(),
                  stack.describe(),
                  stack.inProgress() ? " (a retry once it is gone creates it afresh)" : ""));
    }
  }

  private void create(VnfOnVim vnf, Map<String, Integer> parameters, Duration timeout) {
    VimConnection vim = vnf.vim();
    HeatStack stack = HeatTemplates.translate(vnf.vnfId(), vnf.descriptor(), flavors(vim));
    StackCreate request =
        new StackCreateRequest(
            stack.name(),
            stack.template(),
            stack.files(),
            parameters,
            String.join(",", stack.tags()),
            minutes(timeout),
            // keep a failed stack as it is: its status reason is what the operator needs
            true);
    clients.call(
        vim, "create Heat stack " + stack.name(), os -> os.heat().stacks().create(request));
    LOG.info("Heat stack {}: create requested with {}", stack.name(), parameters);
  }

  private void patch(
      VnfOnVim vnf,
      StackState stack,
      Map<String, Integer> parameters,
      Duration timeout,
      String why) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("parameters", parameters);
    body.put("timeout_mins", minutes(timeout));
    if (!stack.declares(parameters)) {
      // made before sizes were parameters: the stored template would drop them; a PATCH with a
      // template still keeps the stack's tags, settings and other parameters
      HeatStack current =
          HeatTemplates.translate(vnf.vnfId(), vnf.descriptor(), flavors(vnf.vim()));
      body.put("template", current.template());
      body.put("files", current.files());
    }
    String action = "update Heat stack %s (%s)".formatted(stack.name(), why);
    clients.call(
        vnf.vim(),
        action,
        os -> {
          OpenStackErrors.check(
              action, OpenStackCalls.patchStack(stack.name(), stack.id(), json(body)));
          return null;
        });
    LOG.info("Heat stack {}: update requested ({})", stack.name(), why);
  }

  /**
   * Starts deleting the stack. No stack is fine; a stack being deleted is left alone; a stack in
   * DELETE_FAILED is deleted again (Heat retries what it could not remove).
   *
   * @throws VimException REJECTED when the stack of that name belongs to someone else
   */
  public void delete(VimConnection vim, String vnfId) {
    Optional<StackState> stack = find(vim, HeatTemplates.stackName(vnfId));
    if (stack.isEmpty() || "DELETE_IN_PROGRESS".equals(stack.get().status())) {
      return;
    }
    requireOwned(stack.get(), vnfId);
    delete(vim, stack.get());
  }

  /** Deletes a stack that was just looked up; one that vanished meanwhile is fine. */
  void delete(VimConnection vim, StackState stack) {
    String action = "delete Heat stack " + stack.name();
    try {
      clients.call(
          vim,
          action,
          os -> {
            OpenStackErrors.check(action, os.heat().stacks().delete(stack.name(), stack.id()));
            return null;
          });
    } catch (VimException e) {
      if (e.kind() != Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  /**
   * The stack's resources (name, type, physical id), including those of nested stacks: a scaling
   * group's servers and ports live two levels down (group, then one member stack per instance).
   * Empty when there is no stack of the VNF.
   */
  public List<VimResource> resources(VimConnection vim, String vnfId) {
    return find(vim, HeatTemplates.stackName(vnfId))
        .filter(s -> s.ownedBy(vnfId))
        .map(s -> resources(vim, s))
        .orElse(List.of());
  }

  /** The resources of a stack that was just looked up, nested stacks included. */
  List<VimResource> resources(VimConnection vim, StackState stack) {
    return listing(vim, stack).stream().map(StackResource::toVimResource).toList();
  }

  /**
   * The resources of a stack that was just looked up, nested stacks included, each with the stack
   * that holds it and its status: one request.
   */
  List<StackResource> listing(VimConnection vim, StackState stack) {
    String nameAndId = stack.name() + "/" + stack.id();
    return clients.call(
        vim,
        "list resources of Heat stack " + stack.name(),
        os ->
            os.heat().resources().list(nameAndId, NESTED_DEPTH).stream()
                .map(StackResource::of)
                .toList());
  }

  /** The cloud's flavors, for the template translation to pick from. */
  List<FlavorInfo> flavors(VimConnection vim) {
    return clients.call(
        vim,
        "list Nova flavors",
        os ->
            os.compute().flavors().list().stream()
                .map(f -> new FlavorInfo(f.getName(), f.getVcpus(), f.getRam(), f.getDisk()))
                .toList());
  }

  /**
   * The stack of that name, whoever owns it (callers decide what a stack of someone else's means),
   * as Heat's stack list shows it: status and reason, tags, times, no parameters ({@link #details}
   * reads them). One request, {@code GET /stacks?name=<name>} (an exact match; deleted stacks are
   * not listed); a look-up by name would cost two, Heat answering it with a redirect to {@code
   * <name>/<id>}. None (or a DELETE_COMPLETE one) means there is none.
   */
  Optional<StackState> find(VimConnection vim, String name) {
    List<? extends Stack> listed =
        clients.call(
            vim, "look up Heat stack " + name, os -> os.heat().stacks().list(Map.of("name", name)));
    if (listed == null) {
      return Optional.empty();
    }
    return listed.stream()
        .filter(s -> name.equals(s.getName()))
        .map(StackState::summary)
        .filter(s -> !s.gone())
        .findFirst();
  }

  /**
   * The stack just found, read again with its parameters: one request, {@code GET
   * /stacks/<name>/<id>}. Empty when it went meanwhile.
   */
  Optional<StackState> details(VimConnection vim, StackState stack) {
    try {
      return Optional.ofNullable(
              clients.call(
                  vim,
                  "read Heat stack " + stack.name(),
                  os -> (Stack) os.heat().stacks().getDetails(stack.name(), stack.id())))
          .map(StackState::of)
          .filter(s -> !s.gone());
    } catch (VimException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The stack of that name with its parameters: {@link #find}, then {@link #details}. */
  Optional<StackState> findWithParameters(VimConnection vim, String name) {
    return find(vim, name).flatMap(s -> details(vim, s));
  }

  private static void requireOwned(StackState stack, String vnfId) {
    if (!stack.ownedBy(vnfId)) {
      throw new VimException(
          Kind.REJECTED,
          "Heat stack %s already exists and is not owned by VNF %s (no tag %s)"
              .formatted(stack.name(), vnfId, ownerTag(vnfId)));
    }
  }

  /** The tag that says a stack belongs to the VNF (one of {@link HeatTemplates#tags}). */
  static String ownerTag(String vnfId) {
    return "nfvflow-vnf-" + vnfId;
  }

  private static long minutes(Duration timeout) {
    return Math.max(1, (timeout.toSeconds() + 59) / 60);
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of numbers and strings did not serialise", e);
    }
  }
}
