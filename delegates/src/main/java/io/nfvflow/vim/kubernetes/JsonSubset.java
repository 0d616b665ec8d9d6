package io.nfvflow.vim.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Whether a live object carries what nfvflow wants, compared as JSON. The API server fills in
 * defaults (a container's {@code terminationMessagePath}, a Service's {@code nodePort}) and writes
 * quantities in canonical form ({@code 100000000} comes back as {@code 100M}), so equality would
 * see a difference on every run and {@code apply} would never be idempotent against a real cluster.
 * Instead every field that is wanted must be there with the same value; fields the server added are
 * fine. Lists must have the same length (we own the whole list, for example the containers) and
 * match element by element.
 */
final class JsonSubset {

  /** Maps whose values are quantities ({@code resources.limits}, {@code resources.requests}). */
  private static final Set<String> QUANTITY_MAPS = Set.of("limits", "requests");

  private JsonSubset() {}

  /** Whether {@code live} has every field of {@code wanted} with an equal value. */
  static boolean contains(Object wanted, Object live) {
    if (wanted == null) {
      return true;
    }
    return contains(tree(wanted), tree(live), false);
  }

  private static boolean contains(JsonNode wanted, JsonNode live, boolean quantities) {
    if (wanted.isNull()) {
      return live.isNull() || live.isMissingNode();
    }
    if (wanted.isObject()) {
      return live.isObject() && fieldsContained(wanted, live, quantities);
    }
    if (wanted.isArray()) {
      if (!live.isArray() || live.size() != wanted.size()) {
        return false;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (!contains(wanted.get(i), live.get(i), false)) {
          return false;
        }
      }
      return true;
    }
    if (wanted.isNumber() && live.isNumber()) {
      return wanted.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    if (quantities && wanted.isTextual() && live.isTextual()) {
      return sameQuantity(wanted.asText(), live.asText());
    }
    return wanted.equals(live);
  }

  private static boolean fieldsContained(JsonNode wanted, JsonNode live, boolean quantities) {
    for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      boolean inQuantities = quantities || QUANTITY_MAPS.contains(field.getKey());
      if (!contains(field.getValue(), live.path(field.getKey()), inQuantities)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameQuantity(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return new Quantity(a).equals(new Quantity(b));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }

  private static JsonNode tree(Object o) {
    return o == null ? MissingNode.getInstance() : Serialization.jsonMapper().valueToTree(o);
  }
}
