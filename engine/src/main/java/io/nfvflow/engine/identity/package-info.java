/** A Keystone v3 look-alike: the token API the OpenStack clients log in with. */
package io.nfvflow.engine.identity;
