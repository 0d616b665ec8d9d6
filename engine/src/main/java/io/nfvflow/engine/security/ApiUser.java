package io.nfvflow.engine.security;

import java.util.List;
import java.util.Set;

/**
 * Who calls the API: a Camunda user, its Camunda groups and the nfvflow roles they give.
 *
 * @param id the Camunda user id
 * @param groups the ids of the user's Camunda groups (Camunda's authorizations use them)
 * @param roles the user's nfvflow roles, lower roles included
 */
public record ApiUser(String id, List<String> groups, Set<Role> roles) {

  public ApiUser {
    groups = List.copyOf(groups);
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The highest role, for messages: {@code admin}, {@code operator}, {@code viewer} or none. */
  public String highestRole() {
    return roles.stream().max(Enum::compareTo).map(Role::group).orElse("no nfvflow role");
  }
}
