package io.nfvflow.vim.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic Kubernetes object names. A name is {@code <parts>-<vnf12>}: the sanitised parts
 * (VDU name, container name) and the first 12 hex digits of the VNF id. Re-running a create step
 * after a crash therefore finds the object the first run made, and two VNFs of one descriptor in
 * one namespace never collide (Tacker's random 15-character names did both wrong).
 *
 * <p>Every name is a DNS-1035 label (at most 63 characters, lower-case alphanumerics and '-',
 * starting with a letter), which is the strictest rule among the kinds we create (Services).
 */
final class KubernetesNames {

  static final int MAX_LENGTH = 63;
  private static final int VNF_PART = 12;
  private static final int PREFIX_MAX = MAX_LENGTH - VNF_PART - 1;
  private static final int HASH_PART = 8;
  private static final Pattern INVALID = Pattern.compile("[^a-z0-9]+");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + VNF_PART + ",}");

  private KubernetesNames() {}

  /** The name of an object of a VNF, from its parts (for example the VDU and container name). */
  static String objectName(String vnfId, String... parts) {
    return prefix(String.join("-", parts)) + "-" + vnfPart(vnfId);
  }

  /** A container name (a DNS-1123 label) from a {@code vnfcs} key such as {@code web_server}. */
  static String containerName(String vnfcName) {
    String name = sanitize(vnfcName);
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name = "c-" + name;
    }
    return shorten(name, MAX_LENGTH, vnfcName);
  }

  /** The VNF part: ids are UUIDs, but anything else still yields 12 stable hex digits. */
  private static String vnfPart(String vnfId) {
    String compact = vnfId.toLowerCase(Locale.ROOT).replace("-", "");
    return HEX.matcher(compact).matches() ? compact.substring(0, VNF_PART) : sha256(vnfId);
  }

  private static String prefix(String parts) {
    String name = sanitize(parts);
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name = "vdu-" + name;
    }
    return shorten(name, PREFIX_MAX, parts);
  }

  /** Cuts a long name and adds a hash of the full text, so two long names stay distinct. */
  private static String shorten(String name, int max, String original) {
    if (name.length() <= max) {
      return trimDashes(name);
    }
    String head = trimDashes(name.substring(0, max - HASH_PART - 1));
    return head + "-" + sha256(original).substring(0, HASH_PART);
  }

  private static String sanitize(String text) {
    return trimDashes(INVALID.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-"));
  }

  private static String trimDashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, VNF_PART);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}
