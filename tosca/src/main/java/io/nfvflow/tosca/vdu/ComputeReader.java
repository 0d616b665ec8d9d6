package io.nfvflow.tosca.vdu;

import io.nfvflow.tosca.ComputeRequirements;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.template.ScalarSize;
import java.math.BigInteger;

/** Reads the {@code nfv_compute} capability of a VM VDU into the sizes Nova counts in. */
final class ComputeReader {

  private static final KeyRules CAPABILITIES = KeyRules.keys("nfv_compute");
  private static final KeyRules CAPABILITY = KeyRules.keys("properties");

  private static final KeyRules PROPERTIES =
      KeyRules.properties("num_cpus", "mem_size", "disk_size")
          .unsupported("huge pages (mem_page_size) are not supported", "mem_page_size")
          .unsupported(
              "CPU pinning and vCPU topology (cpu_allocation) are not supported", "cpu_allocation")
          .unsupported("NUMA placement is not supported", "numa_node_count", "numa_nodes");

  private ComputeReader() {}

  /** The requirements, or null when the VDU has no nfv_compute capability. */
  static ComputeRequirements read(NodeTemplate node, Inputs inputs) {
    Props capabilities =
        Props.of(node.name(), "capabilities", node.section("capabilities"), inputs);
    capabilities.check(CAPABILITIES);
    if (!capabilities.has("nfv_compute")) {
      return null;
    }
    Props capability = capabilities.child("nfv_compute").check(CAPABILITY);
    Props props = Props.of(node.name(), "nfv_compute", capability.value("properties"), inputs);
    Problems problems = new Problems();
    problems.check(() -> props.check(PROPERTIES));
    Integer cpus = problems.read(() -> cpus(props));
    BigInteger memory = problems.read(() -> size(props, "mem_size", ScalarSize.MIB, true));
    Integer disk = problems.read(() -> diskGb(props));
    problems.throwIfAny();
    return new ComputeRequirements(cpus, memory.longValueExact(), disk);
  }

  private static int cpus(Props props) {
    Integer cpus = props.integer("num_cpus");
    if (cpus == null || cpus < 1) {
      throw props.invalid("num_cpus", "is required and must be at least 1");
    }
    return cpus;
  }

  private static Integer diskGb(Props props) {
    BigInteger disk = size(props, "disk_size", ScalarSize.GIB, false);
    if (disk == null) {
      return null;
    }
    if (disk.bitLength() > 31) {
      throw props.invalid("disk_size", "is too large");
    }
    return disk.intValueExact();
  }

  /** The size in whole units, rounded up: "512 MB" is 488.3 MiB, so 489 MiB. */
  private static BigInteger size(Props props, String key, BigInteger unit, boolean required) {
    String text = props.string(key);
    if (text == null) {
      if (required) {
        throw props.invalid(key, "is required");
      }
      return null;
    }
    try {
      BigInteger units = ScalarSize.ceil(ScalarSize.bytes(text), unit);
      if (units.bitLength() > 62) {
        throw props.invalid(key, "'" + text + "' is too large");
      }
      return units;
    } catch (IllegalArgumentException e) {
      throw props.invalid(key, e.getMessage());
    }
  }
}
