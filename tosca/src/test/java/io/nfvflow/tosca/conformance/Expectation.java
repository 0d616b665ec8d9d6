package io.nfvflow.tosca.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code conformance/expectations.txt}.
 *
 * @param file path under the Tacker 8.0.0 corpus (tosca/src/test/resources/tacker-8.0.0)
 * @param kind PARSES, ONBOARDS, REFUSED, VNFFGD, VNFFGD_REFUSED, NSD, PARAMS or NOT_A_TEMPLATE
 * @param refusal the expected message substring, for REFUSED and VNFFGD_REFUSED
 * @param params the param_values file to parse with, or null
 */
record Expectation(String file, String kind, String refusal, String params) {

  static List<Expectation> parse(List<String> lines) {
    List<Expectation> result = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s\\|\\s");
      String outcome = parts[1].trim();
      String params = parts.length > 2 ? parts[2].trim() : null;
      int colon = outcome.indexOf(':');
      String kind = colon < 0 ? outcome : outcome.substring(0, colon);
      String refusal = colon < 0 ? null : outcome.substring(colon + 1).trim();
      result.add(new Expectation(parts[0].trim(), kind, refusal, params));
    }
    return result;
  }

  /** The golden file name for a PARSES, ONBOARDS, VNFFGD or NSD entry. */
  String golden() {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.replace(".yaml", ".json");
  }
}
