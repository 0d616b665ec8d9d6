/** Secrets at rest: AES-GCM with a key file created at first start. */
package io.nfvflow.engine.secret;
