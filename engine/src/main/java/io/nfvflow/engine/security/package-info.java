/**
 * Who may call what: Camunda's users and groups as nfvflow's users and roles, API tokens, the
 * access rule table and the Spring Security gate in front of every path.
 */
package io.nfvflow.engine.security;
