/**
 * Template policies: {@code tosca.policies.tacker.Scaling} and the triggers of {@code
 * tosca.policies.tacker.Alarming} that scale are read, the others are refused.
 */
package io.nfvflow.tosca.policy;
