/** Generic TOSCA template mechanics: typed property access, get_input, keys, units, syntax. */
package io.nfvflow.tosca.template;
