package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.openstack.compute.internal.BaseComputeServices;
import org.openstack4j.openstack.heat.internal.BaseHeatServices;
import org.openstack4j.openstack.networking.internal.BaseNetworkingServices;

/**
 * The calls openstack4j 3.12 has no method for, built with its own request builder ({@code
 * BaseOpenStackService}), so they go through the session of the thread's client like every other
 * call: the same token, service catalog, region, timeouts and okhttp connector. Run them inside
 * {@link OpenStackClients#call}, which makes that client on the calling thread.
 *
 * <ul>
 *   <li>Heat's PATCH update: openstack4j's {@code stacks().update} is a PUT, which replaces the
 *       template and resets every parameter it does not send. A PATCH ("existing" update) keeps the
 *       stored template, files, tags, the other parameters and {@code disable_rollback}.
 *   <li>Neutron ports by several ids in one request: openstack4j's {@code PortListOptions} holds
 *       one value per filter.
 *   <li>One page of Nova's server listing with the page's links: openstack4j's listing neither
 *       returns {@code servers_links} nor follows them.
 * </ul>
 */
final class OpenStackCalls {

  private OpenStackCalls() {}

  /**
   * {@code PATCH /v1/{project}/stacks/{name}/{id}} with a JSON body; Heat answers 202 and the stack
   * shows UPDATE_IN_PROGRESS with the new parameters by then.
   */
  static ActionResponse patchStack(String name, String id, String json) {
    return new Heat().patch(name, id, json);
  }

  /**
   * {@code GET /v2.0/ports?id=a&id=b...}: Neutron's answer as JSON (its {@code fixed_ips} in
   * Neutron's order, which openstack4j's port model keeps in a set). Never call it without ids:
   * that would list every port of the project.
   */
  static JsonNode ports(Collection<String> ids) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("a port listing without ids lists the whole project");
    }
    return new Neutron().ports(ids);
  }

  /**
   * {@code GET /v2.1/servers/detail?limit=n&marker=id}: one page of the project's servers, newest
   * first, as JSON ({@code servers}, and {@code servers_links} with a {@code next} link when the
   * page is full). Nova may return fewer than {@code limit} (its own {@code max_limit}).
   *
   * @param marker the id of the last server of the previous page, or {@code null} for the first
   */
  static JsonNode serverPage(int limit, String marker) {
    return new Nova().servers(limit, marker);
  }

  private static final class Nova extends BaseComputeServices {

    JsonNode servers(int limit, String marker) {
      return get(JsonNode.class, uri("/servers/detail"))
          .param("limit", limit)
          .param(marker != null, "marker", marker)
          .execute();
    }
  }

  private static final class Heat extends BaseHeatServices {

    ActionResponse patch(String name, String id, String json) {
      return patchWithResponse(uri("/stacks/%s/%s", name, id)).json(json).execute();
    }
  }

  private static final class Neutron extends BaseNetworkingServices {

    JsonNode ports(Collection<String> ids) {
      return get(JsonNode.class, uri("/ports")).paramLists(Map.of("id", ids)).execute();
    }
  }
}
