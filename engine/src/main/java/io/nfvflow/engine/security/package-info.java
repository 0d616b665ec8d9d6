/** Who may use cockpit and the Camunda REST API: the admin user and HTTP basic auth. */
package io.nfvflow.engine.security;
