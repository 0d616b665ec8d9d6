package io.nfvflow.engine.security;

import java.util.List;
import java.util.Optional;
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

  /** The user as it is now (its groups may have changed since its token was issued). */
  public Optional<ApiUser> byId(String userId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      return Optional.empty();
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return Optional.of(new ApiUser(userId, groups, Role.ofGroups(groups)));
  }
}
