package io.nfvflow.vim.openstack;

import io.nfvflow.vim.VimResource;
import java.util.List;
import org.openstack4j.model.common.Link;
import org.openstack4j.model.heat.Resource;

/**
 * One resource of a VNF's stack as Heat lists it, nested stacks included, with what a heal needs to
 * address it: the (nested) stack that holds it. A scaling group member's server lives in the
 * member's own stack, and Heat answers 404 to a resource path whose stack name is not that stack's.
 *
 * @param name Heat's resource name (the TOSCA node name; a group member's generated name)
 * @param type the resource type, for example {@code OS::Nova::Server}
 * @param physicalId the OpenStack object's id, blank while it is not created
 * @param stack the stack that holds it, as {@code <name>/<id>}, or {@code null} when Heat gave no
 *     link to it
 * @param status Heat's {@code resource_status}; {@code CHECK_FAILED} once marked unhealthy
 * @param requiredBy the resources of the same stack that reference it (a port: its server)
 */
record StackResource(
    String name,
    String type,
    String physicalId,
    String stack,
    String status,
    List<String> requiredBy) {

  /** Heat's status of a resource marked unhealthy that no update has replaced yet. */
  static final String MARKED = "CHECK_FAILED";

  StackResource {
    requiredBy = requiredBy == null ? List.of() : List.copyOf(requiredBy);
  }

  static StackResource of(Resource resource) {
    return new StackResource(
        resource.getResourceName(),
        resource.getType(),
        resource.getPhysicalResourceId(),
        owningStack(resource.getLinks()),
        resource.getResourceStatus(),
        resource.getRequiredBy());
  }

  /** The {@code <name>/<id>} at the end of the resource's {@code stack} link. */
  private static String owningStack(List<? extends Link> links) {
    if (links == null) {
      return null;
    }
    for (Link link : links) {
      String href = link.getHref();
      int at = href == null ? -1 : href.lastIndexOf("/stacks/");
      if ("stack".equals(link.getRel()) && at >= 0) {
        String path = href.substring(at + "/stacks/".length()).replaceFirst("[?#].*", "");
        return path.split("/").length == 2 ? path : null;
      }
    }
    return null;
  }

  boolean isA(String resourceType) {
    return resourceType.equals(type);
  }

  /** The OpenStack object exists (a resource not created yet has no physical id). */
  boolean created() {
    return physicalId != null && !physicalId.isBlank();
  }

  /** Marked unhealthy and not replaced yet: the next stack update replaces it. */
  boolean marked() {
    return MARKED.equals(status);
  }

  VimResource toVimResource() {
    return new VimResource(name, type, physicalId);
  }
}
