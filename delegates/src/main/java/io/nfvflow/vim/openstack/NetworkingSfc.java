package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * networking-sfc on one VIM's Neutron: list, create, update and delete its objects, with failures
 * as {@link VimException}s. networking-sfc's refusals (400, 409: overlapping flow classifiers, a
 * port pair in use, a taken {@code chain_id}) are REJECTED with Neutron's message, so an operation
 * that fails quotes networking-sfc; 5xx and no answer are TRANSIENT; 401 is UNAUTHORIZED.
 */
@Component
public class NetworkingSfc {

  private static final Logger LOG = LoggerFactory.getLogger(NetworkingSfc.class);

  private final OpenStackClients clients;

  public NetworkingSfc(OpenStackClients clients) {
    this.clients = clients;
  }

  /** Every object of a kind in the VIM's project: one request. */
  List<SfcObject> list(VimConnection vim, SfcKind kind) {
    JsonNode listing =
        refusedIfMissing(
            () ->
                clients.call(
                    vim,
                    "list networking-sfc %ss".formatted(kind.label()),
                    os -> SfcCalls.list(kind)),
            "networking-sfc is not enabled on the Neutron of VIM " + vim.vimId());
    List<SfcObject> objects = new ArrayList<>();
    listing.path(kind.collection()).forEach(o -> objects.add(SfcObject.of(kind, o)));
    return objects;
  }

  /** The objects of a kind that carry the VNFFG's owner marker. */
  List<SfcObject> owned(VimConnection vim, SfcKind kind, String vnffgId) {
    return list(vim, kind).stream().filter(o -> o.ownedBy(vnffgId)).toList();
  }

  /**
   * Creates an object. A 404 means it names something that does not exist (a port, a port pair):
   * retrying cannot help, so it is REJECTED with Neutron's message.
   */
  SfcObject create(VimConnection vim, SfcKind kind, ObjectNode fields) {
    String action = "create %s %s".formatted(kind.label(), fields.path("name").asText());
    SfcObject created =
        SfcObject.of(
            kind,
            refusedIfMissing(
                () -> clients.call(vim, action, os -> SfcCalls.create(kind, fields)), null));
    LOG.info("networking-sfc on VIM {}: created {}", vim.vimId(), created.describe());
    return created;
  }

  /** Updates fields of an object; a 404 (it or something it names is gone) is REJECTED. */
  SfcObject update(VimConnection vim, SfcObject object, ObjectNode fields) {
    String action = "update %s: %s".formatted(object.describe(), fields);
    SfcObject updated =
        SfcObject.of(
            object.kind(),
            refusedIfMissing(
                () ->
                    clients.call(
                        vim, action, os -> SfcCalls.update(object.kind(), object.id(), fields)),
                null));
    LOG.info(
        "networking-sfc on VIM {}: updated {} with {}", vim.vimId(), object.describe(), fields);
    return updated;
  }

  /**
   * Creates an object that one of this VNFFG's stale objects may be in the way of. networking-sfc
   * cannot change a flow classifier's match or a port pair's ports, so a changed one is a new
   * object; but it refuses a flow classifier that overlaps an existing one (same logical source
   * port) and a port pair whose ports another pair has, even when the other is about to be pruned.
   * When its refusal names one of {@code stale}, that one is released ({@link #release}) and the
   * create tried again; any other refusal stands.
   *
   * @param stale the VNFFG's objects of the kind that the plan no longer wants; the released ones
   *     are removed from it
   */
  SfcObject create(
      VimConnection vim, SfcKind kind, ObjectNode fields, List<SfcObject> stale, String vnffgId) {
    while (true) {
      try {
        return create(vim, kind, fields);
      } catch (VimException e) {
        SfcObject inTheWay =
            e.kind() != Kind.REJECTED
                ? null
                : stale.stream()
                    .filter(o -> e.getMessage().contains(o.id()))
                    .findFirst()
                    .orElse(null);
        if (inTheWay == null) {
          throw e;
        }
        LOG.info(
            "networking-sfc on VIM {}: stale {} is in the way ({}): replacing it",
            vim.vimId(),
            inTheWay.describe(),
            e.getMessage());
        release(vim, inTheWay, vnffgId);
        stale.remove(inTheWay);
      }
    }
  }

  /**
   * Takes an object of the VNFFG out of the VNFFG's objects that hold it (a flow classifier out of
   * port chains, a port pair out of port pair groups), then deletes it. Traffic it classified or
   * served stops until the next step wires its replacement in.
   */
  void release(VimConnection vim, SfcObject object, String vnffgId) {
    String field = object.kind().collection();
    for (SfcObject holder : owned(vim, object.kind().holder(), vnffgId)) {
      List<String> ids = holder.ids(field);
      if (ids.remove(object.id())) {
        update(vim, holder, SfcBodies.idList(field, ids));
      }
    }
    delete(vim, object);
  }

  /** Deletes an object; one that is gone already is fine. */
  void delete(VimConnection vim, SfcObject object) {
    try {
      clients.call(
          vim,
          "delete " + object.describe(),
          os -> {
            SfcCalls.delete(object.kind(), object.id());
            return null;
          });
      LOG.info("networking-sfc on VIM {}: deleted {}", vim.vimId(), object.describe());
    } catch (VimException e) {
      if (e.kind() != Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  /**
   * A 404 where something must exist is a refusal for good.
   *
   * @param why the message instead of Neutron's, or {@code null} to keep Neutron's
   */
  private static <T> T refusedIfMissing(Supplier<T> call, String why) {
    try {
      return call.get();
    } catch (VimException e) {
      if (e.kind() != Kind.NOT_FOUND) {
        throw e;
      }
      throw new VimException(
          Kind.REJECTED, why == null ? e.getMessage() : why + ": " + e.getMessage(), e);
    }
  }
}
