package io.nfvflow.engine.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure nfvflow has an administrator: a Camunda user in the groups {@code admin} and {@code
 * camunda-admin}, so it may use the API, cockpit and Camunda's admin webapp. The user and password
 * come from configuration ({@code nfvflow.admin.user}, {@code nfvflow.admin.password}); with no
 * password configured, one is generated when the user is first created and printed once to the
 * console. There is no fixed default password.
 */
@Component
public class AdminUserBootstrap {

  private final IdentityService identity;
  private final RoleGroups roles;
  private final String userId;
  private final String configuredPassword;

  public AdminUserBootstrap(
      IdentityService identity,
      RoleGroups roles,
      @Value("${nfvflow.admin.user:admin}") String userId,
      @Value("${nfvflow.admin.password:}") String configuredPassword) {
    this.identity = identity;
    this.roles = roles;
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
    } else if (!configuredPassword.isBlank()) {
      if (!identity.checkPassword(userId, configuredPassword)) {
        // the failed check counted as a failed login, which changed the user's row: save a fresh
        // copy (optimistic locking)
        User fresh = identity.createUserQuery().userId(userId).singleResult();
        fresh.setPassword(configuredPassword);
        identity.saveUser(fresh);
      }
      // the configured password is the way back in after Camunda locked the user
      identity.unlockUser(userId);
    }
    ensureAdminGroups();
  }

  private void create() {
    boolean generated = configuredPassword.isBlank();
    String password = generated ? randomPassword() : configuredPassword;
    User user = identity.newUser(userId);
    user.setFirstName("nfvflow");
    user.setLastName("administrator");
    user.setPassword(password);
    try {
      identity.saveUser(user);
    } catch (RuntimeException e) {
      if (identity.createUserQuery().userId(userId).count() == 0) {
        throw e;
      }
      return; // another node of the cluster created it (and printed its password) meanwhile
    }
    if (generated) {
      // printed once, on the console only: the operator must note it (or configure one)
      System.out.printf(
          "%n*** nfvflow created the administrator '%s' (API, cockpit) with the generated password:"
              + " %s%n*** It is shown only this once. Set nfvflow.admin.password"
              + " (NFVFLOW_ADMIN_PASSWORD) to choose your own.%n%n",
          userId, password);
    }
  }

  private void ensureAdminGroups() {
    roles.ensure();
    roles.addMember(userId, Role.ADMIN.group());
    roles.addMember(userId, Groups.CAMUNDA_ADMIN);
  }

  private static String randomPassword() {
    // 24 letters and digits: 142 bits
    return RandomSecrets.alphanumeric(24);
  }
}
