package io.nfvflow.engine.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nfvflow.engine.it.OpenStackCloud.Credentials;
import io.nfvflow.engine.it.OpenStackCloud.TestNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.Facing;
import org.openstack4j.model.network.Port;

/**
 * networking-sfc in the OpenStack sandbox as the VNFFG ITs see it: plain REST on Neutron's {@code
 * /v2.0/sfc/...} with a token of {@link OpenStackCloud} (openstack4j's SFC models lack fields the
 * tests check, such as {@code chain_id} and {@code description}). As admin a listing covers every
 * project, so "nothing left" means nothing anywhere; as demo it is what a tenant VIM sees.
 */
final class NeutronSfc {

  /** The four kinds of networking-sfc objects, in the order a chain is removed. */
  enum Kind {
    PORT_CHAIN("port_chain"),
    PORT_PAIR_GROUP("port_pair_group"),
    PORT_PAIR("port_pair"),
    FLOW_CLASSIFIER("flow_classifier");

    final String singular;

    Kind(String singular) {
      this.singular = singular;
    }

    String collection() {
      return singular + "s";
    }
  }

  /** One networking-sfc object: its kind and its JSON as Neutron shows it. */
  record SfcObject(Kind kind, JsonNode json) {
    String id() {
      return json.path("id").asText();
    }

    @Override
    public String toString() {
      return kind.singular + " " + id() + " " + json.path("name").asText();
    }
  }

  private final OpenStackCloud cloud;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  NeutronSfc(OpenStackCloud cloud) {
    this.cloud = cloud;
  }

  /** Every object of a kind {@code who} can see (admin: every project). */
  List<JsonNode> list(Credentials who, Kind kind) {
    JsonNode answer = call(who, "GET", "/v2.0/sfc/" + kind.collection(), null, 200);
    List<JsonNode> objects = new ArrayList<>();
    answer.path(kind.collection()).forEach(objects::add);
    return objects;
  }

  /** One object, or null when Neutron answers 404. */
  JsonNode get(Credentials who, Kind kind, String id) {
    JsonNode answer = call(who, "GET", "/v2.0/sfc/" + kind.collection() + "/" + id, null, 200, 404);
    return answer == null ? null : answer.path(kind.singular);
  }

  /** The objects of one kind whose description carries {@code nfvflow.io/vnffg-id=<id>}. */
  List<JsonNode> owned(Credentials who, Kind kind, String vnffgId) {
    String marker = marker(vnffgId);
    return list(who, kind).stream()
        .filter(o -> o.path("description").asText("").contains(marker))
        .toList();
  }

  /** Every networking-sfc object of any project that carries the VNFFG's marker (admin view). */
  List<SfcObject> anythingOwnedBy(String vnffgId) {
    List<SfcObject> found = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      owned(cloud.admin(), kind, vnffgId).forEach(o -> found.add(new SfcObject(kind, o)));
    }
    return found;
  }

  /**
   * Last-resort cleanup: deletes every object that carries the VNFFG's marker, chains first (a
   * failed test must not leave objects that later chains would conflict with). Returns what it had
   * to delete.
   */
  List<SfcObject> deleteAnythingOwnedBy(String vnffgId) {
    List<SfcObject> left = anythingOwnedBy(vnffgId);
    for (SfcObject o : left) {
      delete(cloud.admin(), o.kind(), o.id());
    }
    return left;
  }

  /** Creates an object as {@code who}; returns it. */
  JsonNode create(Credentials who, Kind kind, ObjectNode fields) {
    ObjectNode body = TackerApi.JSON.createObjectNode();
    body.set(kind.singular, fields);
    return call(who, "POST", "/v2.0/sfc/" + kind.collection(), body, 201).path(kind.singular);
  }

  /** Deletes an object; one that is gone already is fine. */
  void delete(Credentials who, Kind kind, String id) {
    call(who, "DELETE", "/v2.0/sfc/" + kind.collection() + "/" + id, null, 204, 404);
  }

  static String marker(String vnffgId) {
    return "nfvflow.io/vnffg-id=" + vnffgId;
  }

  /** A plain port on the network in the project of {@code owner}: a classifier's source port. */
  Port sourcePort(Credentials owner, TestNetwork network, String name) {
    return cloud
        .os(owner)
        .networking()
        .port()
        .create(Builders.port().name(name).networkId(network.id()).build());
  }

  /**
   * A port of {@code project} that is bound as a VM's or a pod's would be (admin sets the binding
   * host; the sandbox's agentless mechanism driver binds it): what a port pair needs.
   */
  Port boundPort(Credentials project, TestNetwork network, String name) {
    // openstack4j binds a client to the thread: the project's id first, then the admin client
    String projectId = cloud.os(project).getToken().getProject().getId();
    return cloud
        .os(cloud.admin())
        .networking()
        .port()
        .create(
            Builders.port()
                .name(name)
                .networkId(network.id())
                .tenantId(projectId)
                .deviceId(UUID.randomUUID().toString())
                .deviceOwner("compute:nfvflow-it")
                .hostId("sandbox-node")
                .build());
  }

  private JsonNode call(Credentials who, String method, String path, JsonNode body, int... ok) {
    OSClientV3 os = cloud.os(who);
    String neutron =
        os.getToken().getCatalog().stream()
            .filter(service -> "network".equals(service.getType()))
            .flatMap(service -> service.getEndpoints().stream())
            .filter(e -> e.getIface() == Facing.PUBLIC)
            .map(e -> e.getUrl().toString())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Neutron endpoint in the token's catalog"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(neutron.replaceAll("/+$", "") + path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Auth-Token", os.getToken().getId())
            .header("Accept", "application/json");
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = answer.statusCode();
      for (int code : ok) {
        if (code == status) {
          if (status == 404 || answer.body() == null || answer.body().isBlank()) {
            return null;
          }
          return TackerApi.JSON.readTree(answer.body());
        }
      }
      throw new AssertionError(
          method + " " + path + " as " + who.username() + " -> " + status + " " + answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }
}
