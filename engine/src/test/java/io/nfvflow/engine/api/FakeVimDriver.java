package io.nfvflow.engine.api;

import io.nfvflow.tosca.DeploymentKind;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimProbe;
import io.nfvflow.vim.VimResource;
import java.util.List;

/**
 * A VIM type for API tests: the bearer token decides the probe's outcome ({@code good}, {@code bad}
 * = rejected, anything else = unreachable). Its steps are the test BPMN models {@code
 * vnf-instantiate-fake} and {@code vnf-terminate-fake}.
 */
class FakeVimDriver implements VimDriver {

  static final String TYPE = "fake";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public VimProbe probe(VimConnection vim) {
    String token = vim.credentials().bearerToken();
    if ("bad".equals(token)) {
      throw new VimException(VimException.Kind.UNAUTHORIZED, "401 Unauthorized");
    }
    if ("good".equals(token)) {
      return VimProbe.reachable(List.of("ns1", "ns2"), "fake VIM answered");
    }
    return VimProbe.unreachable("connection refused");
  }

  @Override
  public void checkDeployable(VnfDescriptor descriptor) {
    if (descriptor.kind() != DeploymentKind.CONTAINER) {
      throw ToscaException.unsupported(
          descriptor.vdus().get(0).name(), null, "fake runs containers");
    }
  }

  @Override
  public List<VimResource> resources(VimConnection vim, String vnfId) {
    return List.of(new VimResource("thing-" + vnfId.substring(0, 8), "Thing", "uid-1"));
  }
}
