package io.nfvflow.engine.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * nfvflow's roles, each a Camunda group of the same name. They are ordered: an operator may do all
 * a viewer may, an admin all an operator may. Members of {@code camunda-admin} are admins.
 */
public enum Role {
  /** Reads everything but secrets. */
  VIEWER,
  /** Also runs VNF, VNFFG and NS operations and onboards descriptors. */
  OPERATOR,
  /** Also manages VIMs and users and deploys workflows. */
  ADMIN;

  /** The Camunda group id: {@code viewer}, {@code operator}, {@code admin}. */
  public String group() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The roles that members of these Camunda groups have, lower roles included. */
  public static Set<Role> ofGroups(Collection<String> groupIds) {
    Role highest = null;
    for (String group : groupIds) {
      Role role = Groups.CAMUNDA_ADMIN.equals(group) ? ADMIN : byGroup(group);
      if (role != null && (highest == null || role.compareTo(highest) > 0)) {
        highest = role;
      }
    }
    return highest == null ? EnumSet.noneOf(Role.class) : EnumSet.range(VIEWER, highest);
  }

  private static Role byGroup(String group) {
    for (Role role : values()) {
      if (role.group().equals(group)) {
        return role;
      }
    }
    return null;
  }
}
