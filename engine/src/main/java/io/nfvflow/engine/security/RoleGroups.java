package io.nfvflow.engine.security;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * The Camunda groups behind nfvflow's roles, created when missing, with Camunda authorizations that
 * mean the same in cockpit and Camunda REST as the roles mean in the API: viewers read; operators
 * also start, retry, modify and cancel process instances and work on tasks; admins may do
 * everything (as {@code camunda-admin}). Existing authorizations are never changed: an admin may
 * refine them in Camunda's admin webapp.
 */
@Component
public class RoleGroups {

  private record Grant(Resource resource, String resourceId, List<Permission> permissions) {}

  private static final List<Grant> VIEWER =
      List.of(
          new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
          new Grant(
              Resources.PROCESS_DEFINITION,
              Authorization.ANY,
              List.of(
                  ProcessDefinitionPermissions.READ,
                  ProcessDefinitionPermissions.READ_INSTANCE,
                  ProcessDefinitionPermissions.READ_HISTORY,
                  ProcessDefinitionPermissions.READ_TASK)),
          new Grant(
              Resources.PROCESS_INSTANCE,
              Authorization.ANY,
              List.of(ProcessInstancePermissions.READ)),
          new Grant(Resources.TASK, Authorization.ANY, List.of(TaskPermissions.READ)),
          new Grant(Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ)),
          new Grant(
              Resources.DECISION_DEFINITION,
              Authorization.ANY,
              List.of(Permissions.READ, Permissions.READ_HISTORY)),
          new Grant(
              Resources.DECISION_REQUIREMENTS_DEFINITION,
              Authorization.ANY,
              List.of(Permissions.READ)),
          new Grant(
              Resources.BATCH,
              Authorization.ANY,
              List.of(BatchPermissions.READ, BatchPermissions.READ_HISTORY)),
          new Grant(
              Resources.HISTORIC_PROCESS_INSTANCE,
              Authorization.ANY,
              List.of(HistoricProcessInstancePermissions.READ)),
          new Grant(
              Resources.HISTORIC_TASK, Authorization.ANY, List.of(HistoricTaskPermissions.READ)));

  private static final List<Grant> OPERATOR =
      List.of(
          new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
          new Grant(Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
          new Grant(
              Resources.PROCESS_DEFINITION,
              Authorization.ANY,
              List.of(
                  ProcessDefinitionPermissions.READ,
                  ProcessDefinitionPermissions.READ_INSTANCE,
                  ProcessDefinitionPermissions.READ_HISTORY,
                  ProcessDefinitionPermissions.READ_TASK,
                  ProcessDefinitionPermissions.UPDATE_TASK,
                  ProcessDefinitionPermissions.CREATE_INSTANCE,
                  ProcessDefinitionPermissions.UPDATE_INSTANCE,
                  ProcessDefinitionPermissions.DELETE_INSTANCE,
                  ProcessDefinitionPermissions.RETRY_JOB,
                  ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                  ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                  ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                  ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                  ProcessDefinitionPermissions.TASK_WORK,
                  ProcessDefinitionPermissions.TASK_ASSIGN)),
          new Grant(
              Resources.PROCESS_INSTANCE,
              Authorization.ANY,
              List.of(ProcessInstancePermissions.ALL)),
          new Grant(Resources.TASK, Authorization.ANY, List.of(TaskPermissions.ALL)),
          new Grant(Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ)),
          new Grant(
              Resources.DECISION_DEFINITION,
              Authorization.ANY,
              List.of(Permissions.READ, Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE)),
          new Grant(
              Resources.DECISION_REQUIREMENTS_DEFINITION,
              Authorization.ANY,
              List.of(Permissions.READ)),
          new Grant(Resources.BATCH, Authorization.ANY, List.of(BatchPermissions.ALL)),
          new Grant(
              Resources.HISTORIC_PROCESS_INSTANCE,
              Authorization.ANY,
              List.of(HistoricProcessInstancePermissions.READ)),
          new Grant(
              Resources.HISTORIC_TASK, Authorization.ANY, List.of(HistoricTaskPermissions.READ)));

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public RoleGroups(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** Creates the groups and their authorizations where missing. */
  public void ensure() {
    ensureGroup(Role.VIEWER.group(), "nfvflow viewers");
    ensureGroup(Role.OPERATOR.group(), "nfvflow operators");
    ensureGroup(Role.ADMIN.group(), "nfvflow administrators");
    ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda BPM Administrators");
    VIEWER.forEach(grant -> ensure(Role.VIEWER.group(), grant));
    OPERATOR.forEach(grant -> ensure(Role.OPERATOR.group(), grant));
    for (String group : List.of(Role.ADMIN.group(), Groups.CAMUNDA_ADMIN)) {
      for (Resource resource : Resources.values()) {
        ensure(group, new Grant(resource, Authorization.ANY, List.of(Permissions.ALL)));
      }
    }
  }

  /** Makes the user a member of the group (no-op when it is). */
  public void addMember(String userId, String groupId) {
    BooleanSupplier member =
        () -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    createOnce(member, () -> identity.createMembership(userId, groupId));
  }

  private void ensureGroup(String id, String name) {
    createOnce(
        () -> identity.createGroupQuery().groupId(id).count() > 0,
        () -> {
          var group = identity.newGroup(id);
          group.setName(name);
          group.setType(Groups.GROUP_TYPE_SYSTEM);
          identity.saveGroup(group);
        });
  }

  private void ensure(String group, Grant grant) {
    BooleanSupplier present =
        () ->
            authorizations
                    .createAuthorizationQuery()
                    .groupIdIn(group)
                    .resourceType(grant.resource())
                    .resourceId(grant.resourceId())
                    .count()
                > 0;
    createOnce(
        present,
        () -> {
          Authorization authorization =
              authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          authorization.setGroupId(group);
          authorization.setResource(grant.resource());
          authorization.setResourceId(grant.resourceId());
          grant.permissions().forEach(authorization::addPermission);
          authorizations.saveAuthorization(authorization);
        });
  }

  /**
   * Creates something unless it exists. Nodes of a cluster starting together on one database race
   * here: the loser's insert fails on the unique key, and what it wanted exists — not an error.
   */
  static void createOnce(BooleanSupplier exists, Runnable create) {
    if (exists.getAsBoolean()) {
      return;
    }
    try {
      create.run();
    } catch (RuntimeException e) {
      if (!exists.getAsBoolean()) {
        throw e;
      }
    }
  }
}
