package io.nfvflow.engine.tacker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.security.SecureRandom;
import java.util.Map;

/**
 * What the descriptor catalogues (VNFFGDs, NSDs) share about templates in requests: a template
 * given as a JSON object or as YAML text, the 400 that lists every problem a parser found, and the
 * name of an inline descriptor.
 */
public final class Templates {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SafeYamlReader YAML = new SafeYamlReader();
  private static final String NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Templates() {}

  /**
   * The template as a tree: a JSON object as given, or YAML text read with the parser's bounds.
   *
   * @param type the 400's type when it is neither (e.g. VnffgdInvalidTemplate)
   * @param what how a problem's message begins (e.g. "Invalid NS descriptor in 'nsd.attributes'")
   */
  public static Map<String, Object> tree(
      JsonNode template, String field, String type, String what) {
    try {
      if (template.isTextual()) {
        return YAML.readMap(template.asText(), field);
      }
      if (!template.isObject()) {
        throw TackerException.badRequest(
            type,
            "Invalid input for field '%s': must be the TOSCA template as a JSON object"
                .formatted(field));
      }
      Map<String, Object> tree = JSON.convertValue(template, new TypeReference<>() {});
      SafeYamlReader.checkDepth(tree);
      return tree;
    } catch (ToscaException e) {
      throw invalid(what, e);
    }
  }

  /** A 400 with every problem (the message numbers them when there are several). */
  public static TackerException invalid(String what, ToscaException e) {
    String type = e.isUnsupported() ? "ToscaUnsupported" : "ToscaParserFailed";
    return TackerException.badRequest(type, what + ": " + e.getMessage());
  }

  /**
   * The name of an inline descriptor, as Tacker makes it: {@code inline-<16 random
   * [a-z0-9]>-<owner's name>}.
   *
   * @param field the owner's name field, for the 400 when the name is missing or too long
   */
  public static String inlineName(String ownerName, String field, int maxName) {
    if (ownerName == null || ownerName.isBlank() || ownerName.length() > maxName) {
      throw TackerException.invalidField(
          field, "required, at most %d characters".formatted(maxName));
    }
    StringBuilder b = new StringBuilder("inline-");
    for (int i = 0; i < 16; i++) {
      b.append(NAME_ALPHABET.charAt(RANDOM.nextInt(NAME_ALPHABET.length())));
    }
    return b.append('-').append(ownerName).toString();
  }

  /**
   * A descriptor's name and description as Tacker takes them: an empty name from the template's
   * {@code metadata.template_name}, an empty description from its {@code description}.
   *
   * @param body the request's envelope content (e.g. what is under {@code "nsd"})
   * @param kind the envelope's key, for field names (nsd, vnffgd)
   * @param templateField where the template is in the request, for field names
   */
  public static Naming naming(
      JsonNode body,
      String kind,
      String templateField,
      String templateName,
      String templateDescription,
      int maxName,
      int maxDescription) {
    String name = RequestBody.optionalText(body, "name", kind + ".name");
    String nameField = kind + ".name";
    if (name == null || name.isBlank()) {
      name = templateName;
      nameField = templateField + ".metadata.template_name";
      if (name == null || name.isBlank()) {
        throw TackerException.invalidField(
            kind + ".name", "required (or metadata.template_name in the template)");
      }
    }
    name = name.trim();
    if (name.length() > maxName) {
      throw TackerException.invalidField(nameField, "at most %d characters".formatted(maxName));
    }
    String description = RequestBody.optionalText(body, "description", kind + ".description");
    String descriptionField = kind + ".description";
    if (description == null || description.isEmpty()) {
      description = templateDescription;
      descriptionField = templateField + ".description";
    }
    if (description != null && description.length() > maxDescription) {
      throw TackerException.invalidField(
          descriptionField, "at most %d characters".formatted(maxDescription));
    }
    return new Naming(name, description);
  }

  /** A descriptor's name and description (null when neither request nor template has one). */
  public record Naming(String name, String description) {}
}
