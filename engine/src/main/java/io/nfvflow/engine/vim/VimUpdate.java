package io.nfvflow.engine.vim;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.tacker.RequestBody;
import java.util.Map;

/**
 * The validated content of a {@code PUT /v1.0/vims/{id}} body: every field optional. {@code
 * neutronVim} is null when absent and {@code ""} when given empty or null (remove it).
 */
record VimUpdate(
    String name,
    String description,
    Boolean isDefault,
    Map<String, String> vimProject,
    Map<String, String> credentials,
    Boolean autoHeal,
    String neutronVim) {

  static VimUpdate parse(JsonNode body) {
    JsonNode vim = RequestBody.envelope(body, "vim");
    JsonNode project = RequestBody.optionalObject(vim, "vim_project", "vim.vim_project");
    JsonNode cred = RequestBody.optionalObject(vim, "auth_cred", "vim.auth_cred");
    String name = RequestBody.optionalText(vim, "name", "vim.name");
    if (name != null && name.isBlank()) {
      throw io.nfvflow.engine.tacker.TackerException.invalidField("vim.name", "must not be empty");
    }
    return new VimUpdate(
        name == null ? null : name.trim(),
        RequestBody.optionalText(vim, "description", "vim.description"),
        RequestBody.optionalBoolean(vim, "is_default", "vim.is_default"),
        project == null ? null : VimRegistration.strings(project, "vim.vim_project"),
        cred == null ? null : VimRegistration.strings(cred, "vim.auth_cred"),
        RequestBody.optionalBoolean(vim, "auto_heal", "vim.auto_heal"),
        VimRegistration.neutronVim(vim));
  }
}
