package io.nfvflow.engine.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure cockpit has an administrator. The user and password come from configuration ({@code
 * nfvflow.admin.user}, {@code nfvflow.admin.password}); with no password configured, one is
 * generated when the user is first created and printed once to the console. There is no fixed
 * default password.
 */
@Component
public class AdminUserBootstrap {

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final String userId;
  private final String configuredPassword;

  public AdminUserBootstrap(
      IdentityService identity,
      AuthorizationService authorizations,
      @Value("${nfvflow.admin.user:admin}") String userId,
      @Value("${nfvflow.admin.password:}") String configuredPassword) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.userId = userId;
    this.configuredPassword = configuredPassword;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensureAdmin() {
    if (!userId.matches("[A-Za-z0-9]+")) {
      // Camunda accepts letters and digits only; say so instead of its generic engine error
      throw new IllegalStateException(
          "nfvflow.admin.user '%s' is not valid: use letters and digits only".formatted(userId));
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      create();
    } else if (!configuredPassword.isBlank()
        && !identity.checkPassword(userId, configuredPassword)) {
      // the failed check counted as a failed login, which changed the user's row: save a fresh copy
      User fresh = identity.createUserQuery().userId(userId).singleResult();
      fresh.setPassword(configuredPassword);
      identity.saveUser(fresh);
      identity.unlockUser(userId);
    }
    ensureAdminGroup();
  }

  private void create() {
    boolean generated = configuredPassword.isBlank();
    String password = generated ? randomPassword() : configuredPassword;
    User user = identity.newUser(userId);
    user.setFirstName("nfvflow");
    user.setLastName("administrator");
    user.setPassword(password);
    identity.saveUser(user);
    if (generated) {
      // printed once, on the console only: the operator must note it (or configure one)
      System.out.printf(
          "%n*** nfvflow created the cockpit user '%s' with the generated password: %s%n"
              + "*** It is shown only this once. Set nfvflow.admin.password to choose your own.%n%n",
          userId, password);
    }
  }

  private void ensureAdminGroup() {
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      var group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Camunda BPM Administrators");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count()
        == 0) {
      identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
    }
    for (Resource resource : Resources.values()) {
      if (authorizations
              .createAuthorizationQuery()
              .groupIdIn(Groups.CAMUNDA_ADMIN)
              .resourceType(resource)
              .resourceId(Authorization.ANY)
              .count()
          == 0) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Groups.CAMUNDA_ADMIN);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
