package io.nfvflow.tosca.template;

import java.util.regex.Pattern;

/** Syntax checks for names and addresses that a VIM would otherwise reject late, or worse. */
public final class Syntax {

  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final Pattern PROCESS_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private Syntax() {}

  /** A Kubernetes DNS-1123 label: lower-case alphanumerics and '-', at most 63 characters. */
  public static boolean isDns1123Label(String s) {
    return s != null && s.length() <= 63 && DNS_1123_LABEL.matcher(s).matches();
  }

  /** A Kubernetes label key: an optional DNS subdomain prefix and '/', then a name. */
  public static boolean isLabelKey(String s) {
    int slash = s.indexOf('/');
    String name = slash < 0 ? s : s.substring(slash + 1);
    if (slash >= 0) {
      String prefix = s.substring(0, slash);
      if (prefix.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return name.length() <= 63 && LABEL_NAME.matcher(name).matches();
  }

  /** A Kubernetes label value: empty, or a name of at most 63 characters. */
  public static boolean isLabelValue(String s) {
    return s.isEmpty() || (s.length() <= 63 && LABEL_NAME.matcher(s).matches());
  }

  /** A ConfigMap key (which becomes an environment variable of the container). */
  public static boolean isConfigKey(String s) {
    return s.length() <= 253 && CONFIG_KEY.matcher(s).matches();
  }

  /** A BPMN process definition key (an XML NCName, as Camunda requires). */
  public static boolean isProcessId(String s) {
    return s.length() <= 255 && PROCESS_ID.matcher(s).matches();
  }

  /** A MAC address written as six ':'-separated hexadecimal pairs. */
  public static boolean isMac(String s) {
    return MAC.matcher(s).matches();
  }

  /** An IPv4 or IPv6 address literal (no host names). */
  public static boolean isIp(String s) {
    return IPV4.matcher(s).matches() || (IPV6.matcher(s).matches() && s.length() <= 45);
  }

  /** Whether an address literal is IPv6. */
  public static boolean isIpv6(String s) {
    return s.contains(":");
  }

  /** A port number. */
  public static boolean isPort(long port) {
    return port >= 1 && port <= 65535;
  }
}
