/** The VNFFG descriptor catalogue: onboarding (validated TOSCA), the Tacker vnffgds API. */
package io.nfvflow.engine.vnffgd;
