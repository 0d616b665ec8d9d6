package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimProbe;
import io.nfvflow.vim.VimResource;
import java.util.List;
import java.util.Objects;
import org.openstack4j.api.exceptions.OS4JException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Token;
import org.springframework.stereotype.Component;

/**
 * The {@code openstack} VIM type: VM VDUs as one Heat stack per VNF (named {@code nfvflow-<vnf
 * id>}, tagged {@code nfvflow} and {@code nfvflow-vnf-<vnf id>}), authenticated by Keystone v3
 * password. The lifecycle steps themselves are the delegates of this package.
 */
@Component
public class OpenStackDriver implements VimDriver {

  /** The VIM type served. */
  public static final String TYPE = "openstack";

  private final OpenStackClients clients;
  private final HeatStacks stacks;

  public OpenStackDriver(OpenStackClients clients, HeatStacks stacks) {
    this.clients = clients;
    this.stacks = stacks;
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

  // --- converging SPI: filled in by the driver work of the scale issue (#6) ---

  @Override
  public String retryCycle() {
    return "R5/PT15S";
  }

  @Override
  public io.nfvflow.vim.PollCadence cadence() {
    return new io.nfvflow.vim.PollCadence(
        java.time.Duration.ofSeconds(2), 2, java.time.Duration.ofSeconds(30));
  }

  @Override
  public void apply(io.nfvflow.vim.VnfOnVim vnf) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void remove(io.nfvflow.vim.VnfOnVim vnf) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public io.nfvflow.vim.Progress progress(
      io.nfvflow.vim.VnfOnVim vnf, io.nfvflow.vim.WaitGoal goal) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public io.nfvflow.vim.Observation observe(io.nfvflow.vim.VnfOnVim vnf) {
    throw new UnsupportedOperationException("not yet");
  }
}
