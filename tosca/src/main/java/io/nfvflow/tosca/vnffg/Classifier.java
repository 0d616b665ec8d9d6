package io.nfvflow.tosca.vnffg;

import java.util.Map;

/**
 * One flow classifier of a forwarding path.
 *
 * @param name its {@code name} (TackerV2), or {@code null} when unnamed
 * @param match what it matches, in networking-sfc's terms
 * @param criteria the criteria as written (Tacker's keys, ranges split into {@code *_port_min} and
 *     {@code *_port_max}), for the API's {@code match} object; insertion-ordered
 */
public record Classifier(String name, FlowMatch match, Map<String, Object> criteria) {

  public Classifier {
    criteria = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(criteria));
  }
}
