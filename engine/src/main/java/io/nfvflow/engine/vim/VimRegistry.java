package io.nfvflow.engine.vim;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.event.EventLog;
import io.nfvflow.engine.secret.SecretBox;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.UnknownVimTypeException;
import io.nfvflow.vim.VimConnection;
import io.nfvflow.vim.VimCredentials;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VimException;
import io.nfvflow.vim.VimProbe;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers, checks, updates and removes VIMs. Credentials are checked against the VIM before
 * anything is stored, so rejected credentials leave nothing behind.
 */
@Service
public class VimRegistry implements VimDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(VimRegistry.class);

  private final VimRepository vims;
  private final VimDrivers drivers;
  private final SecretBox secretBox;
  private final EventLog events;
  private final VimUsers users;
  private final org.springframework.beans.factory.ObjectProvider<VimChains> chains;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher publisher;

  public VimRegistry(
      VimRepository vims,
      VimDrivers drivers,
      SecretBox secretBox,
      EventLog events,
      VimUsers users,
      org.springframework.beans.factory.ObjectProvider<VimChains> chains,
      TransactionTemplate tx,
      ApplicationEventPublisher publisher) {
    this.chains = chains;
    this.publisher = publisher;
    this.vims = vims;
    this.drivers = drivers;
    this.secretBox = secretBox;
    this.events = events;
    this.users = users;
    this.tx = tx;
  }

  /** Registers a VIM after checking its credentials. */
  public VimEntity register(JsonNode body) {
    VimRegistration r = VimRegistration.parse(body);
    VimDriver driver = driver(r.type(), "vim.type");
    checkNameFree(r.name(), null);
    if (r.isDefault()) {
      checkNoOtherDefault(null);
    }
    VimEntity vim = new VimEntity();
    vim.id = UUID.randomUUID().toString();
    vim.type = r.type();
    vim.createdAt = Instant.now();
    apply(vim, r);
    vim.neutronVimId = neutronVim(vim, r.neutronVim());
    VimProbe probe = probe(driver, vim);
    return tx.execute(
        s -> {
          checkNameFree(vim.name, null);
          if (vim.isDefault) {
            checkNoOtherDefault(null);
          }
          checkNeutronVimStillThere(vim);
          record(vim, probe, "CREATE");
          publisher.publishEvent(new VimChanged(vim.id, false));
          return vims.save(vim);
        });
  }

  /** Updates name, description, default flag, project and credentials; re-checks the VIM. */
  public VimEntity update(String id, JsonNode body) {
    VimEntity vim = find(id);
    VimUpdate u = VimUpdate.parse(body);
    if (u.name() != null) {
      checkNameFree(u.name(), id);
      vim.name = u.name();
    }
    if (u.description() != null) {
      vim.description = u.description();
    }
    if (u.isDefault() != null) {
      if (u.isDefault()) {
        checkNoOtherDefault(id);
      }
      vim.isDefault = u.isDefault();
    }
    if (u.autoHeal() != null) {
      vim.autoHeal = u.autoHeal();
    }
    if (u.vimProject() != null) {
      vim.vimProject =
          JsonColumns.write(merge(JsonColumns.stringMap(vim.vimProject), u.vimProject()));
    }
    if (u.credentials() != null) {
      replaceCredentials(vim, u.credentials());
    }
    if (u.neutronVim() != null) {
      vim.neutronVimId = neutronVim(vim, u.neutronVim());
    }
    VimProbe probe = probe(driver(vim.type, "vim.type"), vim);
    vim.updatedAt = Instant.now();
    return tx.execute(
        s -> {
          checkNeutronVimStillThere(vim);
          record(vim, probe, "UPDATE");
          publisher.publishEvent(new VimChanged(vim.id, false));
          return vims.save(vim);
        });
  }

  /** Removes a VIM no VNF uses and no other VIM names as its Neutron VIM. */
  public void delete(String id) {
    tx.executeWithoutResult(
        s -> {
          VimEntity vim = find(id);
          List<String> chained =
              chains.orderedStream().flatMap(c -> c.chainsIn(id).stream()).toList();
          if (!chained.isEmpty()) {
            throw TackerException.conflict(
                "VimInUseException",
                "VIM %s holds the chains of VNFFG %s in its Neutron; delete them first"
                    .formatted(id, String.join(", ", chained)));
          }
          long using = users.vnfsOnVim(id);
          if (using > 0) {
            throw TackerException.conflict(
                "VimInUseException",
                "VIM %s is still used by %d VNF(s); delete them first".formatted(id, using));
          }
          List<VimEntity> naming = vims.findByNeutronVimId(id);
          if (!naming.isEmpty()) {
            throw TackerException.conflict(
                "VimInUseException",
                ("VIM %s is the Neutron VIM (neutron_vim_id) of %s; unset their neutron_vim_id"
                        + " or delete them first")
                    .formatted(id, describe(naming)));
          }
          vims.delete(vim);
          events.record(EventLog.VIM, id, "DELETED", "DELETE", "VIM " + vim.name + " removed");
          publisher.publishEvent(new VimChanged(id, true));
        });
  }

  /**
   * The OpenStack VIM whose Neutron holds the ports of a VIM's VNFs: an OpenStack VIM is its own;
   * any other VIM has the one its {@code neutron_vim_id} names (Kuryr pod ports), or none.
   *
   * @param vimId a registered VIM's id
   * @return the OpenStack VIM's id, or empty when the VIM names no Neutron VIM
   * @throws IllegalStateException when no such VIM is registered
   */
  public Optional<String> neutronOf(String vimId) {
    VimEntity vim =
        vims.findById(vimId)
            .orElseThrow(() -> new IllegalStateException("VIM " + vimId + " does not exist"));
    return vim.isOpenStack() ? Optional.of(vim.id) : Optional.ofNullable(vim.neutronVimId);
  }

  public VimEntity find(String id) {
    return vims.findById(id).orElseThrow(() -> TackerException.notFound("vim", id));
  }

  public List<VimEntity> all() {
    return vims.findAll();
  }

  /** The VIM a new VNF goes to: the one named, else the default VIM. */
  public VimEntity resolve(String vimId) {
    if (vimId != null) {
      return vims.findById(vimId)
          .orElseThrow(
              () ->
                  TackerException.badRequest(
                      "VimNotFoundException",
                      "Invalid input for field 'vnf.vim_id': VIM %s does not exist"
                          .formatted(vimId)));
    }
    return vims.findFirstByIsDefaultTrue()
        .orElseThrow(
            () ->
                TackerException.badRequest(
                    "VimDefaultNotDefined",
                    "No vim_id given and no default VIM is registered (register one with"
                        + " is_default: true, or give vnf.vim_id)"));
  }

  @Override
  public VimConnection connection(String vimId) {
    return connection(
        vims.findById(vimId)
            .orElseThrow(() -> new IllegalStateException("VIM " + vimId + " does not exist")));
  }

  VimConnection connection(VimEntity vim) {
    Map<String, String> secrets =
        vim.sealedSecrets == null
            ? Map.of()
            : JsonColumns.stringMap(secretBox.open(vim.sealedSecrets));
    Map<String, String> open = JsonColumns.stringMap(vim.publicCredentials);
    Map<String, String> project = JsonColumns.stringMap(vim.vimProject);
    Map<String, String> attributes = new LinkedHashMap<>(open);
    project.forEach((k, v) -> attributes.put("project." + k, v));
    String ca = secrets.get("ssl_ca_cert");
    if (ca != null && ca.trim().equalsIgnoreCase("none")) {
      ca = null;
    }
    VimCredentials credentials =
        new VimCredentials(
            open.get("username"), secrets.get("password"), secrets.get("bearer_token"), ca);
    return new VimConnection(
        vim.id, vim.type, vim.authUrl, project.get("name"), attributes, credentials);
  }

  private void apply(VimEntity vim, VimRegistration r) {
    vim.name = r.name();
    vim.description = r.description();
    vim.tenantId = r.tenantId();
    vim.authUrl = r.authUrl();
    vim.isDefault = r.isDefault();
    vim.autoHeal = r.autoHeal();
    vim.vimProject = JsonColumns.write(r.vimProject());
    vim.publicCredentials = JsonColumns.write(r.publicCredentials());
    vim.sealedSecrets = secretBox.seal(JsonColumns.write(r.secrets()));
    vim.secretKeys = String.join(",", r.secrets().keySet());
  }

  private void replaceCredentials(VimEntity vim, Map<String, String> cred) {
    Map<String, String> secrets = new LinkedHashMap<>();
    Map<String, String> open = new LinkedHashMap<>();
    cred.forEach((k, v) -> (VimRegistration.SECRET_KEYS.contains(k) ? secrets : open).put(k, v));
    Map<String, String> oldSecrets =
        vim.sealedSecrets == null
            ? Map.of()
            : JsonColumns.stringMap(secretBox.open(vim.sealedSecrets));
    Map<String, String> mergedSecrets = merge(oldSecrets, secrets);
    if (secrets.containsKey("bearer_token")) {
      mergedSecrets.remove("password");
    } else if (secrets.containsKey("password")) {
      mergedSecrets.remove("bearer_token");
    }
    vim.publicCredentials =
        JsonColumns.write(merge(JsonColumns.stringMap(vim.publicCredentials), open));
    vim.sealedSecrets = secretBox.seal(JsonColumns.write(mergedSecrets));
    vim.secretKeys = String.join(",", mergedSecrets.keySet());
  }

  private VimProbe probe(VimDriver driver, VimEntity vim) {
    try {
      return driver.probe(connection(vim));
    } catch (VimException e) {
      if (e.kind() == VimException.Kind.UNAUTHORIZED) {
        throw TackerException.badRequest(
            "VimUnauthorizedException",
            "VIM '%s' was not registered: %s".formatted(vim.name, e.getMessage()));
      }
      LOG.info("VIM {} at {} is unreachable: {}", vim.name, vim.authUrl, e.getMessage());
      return VimProbe.unreachable(e.getMessage());
    }
  }

  private void record(VimEntity vim, VimProbe probe, String eventType) {
    vim.status = probe.reachable() ? "REACHABLE" : "UNREACHABLE";
    vim.regions = JsonColumns.write(probe.regions());
    events.record(EventLog.VIM, vim.id, vim.status, eventType, probe.detail());
  }

  private VimDriver driver(String type, String field) {
    try {
      return drivers.driver(type);
    } catch (UnknownVimTypeException e) {
      throw TackerException.invalidField(field, e.getMessage());
    }
  }

  /**
   * The id of the OpenStack VIM that {@code neutron_vim_id} names (by id or name) for the VIM, or
   * null for none ({@code ref} null or empty).
   */
  private String neutronVim(VimEntity vim, String ref) {
    if (ref == null || ref.isEmpty()) {
      return null;
    }
    String field = VimRegistration.NEUTRON_VIM_FIELD;
    if (vim.isOpenStack()) {
      throw TackerException.invalidField(
          field,
          "only a Kubernetes VIM names a Neutron VIM; an OpenStack VIM's own Neutron is used");
    }
    VimEntity neutron =
        vims.findById(ref)
            .or(() -> vims.findByName(ref))
            .orElseThrow(
                () ->
                    TackerException.invalidField(
                        field,
                        "no VIM '%s' is registered (give an OpenStack VIM's id or name)"
                            .formatted(ref)));
    if (!neutron.isOpenStack()) {
      throw TackerException.invalidField(
          field,
          "VIM '%s' is a %s VIM, not an OpenStack VIM whose Neutron could hold the ports"
              .formatted(ref, neutron.type));
    }
    return neutron.id;
  }

  /** The Neutron VIM named may have been deleted while the VIM was being checked. */
  private void checkNeutronVimStillThere(VimEntity vim) {
    if (vim.neutronVimId != null && !vims.existsById(vim.neutronVimId)) {
      throw TackerException.invalidField(
          VimRegistration.NEUTRON_VIM_FIELD,
          "VIM %s was deleted meanwhile".formatted(vim.neutronVimId));
    }
  }

  private static String describe(List<VimEntity> vims) {
    return vims.stream()
        .map(v -> "%s VIM '%s' (%s)".formatted(v.type, v.name, v.id))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private void checkNameFree(String name, String selfId) {
    vims.findByName(name)
        .filter(other -> !other.id.equals(selfId))
        .ifPresent(
            other -> {
              throw TackerException.conflict(
                  "DuplicateResourceName", "A VIM named '%s' already exists".formatted(name));
            });
  }

  private void checkNoOtherDefault(String selfId) {
    vims.findFirstByIsDefaultTrue()
        .filter(other -> !other.id.equals(selfId))
        .ifPresent(
            other -> {
              throw TackerException.conflict(
                  "VimDefaultDuplicateException",
                  "Default VIM already exists: %s (%s)".formatted(other.name, other.id));
            });
  }

  private static Map<String, String> merge(Map<String, String> base, Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(base);
    merged.putAll(more);
    return merged;
  }
}
