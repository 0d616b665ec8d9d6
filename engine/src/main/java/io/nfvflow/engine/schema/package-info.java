/** nfvflow's own tables: Flyway migrations per database, and the move from an earlier version. */
package io.nfvflow.engine.schema;
