/** VNFFGs: service function chains over networking-sfc, their NFPs, SFCs and classifiers. */
package io.nfvflow.engine.vnffg;
