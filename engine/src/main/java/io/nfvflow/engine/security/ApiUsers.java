package io.nfvflow.engine.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The API's users are Camunda's: the accounts cockpit and the admin webapp know, checked by
 * Camunda's identity service (with its lock-out after repeated wrong passwords).
 */
@Component
public class ApiUsers {

  private final IdentityService identity;

  public ApiUsers(IdentityService identity) {
    this.identity = identity;
  }

  /** The user, when the password is right (and the user not locked). */
  public Optional<ApiUser> byPassword(String userId, String password) {
    if (userId == null || userId.isBlank() || password == null || password.isEmpty()) {
      return Optional.empty();
    }
    if (!identity.checkPassword(userId, password)) {
      return Optional.empty();
    }
    return byId(userId);
  }

  /**
   * The user as it is now, give or take {@link #FRESH}: its groups may have changed since its token
   * was issued (cockpit's admin pages), and such a change applies within that time. Reading them
   * costs two queries of Camunda's identity tables, which every API call would otherwise pay.
   */
  public Optional<ApiUser> byId(String userId) {
    long now = System.nanoTime();
    Known known = recent.get(userId);
    if (known != null && now - known.readAt() < FRESH.toNanos()) {
      return known.user();
    }
    Optional<ApiUser> user = read(userId);
    if (recent.size() > 10_000) {
      recent.clear(); // bounded: a flood of unknown names does not grow it
    }
    recent.put(userId, new Known(user, now));
    return user;
  }

  /** How long a user's groups, once read, are taken as they are. */
  static final Duration FRESH = Duration.ofSeconds(5);

  private record Known(Optional<ApiUser> user, long readAt) {}

  private final Map<String, Known> recent = new ConcurrentHashMap<>();

  private Optional<ApiUser> read(String userId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      return Optional.empty();
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return Optional.of(new ApiUser(userId, groups, Role.ofGroups(groups)));
  }
}
