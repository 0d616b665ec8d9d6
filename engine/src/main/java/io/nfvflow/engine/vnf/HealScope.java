package io.nfvflow.engine.vnf;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.lcm.HealTarget;
import io.nfvflow.vim.VnfInstance;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A heal operation's target as stored on its row: named VDUs, instances and the selection. */
final class HealScope {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HealScope() {}

  static HealTarget of(LcmOperationEntity op) {
    return new HealTarget(split(op.healVdus), split(op.healInstances), selected(op));
  }

  static List<VnfInstance> selected(LcmOperationEntity op) {
    if (op.healSelected == null) {
      return null;
    }
    try {
      return JSON.readValue(op.healSelected, new TypeReference<List<VnfInstance>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("operation " + op.id + ": unreadable heal selection", e);
    }
  }

  static String write(List<VnfInstance> selected) {
    try {
      return JSON.writeValueAsString(selected);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a heal did, for its end event: "instances pod-a, pod-b of VDU1" or "the whole VNF". */
  static String healed(LcmOperationEntity op) {
    HealTarget target = of(op);
    List<VnfInstance> selected = target.selected() == null ? List.of() : target.selected();
    String replaced =
        selected.isEmpty()
            ? ""
            : "replaced "
                + selected.stream()
                    .map(i -> i.name() + " (" + i.vdu() + ")")
                    .collect(Collectors.joining(", "));
    String scope =
        target.wholeVnf()
            ? "the whole VNF"
            : target.vdus().isEmpty()
                ? "instances"
                : "VDU " + String.join(", ", target.vdus().stream().sorted().toList());
    String found = op.healFound == null ? "" : " (found: " + op.healFound + ")";
    return (replaced.isEmpty() ? scope + ", every object as desired" : scope + ": " + replaced)
        + found;
  }

  private static Set<String> split(String csv) {
    if (csv == null || csv.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
