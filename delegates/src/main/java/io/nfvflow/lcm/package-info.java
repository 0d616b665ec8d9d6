/**
 * Lifecycle steps shared by every VIM type, the ports they need, and the typed process variables.
 */
package io.nfvflow.lcm;
