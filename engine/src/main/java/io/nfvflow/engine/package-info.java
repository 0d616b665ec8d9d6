/** The nfvflow application: REST APIs, persistence, the Camunda engine and its wiring. */
package io.nfvflow.engine;
