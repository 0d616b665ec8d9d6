/** TOSCA NFV descriptors: the model, the parser and its validation rules. */
package io.nfvflow.tosca;
