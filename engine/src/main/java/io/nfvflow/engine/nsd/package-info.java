/**
 * Network service descriptors ({@code /v1.0/nsds}): onboarding checks the template and resolves its
 * imports to onboarded VNFDs written for substitution.
 */
package io.nfvflow.engine.nsd;
