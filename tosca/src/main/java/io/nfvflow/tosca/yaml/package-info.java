/** Reading untrusted YAML or JSON text into a plain tree, within fixed bounds. */
package io.nfvflow.tosca.yaml;
