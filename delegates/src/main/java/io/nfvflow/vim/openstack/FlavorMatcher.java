package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.ComputeRequirements;
import io.nfvflow.tosca.ToscaException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks an existing Nova flavor for a VDU that gives {@code nfv_compute} instead of a flavor.
 *
 * <p>Tacker created a flavor per VDU, which needs admin rights and leaves flavors behind; nfvflow
 * picks the smallest flavor that fits instead. "Smallest" orders by vCPUs, then RAM, then disk,
 * then name, so the choice is stable whatever order the cloud lists its flavors in.
 */
public final class FlavorMatcher {

  static final Comparator<FlavorInfo> SMALLEST_FIRST =
      Comparator.comparingInt(FlavorInfo::vcpus)
          .thenComparingInt(FlavorInfo::ramMb)
          .thenComparingInt(FlavorInfo::diskGb)
          .thenComparing(FlavorInfo::name);

  private FlavorMatcher() {}

  /**
   * The smallest flavor with at least the required vCPUs, RAM and disk (a requirement that is not
   * given counts as zero).
   *
   * @param vdu the VDU name, for the error message
   * @throws ToscaException naming the VDU and listing the flavors that exist when none fits
   */
  public static FlavorInfo match(
      String vdu, ComputeRequirements compute, List<FlavorInfo> flavors) {
    int cpus = compute.numCpus() == null ? 0 : compute.numCpus();
    long ram = compute.memSizeMb() == null ? 0 : compute.memSizeMb();
    int disk = compute.diskSizeGb() == null ? 0 : compute.diskSizeGb();
    List<FlavorInfo> sorted = flavors.stream().sorted(SMALLEST_FIRST).toList();
    return sorted.stream()
        .filter(f -> f.vcpus() >= cpus && f.ramMb() >= ram && f.diskGb() >= disk)
        .findFirst()
        .orElseThrow(
            () ->
                ToscaException.invalid(
                    vdu,
                    "nfv_compute",
                    "no flavor with at least %d vCPUs, %d MiB RAM, %d GiB disk; available: %s"
                        .formatted(cpus, ram, disk, describe(sorted))));
  }

  private static String describe(List<FlavorInfo> flavors) {
    if (flavors.isEmpty()) {
      return "none";
    }
    return flavors.stream()
        .map(f -> "%s (%d/%d/%d)".formatted(f.name(), f.vcpus(), f.ramMb(), f.diskGb()))
        .collect(Collectors.joining(", "));
  }
}
