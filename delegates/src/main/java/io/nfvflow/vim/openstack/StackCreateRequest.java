package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;
import org.openstack4j.model.heat.StackCreate;
import org.openstack4j.model.heat.builder.StackCreateBuilder;

/**
 * The body of Heat's {@code POST /stacks}. openstack4j's own {@code HeatStackCreate} sends {@code
 * disableRollback}, a key Heat ignores, so a failed stack would be rolled back wherever Heat's
 * default is not ours; this body names every field as Heat's API reference does.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
final class StackCreateRequest implements StackCreate {

  private static final long serialVersionUID = 1L;

  @JsonProperty("stack_name")
  private final String name;

  @JsonProperty("template")
  private final String template;

  @JsonProperty("files")
  private final Map<String, String> files;

  @JsonProperty("parameters")
  private final Map<String, Integer> parameters;

  @JsonProperty("tags")
  private final String tags;

  @JsonProperty("timeout_mins")
  private final long timeoutMins;

  @JsonProperty("disable_rollback")
  private final boolean disableRollback;

  StackCreateRequest(
      String name,
      String template,
      Map<String, String> files,
      Map<String, Integer> parameters,
      String tags,
      long timeoutMins,
      boolean disableRollback) {
    this.name = name;
    this.template = template;
    this.files = Map.copyOf(files);
    this.parameters = new TreeMap<>(parameters);
    this.tags = tags;
    this.timeoutMins = timeoutMins;
    this.disableRollback = disableRollback;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getTemplate() {
    return template;
  }

  @Override
  public Map<String, String> getParameters() {
    Map<String, String> text = new TreeMap<>();
    parameters.forEach((name, value) -> text.put(name, value.toString()));
    return text;
  }

  @Override
  public boolean getDisableRollback() {
    return disableRollback;
  }

  @Override
  public StackCreateBuilder toBuilder() {
    throw new UnsupportedOperationException("build a new StackCreateRequest instead");
  }
}
