/** Test databases: under {@code -Ppostgres}, one PostgreSQL schema per application context. */
package io.nfvflow.engine.testdb;
