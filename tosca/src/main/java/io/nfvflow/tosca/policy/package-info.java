/** Template policies: {@code tosca.policies.tacker.Scaling} is read, the others are refused. */
package io.nfvflow.tosca.policy;
