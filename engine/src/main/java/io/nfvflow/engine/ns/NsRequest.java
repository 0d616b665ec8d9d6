package io.nfvflow.engine.ns;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.RequestBody;
import io.nfvflow.engine.tacker.TackerException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a {@code POST /v1.0/nss} body, as the {@code tacker} and {@code openstack} clients
 * send it.
 *
 * @param nsdId {@code nsd_id} (an id or a name), or null
 * @param template {@code nsd_template} (a TOSCA object or YAML text), or null
 * @param vimId {@code vim_id}, or null (the default VIM)
 * @param paramValues {@code attributes.param_values}: {@code nsd} (input values), {@code vims} (NSD
 *     VNF node → VIM name or id), and per-VNFD values under the VNFD's name
 */
record NsRequest(
    String name,
    String description,
    String tenantId,
    String nsdId,
    JsonNode template,
    String vimId,
    Map<String, Object> paramValues) {

  /** The key of {@code param_values} that places VNF nodes on VIMs. */
  static final String VIMS = "vims";

  /** The key of {@code param_values} that gives the NSD's input values. */
  static final String NSD = "nsd";

  static NsRequest parse(JsonNode body) {
    JsonNode ns = RequestBody.envelope(body, "ns");
    String name = RequestBody.optionalText(ns, "name", "ns.name");
    if (name == null || name.isBlank()) {
      throw TackerException.invalidField("ns.name", "required: the NS's name");
    }
    if (name.trim().length() > 200) {
      throw TackerException.invalidField("ns.name", "at most 200 characters");
    }
    String nsdId = RequestBody.optionalText(ns, "nsd_id", "ns.nsd_id");
    JsonNode template = ns.get("nsd_template");
    boolean hasTemplate = template != null && !template.isNull();
    boolean hasId = nsdId != null && !nsdId.isBlank();
    if (hasId == hasTemplate) {
      throw TackerException.invalidField(
          "ns.nsd_id", "give exactly one of nsd_id and nsd_template");
    }
    JsonNode attributes = RequestBody.optionalObject(ns, "attributes", "ns.attributes");
    Map<String, Object> params =
        new LinkedHashMap<>(RequestBody.paramValues(attributes, "ns.attributes.param_values"));
    for (String key : new String[] {NSD, VIMS}) {
      Object value = params.get(key);
      if (value != null && !(value instanceof Map<?, ?>)) {
        throw TackerException.invalidField(
            "ns.attributes.param_values." + key,
            key.equals(NSD)
                ? "must be an object of the NSD's input names to values"
                : "must be an object of NSD VNF node names to VIM names or ids");
      }
    }
    String vimId = RequestBody.optionalText(ns, "vim_id", "ns.vim_id");
    return new NsRequest(
        name.trim(),
        RequestBody.optionalText(ns, "description", "ns.description"),
        RequestBody.optionalText(ns, "tenant_id", "ns.tenant_id"),
        hasId ? nsdId.trim() : null,
        hasTemplate ? template : null,
        vimId == null || vimId.isBlank() ? null : vimId.trim(),
        params);
  }

  /** {@code param_values.nsd}: the NSD's input values. */
  @SuppressWarnings("unchecked")
  Map<String, Object> nsdParams() {
    return paramValues.get(NSD) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** {@code param_values.vims}: NSD VNF node → VIM name or id. */
  Map<String, String> placement() {
    Map<String, String> placement = new LinkedHashMap<>();
    if (paramValues.get(VIMS) instanceof Map<?, ?> m) {
      m.forEach((k, v) -> placement.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    }
    return placement;
  }
}
