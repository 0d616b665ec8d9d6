/** Threads of nfvflow's own background work (watches, waits, monitors, leases). */
package io.nfvflow.engine.concurrent;
