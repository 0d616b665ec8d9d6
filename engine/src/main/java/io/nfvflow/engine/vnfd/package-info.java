/** The VNF descriptor catalogue: onboarding (validated TOSCA), the Tacker vnfds API. */
package io.nfvflow.engine.vnfd;
