package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.openstack.StackServers.NovaServer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One look at a VNF's stack for the reusable wait, as cheap as Heat allows: while Heat works on the
 * stack, one request (the stack list, by name: status, reason, tags); once Heat says it is done,
 * the stack's parameters (to tell its own update from an earlier one) and resources (nested stacks
 * included, one request), and Nova's servers only after an update (see {@link #ready}).
 */
final class StackProgress {

  private final HeatStacks stacks;
  private final StackServers servers;

  StackProgress(HeatStacks stacks, StackServers servers) {
    this.stacks = stacks;
    this.servers = servers;
  }

  /**
   * READY: the stack is CREATE/UPDATE_COMPLETE with the desired parameters, no resource is still
   * marked unhealthy, and every server is ACTIVE. A failed stack, a server in ERROR or a stack that
   * is gone can never get there.
   *
   * <p>After a heal's PATCH the stack shows UPDATE_IN_PROGRESS at once (Heat's convergence engine
   * stores it before answering 202), so the COMPLETE of before is not taken for the end of the
   * heal. A resource still marked unhealthy ({@code CHECK_FAILED}) keeps the wait pending too: an
   * update that has not replaced it has not happened yet, whatever the stack's status says.
   *
   * <p>Requests: one while the stack is IN_PROGRESS (or failed, or gone); three once it is COMPLETE
   * (list, parameters, resources); after an update, one more per server (Nova by id). A
   * CREATE_COMPLETE stack needs no Nova: Heat completes a server resource only once Nova shows it
   * ACTIVE, and fails the create (with Nova's fault as the reason) when it goes ERROR; an update
   * leaves servers it did not touch as they are, so those are asked for.
   */
  Progress ready(VnfOnVim vnf) {
    VimConnection vim = vnf.vim();
    String name = HeatTemplates.stackName(vnf.vnfId());
    Optional<StackState> found = stacks.find(vim, name);
    Progress unfinished = unfinished(vnf, name, found);
    if (unfinished != null) {
      return unfinished;
    }
    // Heat is done with the stack: is it done with our parameters? (they are not in the list)
    found = stacks.details(vim, found.get());
    unfinished = unfinished(vnf, name, found);
    if (unfinished != null) {
      return unfinished;
    }
    StackState stack = found.get();
    List<String> differences = stack.differences(HeatTemplates.parameters(vnf));
    if (!differences.isEmpty()) {
      return Progress.pending(
          "stack %s, update not started yet: %s"
              .formatted(stack.status(), String.join(", ", differences)));
    }
    List<StackResource> resources = stacks.listing(vim, stack);
    String marked =
        resources.stream()
            .filter(StackResource::marked)
            .map(r -> "%s (%s)".formatted(r.name(), r.physicalId()))
            .collect(Collectors.joining(", "));
    if (!marked.isEmpty()) {
      return Progress.pending(
          "stack %s, not replaced yet: %s marked unhealthy".formatted(stack.status(), marked));
    }
    if (stack.created()) {
      return Progress.reached();
    }
    return serversReady(
        servers.servers(vim, name, resources.stream().map(StackResource::toVimResource).toList()));
  }

  /**
   * What Heat's status alone says: failed (no stack, someone else's, FAILED or being deleted, with
   * Heat's reason), pending (IN_PROGRESS), or {@code null} when the stack is COMPLETE.
   */
  private static Progress unfinished(VnfOnVim vnf, String name, Optional<StackState> found) {
    if (found.isEmpty()) {
      return Progress.failed(
          LcmErrors.STACK_FAILED,
          "Heat stack %s does not exist (deleted outside nfvflow?)".formatted(name));
    }
    StackState stack = found.get();
    if (!stack.ownedBy(vnf.vnfId())) {
      return Progress.failed(
          LcmErrors.STACK_FAILED,
          "Heat stack %s is not owned by VNF %s (no tag %s)"
              .formatted(name, vnf.vnfId(), HeatStacks.ownerTag(vnf.vnfId())));
    }
    if (stack.deleting() || stack.failed()) {
      return Progress.failed(
          LcmErrors.STACK_FAILED, "Heat stack %s %s".formatted(name, stack.describe()));
    }
    if (stack.inProgress()) {
      return Progress.pending("stack " + stack.status());
    }
    return null;
  }

  private static Progress serversReady(List<NovaServer> members) {
    for (NovaServer server : members) {
      if (server.missing()) {
        return Progress.failed(
            LcmErrors.WORKLOAD_FAILED,
            "server %s of %s does not exist in Nova (deleted outside nfvflow?)"
                .formatted(server.id(), server.vdu()));
      }
      if ("ERROR".equals(server.status())) {
        return Progress.failed(
            LcmErrors.WORKLOAD_FAILED,
            "server %s of %s is ERROR: %s"
                .formatted(
                    server.label(),
                    server.vdu(),
                    server.fault() == null ? "Nova gave no fault" : server.fault()));
      }
    }
    String pending =
        members.stream()
            .filter(s -> !"ACTIVE".equals(s.status()))
            .map(s -> "server %s %s".formatted(s.label(), s.status()))
            .collect(Collectors.joining(", "));
    return pending.isEmpty() ? Progress.reached() : Progress.pending(pending);
  }

  /**
   * GONE: no stack of the VNF (a stack of someone else's of the same name is not ours to wait for).
   * A stack left in DELETE_FAILED is deleted again, Heat retrying what it could not remove; if that
   * keeps failing, the wait times out into an incident that shows Heat's reason.
   */
  Progress gone(VnfOnVim vnf) {
    Optional<StackState> found =
        stacks
            .find(vnf.vim(), HeatTemplates.stackName(vnf.vnfId()))
            .filter(s -> s.ownedBy(vnf.vnfId()));
    if (found.isEmpty()) {
      return Progress.reached();
    }
    StackState stack = found.get();
    return switch (stack.status()) {
      case "DELETE_FAILED" -> {
        stacks.delete(vnf.vim(), stack);
        yield Progress.pending("stack " + stack.describe() + " (delete requested again)");
      }
      case "DELETE_IN_PROGRESS" -> Progress.pending("stack DELETE_IN_PROGRESS");
      default -> Progress.pending("stack " + stack.status() + ", delete not started yet");
    };
  }
}
