package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import io.nfvflow.vim.VimResource;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.openstack.StackStatus.Phase;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openstack4j.model.heat.Stack;
import org.openstack4j.model.heat.StackCreate;
import org.springframework.stereotype.Component;

/**
 * A VNF's Heat stack: one stack per VNF, named {@link HeatTemplates#stackName} and tagged {@code
 * nfvflow-vnf-<id>}. Every operation looks before it acts, so each can be re-run after a crash.
 */
@Component
public class HeatStacks {

  /** Heat's own limit when the workflow gives none: a stack must not stay IN_PROGRESS forever. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

  private static final String MGMT_PREFIX = HeatTemplates.mgmtOutput("");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenStackClients clients;

  public HeatStacks(OpenStackClients clients) {
    this.clients = clients;
  }

  /**
   * Creates the VNF's stack unless it exists already (a re-run after a crash finds it).
   *
   * @param parameters the stack parameters ({@link HeatTemplates#parameters})
   * @param timeout Heat's {@code timeout_mins}, rounded up to whole minutes
   * @throws VimException REJECTED when a stack of that name belongs to someone else, or Heat
   *     refuses the template (its message says why, for example an unknown flavor)
   * @throws io.nfvflow.tosca.ToscaException when the descriptor cannot become a template
   */
  public void create(
      VimConnection vim,
      String vnfId,
      VnfDescriptor descriptor,
      Map<String, Integer> parameters,
      Duration timeout) {
    String name = HeatTemplates.stackName(vnfId);
    Optional<Stack> existing = find(vim, name);
    if (existing.isPresent()) {
      requireOwned(existing.get(), vnfId);
      return;
    }
    List<FlavorInfo> flavors = flavors(vim);
    HeatStack stack = HeatTemplates.translate(vnfId, descriptor, flavors);
    StackCreate request =
        new StackCreateRequest(
            stack.name(),
            stack.template(),
            stack.files(),
            parameters,
            String.join(",", stack.tags()),
            Math.max(1, (timeout.toSeconds() + 59) / 60),
            // keep a failed stack as it is: its status reason is what the operator needs
            true);
    clients.call(vim, "create Heat stack " + name, os -> os.heat().stacks().create(request));
  }

  /** Creates the stack at the VNF's initial size with {@link #DEFAULT_TIMEOUT}. */
  public void create(VimConnection vim, String vnfId, VnfDescriptor descriptor) {
    create(
        vim,
        vnfId,
        descriptor,
        HeatTemplates.parameters(new VnfOnVim(vim, vnfId, descriptor)),
        DEFAULT_TIMEOUT);
  }

  /** Where the stack's creation stands: COMPLETE, IN_PROGRESS, FAILED (with reason) or GONE. */
  public StackStatus status(VimConnection vim, String vnfId) {
    String name = HeatTemplates.stackName(vnfId);
    return find(vim, name).map(s -> status(name, s)).orElseGet(() -> StackStatus.gone(name));
  }

  /**
   * The management address of each VDU, from the stack's {@code mgmt_ip-<vdu>} outputs. A scaled
   * VDU's output is a list: its value is then the list's JSON text ({@code ["10.0.0.5",
   * "10.0.0.6"]}). Outputs Heat could not resolve (null) are left out.
   *
   * @throws VimException NOT_FOUND when there is no stack
   */
  public Map<String, String> outputs(VimConnection vim, String vnfId) {
    String name = HeatTemplates.stackName(vnfId);
    Stack stack =
        find(vim, name)
            .orElseThrow(
                () -> new VimException(Kind.NOT_FOUND, "Heat stack " + name + " not found"));
    Map<String, String> addresses = new TreeMap<>();
    List<Map<String, Object>> outputs = stack.getOutputs() == null ? List.of() : stack.getOutputs();
    for (Map<String, Object> output : outputs) {
      Object key = output.get("output_key");
      Object value = output.get("output_value");
      if (key instanceof String k && k.startsWith(MGMT_PREFIX) && value != null) {
        addresses.put(k.substring(MGMT_PREFIX.length()), address(value));
      }
    }
    return addresses;
  }

  /**
   * Starts deleting the stack. No stack is fine; a stack being deleted is left alone; a stack in
   * DELETE_FAILED is deleted again (Heat retries what it could not remove).
   */
  public void delete(VimConnection vim, String vnfId) {
    String name = HeatTemplates.stackName(vnfId);
    Optional<Stack> stack = find(vim, name);
    if (stack.isEmpty() || "DELETE_IN_PROGRESS".equals(stack.get().getStatus())) {
      return;
    }
    requireOwned(stack.get(), vnfId);
    String id = stack.get().getId();
    try {
      clients.call(
          vim,
          "delete Heat stack " + name,
          os -> {
            OpenStackErrors.check("delete Heat stack " + name, os.heat().stacks().delete(name, id));
            return null;
          });
    } catch (VimException e) {
      if (e.kind() != Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  /** Where the stack's deletion stands: GONE, IN_PROGRESS, or FAILED with Heat's reason. */
  public StackStatus deleteStatus(VimConnection vim, String vnfId) {
    String name = HeatTemplates.stackName(vnfId);
    // a stack of someone else's is not ours to wait for (DeleteStack refused to touch it)
    Optional<Stack> stack = find(vim, name).filter(s -> owned(s, vnfId));
    if (stack.isEmpty() || "DELETE_COMPLETE".equals(stack.get().getStatus())) {
      return StackStatus.gone(name);
    }
    Stack s = stack.get();
    Phase phase = "DELETE_FAILED".equals(s.getStatus()) ? Phase.FAILED : Phase.IN_PROGRESS;
    return new StackStatus(name, phase, s.getStatus(), s.getStackStatusReason());
  }

  /** How deep resource listings follow nested stacks (see {@link #resources}). */
  static final int NESTED_DEPTH = 2;

  /**
   * The stack's resources (name, type, physical id), including those of nested stacks: a scaling
   * group's servers and ports live two levels down (group, then one member stack per instance).
   * Empty when there is no stack.
   */
  public List<VimResource> resources(VimConnection vim, String vnfId) {
    String name = HeatTemplates.stackName(vnfId);
    Optional<Stack> stack = find(vim, name).filter(s -> owned(s, vnfId));
    if (stack.isEmpty()) {
      return List.of();
    }
    String nameAndId = name + "/" + stack.get().getId();
    return clients.call(
        vim,
        "list resources of Heat stack " + name,
        os ->
            os.heat().resources().list(nameAndId, NESTED_DEPTH).stream()
                .map(
                    r ->
                        new VimResource(
                            r.getResourceName(), r.getType(), r.getPhysicalResourceId()))
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

  /** The stack of that name; a 404 means there is none. */
  private Optional<Stack> find(VimConnection vim, String name) {
    try {
      return Optional.ofNullable(
          clients.call(
              vim,
              "look up Heat stack " + name,
              os -> (Stack) os.heat().stacks().getStackByName(name)));
    } catch (VimException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static StackStatus status(String name, Stack stack) {
    String status = stack.getStatus() == null ? "" : stack.getStatus();
    Phase phase;
    if (status.endsWith("_FAILED")) {
      phase = Phase.FAILED;
    } else if (status.endsWith("_IN_PROGRESS")) {
      phase = Phase.IN_PROGRESS;
    } else if (status.equals("DELETE_COMPLETE")) {
      phase = Phase.GONE;
    } else {
      phase = Phase.COMPLETE;
    }
    return new StackStatus(name, phase, stack.getStatus(), stack.getStackStatusReason());
  }

  private static void requireOwned(Stack stack, String vnfId) {
    if (!owned(stack, vnfId)) {
      throw new VimException(
          Kind.REJECTED,
          "Heat stack %s already exists and is not owned by VNF %s (no tag %s)"
              .formatted(stack.getName(), vnfId, ownerTag(vnfId)));
    }
  }

  private static boolean owned(Stack stack, String vnfId) {
    Collection<String> tags = stack.getTags() == null ? List.of() : stack.getTags();
    return tags.contains(ownerTag(vnfId));
  }

  /** The tag that says a stack belongs to the VNF (one of {@link HeatTemplates#tags}). */
  static String ownerTag(String vnfId) {
    return "nfvflow-vnf-" + vnfId;
  }

  private static String address(Object value) {
    if (value instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render Heat output " + value, e);
    }
  }
}
