package io.nfvflow.engine.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.heat.Resource;
import org.openstack4j.model.heat.Stack;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.model.network.IPVersionType;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.network.Subnet;
import org.openstack4j.model.network.options.PortListOptions;
import org.openstack4j.openstack.OSFactory;

/**
 * The real OpenStack cloud started by {@code scripts/openstack-sandbox/openstack-up.sh}, seen
 * through openstack4j: what the OpenStack ITs create in it (networks) and what they check in it
 * (Heat stacks, Nova servers, Neutron ports). Found through {@code OPENSTACK_SANDBOX_DIR} (default
 * {@code /var/tmp/openstack-sandbox}); the credentials come from its {@code admin-openrc} and
 * {@code demo-openrc}.
 *
 * <p>openstack4j binds a session to the calling thread, and Awaitility polls in its own thread: so
 * every call here takes a fresh client from a cached token ({@link #os}), never a stored client.
 * Only test code and {@code io.nfvflow.vim.openstack} may use openstack4j.
 */
final class OpenStackCloud {

  /** One user in one project, as an openrc file gives it. Never log the password. */
  record Credentials(
      String authUrl,
      String username,
      String password,
      String userDomain,
      String project,
      String projectDomain,
      String region) {

    @Override
    public String toString() {
      return username + "@" + project + " (" + authUrl + ")";
    }
  }

  /** A network with one IPv4 subnet, made by a test. */
  record TestNetwork(String id, String name, String subnetId, String cidr) {}

  private final Path dir;
  private final Credentials admin;
  private final Credentials demo;
  private final Map<Credentials, Token> tokens = new ConcurrentHashMap<>();

  private OpenStackCloud(Path dir, Credentials admin, Credentials demo) {
    this.dir = dir;
    this.admin = admin;
    this.demo = demo;
  }

  static OpenStackCloud fromEnvironment() {
    String env = System.getenv("OPENSTACK_SANDBOX_DIR");
    Path dir = Path.of(env == null || env.isBlank() ? "/var/tmp/openstack-sandbox" : env);
    Path adminRc = dir.resolve("admin-openrc");
    Path demoRc = dir.resolve("demo-openrc");
    if (!Files.isReadable(adminRc) || !Files.isReadable(demoRc)) {
      throw new IllegalStateException(
          "no OpenStack sandbox in "
              + dir
              + " (missing admin-openrc or demo-openrc): run scripts/openstack-sandbox/openstack-up.sh,"
              + " or let 'mvn verify' start it");
    }
    return new OpenStackCloud(dir, credentials(adminRc), credentials(demoRc));
  }

  /** Reads the {@code export OS_X=value} lines of an openrc file. */
  private static Credentials credentials(Path openrc) {
    Map<String, String> env = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(openrc)) {
        String l = line.strip();
        if (l.startsWith("export ")) {
          l = l.substring("export ".length()).strip();
        }
        int eq = l.indexOf('=');
        if (l.startsWith("OS_") && eq > 0) {
          env.put(l.substring(0, eq), unquote(l.substring(eq + 1).strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Credentials(
        env.getOrDefault("OS_AUTH_URL", "http://127.0.0.1:5000/v3"),
        required(env, "OS_USERNAME", openrc),
        required(env, "OS_PASSWORD", openrc),
        env.getOrDefault("OS_USER_DOMAIN_NAME", "Default"),
        required(env, "OS_PROJECT_NAME", openrc),
        env.getOrDefault("OS_PROJECT_DOMAIN_NAME", "Default"),
        env.getOrDefault("OS_REGION_NAME", "RegionOne"));
  }

  private static String required(Map<String, String> env, String key, Path file) {
    String value = env.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(key + " missing in " + file);
    }
    return value;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("'") && value.endsWith("'")
            || value.startsWith("\"") && value.endsWith("\""))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  Path dir() {
    return dir;
  }

  /** admin/admin in project admin: sees every project's servers and ports, and port bindings. */
  Credentials admin() {
    return admin;
  }

  /** demo/demo in project demo (member + heat_stack_owner): what a tenant VIM uses. */
  Credentials demo() {
    return demo;
  }

  /** A client for the calling thread, authenticated as {@code who} (token cached, renewed). */
  OSClientV3 os(Credentials who) {
    Token token =
        tokens.compute(
            who,
            (c, cached) ->
                cached != null
                        && cached.getExpires() != null
                        && cached.getExpires().toInstant().isAfter(Instant.now().plusSeconds(300))
                    ? cached
                    : authenticate(c));
    return OSFactory.clientFromToken(token, CONFIG).useRegion(who.region());
  }

  /**
   * Patient timeouts for the checks: two IT classes share the sandbox's single-worker services, and
   * a check that gives up on a slow answer fails a test nfvflow passed (CI, 2026-12-02: a Neutron
   * port list under load; okhttp's 10 s default). nfvflow's own calls have their own timeouts.
   */
  private static final Config CONFIG =
      Config.newConfig().withConnectionTimeout(30_000).withReadTimeout(120_000);

  private static Token authenticate(Credentials c) {
    return OSFactory.builderV3()
        .withConfig(CONFIG)
        .endpoint(c.authUrl())
        .credentials(c.username(), c.password(), Identifier.byName(c.userDomain()))
        .scopeToProject(Identifier.byName(c.project()), Identifier.byName(c.projectDomain()))
        .authenticate()
        .getToken();
  }

  // ------------------------------------------------------------------ Neutron

  /** A network with one IPv4 subnet in the project of {@code owner}. */
  TestNetwork createNetwork(Credentials owner, String name, String cidr) {
    OSClientV3 os = os(owner);
    Network network =
        os.networking().network().create(Builders.network().name(name).adminStateUp(true).build());
    try {
      Subnet subnet =
          os.networking()
              .subnet()
              .create(
                  Builders.subnet()
                      .name(name + "-subnet")
                      .networkId(network.getId())
                      .ipVersion(IPVersionType.V4)
                      .cidr(cidr)
                      .enableDHCP(false)
                      .build());
      return new TestNetwork(network.getId(), name, subnet.getId(), cidr);
    } catch (RuntimeException e) {
      os.networking().network().delete(network.getId());
      throw e;
    }
  }

  /**
   * Deletes the network with whatever ports are still on it (a test that failed may leave some);
   * returns the ids of the ports it had to delete. A network that is gone already is fine.
   */
  List<String> deleteNetwork(TestNetwork network) {
    OSClientV3 os = os(admin);
    List<String> leftovers = new ArrayList<>();
    if (os.networking().network().get(network.id()) == null) {
      return leftovers;
    }
    for (Port port : portsOn(network)) {
      leftovers.add(port.getId() + " (" + port.getName() + ")");
      os.networking().port().delete(port.getId());
    }
    var answer = os.networking().network().delete(network.id());
    if (!answer.isSuccess() && answer.getCode() != 404) {
      throw new IllegalStateException(
          "cleanup: cannot delete network " + network.name() + ": " + answer.getFault());
    }
    return leftovers;
  }

  /** Every port on the network, in any project (admin view, with bindings). */
  List<? extends Port> portsOn(TestNetwork network) {
    return os(admin).networking().port().list(PortListOptions.create().networkId(network.id()));
  }

  /** The ports of one server (admin view, with bindings). */
  List<? extends Port> portsOf(String serverId) {
    return os(admin).networking().port().list(PortListOptions.create().deviceId(serverId));
  }

  /** Ports of any project whose name contains {@code text} (Heat names ports after the stack). */
  List<String> portsNamedWith(String text) {
    return os(admin).networking().port().list().stream()
        .filter(p -> p.getName() != null && p.getName().contains(text))
        .map(p -> p.getId() + " " + p.getName())
        .toList();
  }

  // ------------------------------------------------------------------ Heat

  /** The stack of that name in the project of {@code project}, with its details (tags). */
  Optional<Stack> stack(Credentials project, String name) {
    OSClientV3 os = os(project);
    return os.heat().stacks().list(Map.of("name", name)).stream()
        .filter(s -> name.equals(s.getName()))
        .findFirst()
        .map(s -> os.heat().stacks().getDetails(s.getName(), s.getId()));
  }

  /** The stack's resources, nested stacks (scaling groups) included. */
  List<? extends Resource> resources(Credentials project, Stack stack) {
    return os(project).heat().resources().list(stack.getName() + "/" + stack.getId(), 5);
  }

  /** The physical ids of the stack's resources of one Heat type, e.g. OS::Nova::Server. */
  List<String> resourceIds(Credentials project, Stack stack, String type) {
    return resources(project, stack).stream()
        .filter(r -> type.equals(r.getType()))
        .map(Resource::getPhysicalResourceId)
        .filter(id -> id != null && !id.isEmpty())
        .toList();
  }

  /** Deletes the stack if there is one (last-resort cleanup); true when one was found. */
  boolean deleteStack(Credentials project, String name) {
    Optional<Stack> stack = stack(project, name);
    stack.ifPresent(s -> os(project).heat().stacks().delete(s.getName(), s.getId()));
    return stack.isPresent();
  }

  // ------------------------------------------------------------------ Nova

  /** The server, or null when Nova no longer knows it (admin view: any project). */
  Server server(String id) {
    Server server = os(admin).compute().servers().get(id);
    return server == null || server.getStatus() == Server.Status.DELETED ? null : server;
  }
}
