package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.chain.ChainNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One networking-sfc object as Neutron shows it.
 *
 * @param json Neutron's JSON of the object (the value under {@code port_chain} etc.)
 */
record SfcObject(SfcKind kind, String id, String name, String description, JsonNode json) {

  static SfcObject of(SfcKind kind, JsonNode json) {
    return new SfcObject(
        kind,
        json.path("id").asText(),
        json.path("name").asText(""),
        json.path("description").asText(""),
        json);
  }

  /** The objects by name; of two with one name (made by a race), the first listed. */
  static Map<String, SfcObject> byName(Collection<SfcObject> objects) {
    Map<String, SfcObject> byName = new LinkedHashMap<>();
    objects.forEach(o -> byName.putIfAbsent(o.name(), o));
    return byName;
  }

  /**
   * Whether the description ends with the VNFFG's owner marker, where nfvflow puts it: neither the
   * marker of a VNFFG whose id merely starts the same nor a marker inside a name people chose
   * (which comes before it) counts.
   */
  boolean ownedBy(String vnffgId) {
    String marker = ChainNames.owner(vnffgId);
    return description.equals(marker) || description.endsWith(" " + marker);
  }

  /** The ids in a list field ({@code port_pairs}, {@code flow_classifiers}...), in order. */
  List<String> ids(String field) {
    List<String> ids = new ArrayList<>();
    json.path(field).forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /** A text field, or {@code null} when absent or null. */
  String text(String field) {
    JsonNode value = json.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  /** For messages: {@code port chain nfvflow-pc-x (id)}. */
  String describe() {
    return "%s %s (%s)".formatted(kind.label(), name, id);
  }
}
