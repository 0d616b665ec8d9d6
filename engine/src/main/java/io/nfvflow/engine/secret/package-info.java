/**
 * Secrets at rest: AES-GCM with a configured key (environment, key file) or, for a single node on
 * H2, a key file generated at first start; checked against the database at start; rotated by a
 * one-shot command.
 */
package io.nfvflow.engine.secret;
