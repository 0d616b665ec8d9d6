/** The append-only audit trail: one event row for every state change. */
package io.nfvflow.engine.event;
