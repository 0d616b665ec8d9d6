/** The VIM registry: registration, credential checks, secrets at rest, the Tacker vims API. */
package io.nfvflow.engine.vim;
