/**
 * Plumbing of the Tacker v1.0 API: envelopes, filters, the .json suffix, and TackerError answers.
 */
package io.nfvflow.engine.tacker;
