package io.nfvflow.vim;

import java.time.Instant;

/**
 * One thing wrong with a VNF on its VIM, found by {@link VimDriver#diagnose}: what a heal of the
 * matching {@link Scope} repairs.
 *
 * @param scope how much a heal must touch to repair it
 * @param vdu the VDU concerned, or {@code null} for a VNF-wide finding that names no VDU
 * @param instanceId an instance's VIM id (pod uid, server id) for {@link Scope#INSTANCE}, else
 *     {@code null}
 * @param reason what is wrong, for an operator: names the VIM object and the state ("Service
 *     vnf-1-vdu1 is missing", "server vdu1-x is ERROR: No valid host was found")
 * @param since when the VIM's change happened, if the VIM tells (a condition's transition time, a
 *     server's {@code updated}); else {@code null}. The engine measures detection-to-heal from it
 *     and applies the unavailability threshold to {@link Scope#VDU} findings.
 */
public record Finding(Scope scope, String vdu, String instanceId, String reason, Instant since) {

  /** How much a heal must touch. */
  public enum Scope {
    /** One instance (pod, server) is failed or gone: replace it. */
    INSTANCE,
    /** A VDU stays unavailable (all of its instances failing): replace each of its instances. */
    VDU,
    /**
     * VIM objects of the VNF are missing or differ from the desired state (drift): converge the
     * whole VNF.
     */
    VNF
  }

  public static Finding instance(String vdu, String instanceId, String reason, Instant since) {
    return new Finding(Scope.INSTANCE, vdu, instanceId, reason, since);
  }

  public static Finding vdu(String vdu, String reason, Instant since) {
    return new Finding(Scope.VDU, vdu, null, reason, since);
  }

  public static Finding drift(String vdu, String reason, Instant since) {
    return new Finding(Scope.VNF, vdu, null, reason, since);
  }
}
