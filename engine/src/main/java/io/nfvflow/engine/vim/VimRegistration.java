package io.nfvflow.engine.vim;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.RequestBody;
import io.nfvflow.engine.tacker.TackerException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The validated content of a {@code POST /v1.0/vims} body. {@code auth_cred} is split into its
 * secret and its public part at the door, so that the secret part can only go to the {@code
 * SecretBox}.
 */
record VimRegistration(
    String type,
    String name,
    String description,
    String tenantId,
    String authUrl,
    Map<String, String> vimProject,
    Map<String, String> publicCredentials,
    Map<String, String> secrets,
    boolean isDefault,
    Boolean autoHeal,
    String neutronVim) {

  /** The VIM type that brings its own Neutron; the default type, as in Tacker. */
  static final String OPENSTACK = "openstack";

  static final String NEUTRON_VIM_ID = "neutron_vim_id";
  static final String NEUTRON_VIM_FIELD = "vim.neutron_vim_id";

  /** {@code auth_cred} keys whose values are secret: never returned, never logged. */
  static final Set<String> SECRET_KEYS =
      Set.of("password", "bearer_token", "ssl_ca_cert", "client_secret", "key", "token");

  static VimRegistration parse(JsonNode body) {
    JsonNode vim = RequestBody.envelope(body, "vim");
    String type = RequestBody.optionalText(vim, "type", "vim.type");
    JsonNode project = RequestBody.optionalObject(vim, "vim_project", "vim.vim_project");
    if (project == null) {
      throw TackerException.invalidField("vim.vim_project", "required (its name is the project)");
    }
    Map<String, String> vimProject = strings(project, "vim.vim_project");
    if (vimProject.getOrDefault("name", "").isBlank()) {
      throw TackerException.invalidField("vim.vim_project.name", "required, and must not be empty");
    }
    JsonNode cred = RequestBody.optionalObject(vim, "auth_cred", "vim.auth_cred");
    if (cred == null) {
      throw TackerException.invalidField("vim.auth_cred", "required");
    }
    Map<String, String> all = strings(cred, "vim.auth_cred");
    requireCredentials(all);
    Map<String, String> secrets = new LinkedHashMap<>();
    Map<String, String> open = new LinkedHashMap<>();
    all.forEach((k, v) -> (SECRET_KEYS.contains(k) ? secrets : open).put(k, v));
    Boolean isDefault = RequestBody.optionalBoolean(vim, "is_default", "vim.is_default");
    return new VimRegistration(
        type == null || type.isBlank() ? OPENSTACK : type.trim().toLowerCase(),
        RequestBody.requiredText(vim, "name", "vim.name").trim(),
        RequestBody.optionalText(vim, "description", "vim.description"),
        RequestBody.optionalText(vim, "tenant_id", "vim.tenant_id"),
        validUrl(RequestBody.requiredText(vim, "auth_url", "vim.auth_url")),
        vimProject,
        open,
        secrets,
        Boolean.TRUE.equals(isDefault),
        RequestBody.optionalBoolean(vim, "auto_heal", "vim.auto_heal"),
        neutronVim(vim));
  }

  /**
   * {@code neutron_vim_id}: the id or name of an OpenStack VIM, as given; {@code ""} when it is
   * given empty or null (none), {@code null} when absent.
   */
  static String neutronVim(JsonNode vim) {
    if (!vim.has(NEUTRON_VIM_ID)) {
      return null;
    }
    String ref = RequestBody.optionalText(vim, NEUTRON_VIM_ID, NEUTRON_VIM_FIELD);
    return ref == null ? "" : ref.trim();
  }

  private static void requireCredentials(Map<String, String> cred) {
    boolean token = !cred.getOrDefault("bearer_token", "").isBlank();
    boolean user = !cred.getOrDefault("username", "").isBlank();
    boolean password = !cred.getOrDefault("password", "").isBlank();
    if (!token && !(user && password)) {
      String missing = user ? "vim.auth_cred.password" : "vim.auth_cred.bearer_token";
      throw TackerException.invalidField(
          missing, "give either bearer_token, or username and password");
    }
  }

  static String validUrl(String url) {
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw TackerException.invalidField("vim.auth_url", "must be an http(s) URL with a host");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw TackerException.invalidField("vim.auth_url", "not a valid URL (" + e.getReason() + ")");
    }
  }

  static Map<String, String> strings(JsonNode object, String path) {
    Map<String, String> map = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v.isNull()) {
                return;
              }
              if (!v.isValueNode()) {
                throw TackerException.invalidField(
                    path + "." + e.getKey(), "must be a string, number or boolean");
              }
              map.put(e.getKey(), v.asText());
            });
    return map;
  }
}
