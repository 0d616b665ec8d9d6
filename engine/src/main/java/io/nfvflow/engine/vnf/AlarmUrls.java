package io.nfvflow.engine.vnf;

import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.tosca.AlarmTrigger;
import io.nfvflow.tosca.VnfDescriptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The alarm URLs of a VNF, one per trigger of its VNFD's Alarming policies, in Tacker's shape
 * {@code <base>/v1.0/vnfs/<vnf id>/<trigger>/<policy>-<out|in>/<key>}. The key is 24 random
 * characters of {@code [a-z0-9]} (VNFs created before keep their 8); unlike Tacker, nfvflow checks
 * it. The URL is how Aodh or Alertmanager authenticate, so the key is a secret: only operators see
 * it, viewers see {@code ***} instead.
 */
@Component
public class AlarmUrls {

  private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int KEY_LENGTH = 24;

  private final String base;

  public AlarmUrls(@Value("${nfvflow.alarm.url-base}") String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The URLs of a new VNF as a JSON object (trigger → URL), or {@code null} without triggers. */
  String create(String vnfId, VnfDescriptor descriptor) {
    if (descriptor.alarmTriggers().isEmpty()) {
      return null;
    }
    Map<String, String> urls = new TreeMap<>();
    for (AlarmTrigger trigger : descriptor.alarmTriggers()) {
      urls.put(
          trigger.name(),
          "%s/v1.0/vnfs/%s/%s/%s/%s"
              .formatted(base, vnfId, trigger.name(), trigger.action(), key()));
    }
    return JsonColumns.write(urls);
  }

  /** Trigger name → URL. */
  static Map<String, String> of(VnfEntity vnf) {
    return JsonColumns.stringMap(vnf.alarmUrls);
  }

  /** Trigger name → URL, the key masked unless the caller may see it. */
  static Map<String, String> shown(VnfEntity vnf, boolean withKeys) {
    Map<String, String> urls = of(vnf);
    if (withKeys) {
      return urls;
    }
    Map<String, String> masked = new TreeMap<>();
    urls.forEach(
        (trigger, url) -> masked.put(trigger, url.substring(0, url.lastIndexOf('/') + 1) + "***"));
    return masked;
  }

  /** Whether {@code action} and {@code key} are those of the trigger's URL. */
  static boolean matches(VnfEntity vnf, String trigger, String action, String key) {
    String url = of(vnf).get(trigger);
    if (url == null || key == null) {
      return false;
    }
    int slash = url.lastIndexOf('/');
    byte[] expected = url.substring(slash + 1).getBytes(StandardCharsets.UTF_8);
    return url.substring(0, slash).endsWith("/" + trigger + "/" + action)
        && MessageDigest.isEqual(expected, key.getBytes(StandardCharsets.UTF_8));
  }

  private static String key() {
    StringBuilder key = new StringBuilder(KEY_LENGTH);
    for (int i = 0; i < KEY_LENGTH; i++) {
      key.append(KEY_CHARS.charAt(RANDOM.nextInt(KEY_CHARS.length())));
    }
    return key.toString();
  }
}
