/**
 * Benchmark support, off unless {@code nfvflow.bench.engine-only=true}: the engine-only baseline of
 * {@code scripts/bench.sh} (B2), a VIM type whose workflows are the Kubernetes models with
 * delegates that do no VIM work.
 */
package io.nfvflow.engine.bench;
