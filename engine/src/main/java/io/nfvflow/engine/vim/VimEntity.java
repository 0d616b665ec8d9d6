package io.nfvflow.engine.vim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.Length;

/**
 * A registered VIM. Secrets (password, bearer token, CA certificate) live only in {@link
 * #sealedSecrets}, encrypted; the other JSON columns hold non-secret settings.
 */
@Entity
@Table(name = "nfv_vim")
public class VimEntity {

  @Id String id;

  /**
   * Optimistic lock: an update reads it, checks the VIM (seconds), then writes it; a key rotation
   * re-seals it; a write based on a stale read fails instead of overwriting (409 for a request, a
   * retried job for a workflow step).
   */
  @Version Long version;

  @Column(unique = true, nullable = false)
  String name;

  String description;
  String tenantId;
  String type;
  String authUrl;
  String status;
  boolean isDefault;

  /** {@code vim_project} as JSON. */
  @Column(length = 1000)
  String vimProject;

  /** The non-secret part of {@code auth_cred} as JSON (username, domains, cert_verify). */
  @Column(length = 2000)
  String publicCredentials;

  /** The secret part of {@code auth_cred}, sealed by {@code SecretBox}. */
  @Column(length = Length.LONG32)
  String sealedSecrets;

  /** The names of the secret {@code auth_cred} keys that were given (shown masked). */
  String secretKeys;

  /** {@code placement_attr.regions} as a JSON array. */
  @Column(length = 4000)
  String regions;

  /** Automatic healing of this VIM's VNFs; null means on (nfvflow.heal.enabled decides). */
  Boolean autoHeal;

  /**
   * {@code neutron_vim_id}: the OpenStack VIM whose Neutron holds this (Kubernetes) VIM's pod ports
   * (Kuryr), or null. Never set on an OpenStack VIM: its own Neutron holds its ports.
   */
  String neutronVimId;

  Instant createdAt;
  Instant updatedAt;

  /** Whether VNFs on this VIM are healed automatically ({@code auto_heal}, default true). */
  public boolean autoHeal() {
    return autoHeal == null || autoHeal;
  }

  /** Whether this VIM is an OpenStack cloud, whose own Neutron holds its ports. */
  public boolean isOpenStack() {
    return VimRegistration.OPENSTACK.equals(type);
  }

  public String getNeutronVimId() {
    return neutronVimId;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getType() {
    return type;
  }

  public String getStatus() {
    return status;
  }
}
