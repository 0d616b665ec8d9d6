/** Wiring of the plain-Java and SPI parts (parser, VIM drivers, settings) into the application. */
package io.nfvflow.engine.wiring;
