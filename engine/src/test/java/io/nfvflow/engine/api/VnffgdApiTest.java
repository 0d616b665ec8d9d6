package io.nfvflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vnffgd.VnffgdCatalogue;
import io.nfvflow.engine.vnffgd.VnffgdEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /v1.0/vnffgds} as the {@code tacker vnffgd-*} commands use it, with Tacker 8.0.0's own
 * VNFFGD samples.
 */
class VnffgdApiTest extends ApiTestSupport {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> KEYS =
      List.of("id", "tenant_id", "name", "description", "template", "template_source");

  @Autowired VnffgdCatalogue catalogue;
  @Autowired TestVnffgdUsers users;

  /**
   * Every sample onboards as it is, also the two that name a port id with 13 digits in its last
   * group (as in Tacker; networking-sfc refuses that port when a VNFFG is made of them).
   */
  @Test
  void everyTackerSampleOnboardsAndShowsBackAsSent() throws Exception {
    List<Path> samples = samples();
    assertThat(samples).hasSizeGreaterThanOrEqualTo(10);
    List<String> failures = new ArrayList<>();
    for (Path sample : samples) {
      String text = Files.readString(sample);
      JsonNode tosca = YAML.readTree(text);
      String name = unique("vnffgd");
      Answer created = post("/v1.0/vnffgds", cliBody(name, null, tosca));
      if (created.status() != 201) {
        failures.add(sample.getFileName() + ": " + created);
        continue;
      }
      JsonNode vnffgd = created.body().path("vnffgd");
      assertThat(fieldNames(vnffgd)).as(sample.toString()).containsExactlyElementsOf(KEYS);
      assertThat(vnffgd.path("name").asText()).isEqualTo(name);
      assertThat(vnffgd.path("description").asText())
          .as("taken from the template")
          .isEqualTo(tosca.path("description").asText());
      assertThat(vnffgd.path("template_source").asText()).isEqualTo("onboarded");
      assertThat(vnffgd.path("template").path("vnffgd")).as(sample.toString()).isEqualTo(tosca);

      Answer shown = get("/v1.0/vnffgds/" + vnffgd.path("id").asText());
      assertThat(shown.status()).isEqualTo(200);
      assertThat(shown.body().path("vnffgd")).isEqualTo(vnffgd);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theParameterisedSampleOnboardsWithoutValuesForItsInputs() throws Exception {
    JsonNode tosca = sample("tosca-vnffgd-param-sample.yaml");
    assertThat(tosca.path("topology_template").path("inputs").size()).isPositive();
    Answer created = post("/v1.0/vnffgds", cliBody(unique("param"), "mine", tosca));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body().path("vnffgd").path("description").asText()).isEqualTo("mine");
    VnffgdEntity entity = catalogue.find(created.body().path("vnffgd").path("id").asText());
    Map<String, Object> values =
        YAML.readValue(
            samplesDir().resolve("vnffg-param-file.yaml").toFile(),
            new com.fasterxml.jackson.core.type.TypeReference<>() {});
    assertThat(catalogue.descriptor(entity, values).paths()).hasSize(1);
  }

  @Test
  void templateShowFindsAnObjectUnderTemplateVnffgd() throws Exception {
    JsonNode tosca = sample("tosca-vnffgd-sample.yaml");
    String id = onboardVnffgd(unique("show"), tosca);
    JsonNode template = get("/v1.0/vnffgds/" + id).body().path("vnffgd").path("template");
    assertThat(template.isObject()).isTrue();
    assertThat(template.path("vnffgd").isObject()).isTrue();
    assertThat(template.path("vnffgd").path("topology_template").path("groups").has("VNFFG1"))
        .isTrue();
    Answer fields = get("/v1.0/vnffgds/" + id + "?fields=id&fields=name");
    assertThat(fieldNames(fields.body().path("vnffgd"))).containsExactly("id", "name");
  }

  @Test
  void theNameAndDescriptionMayComeFromTheTemplate() throws Exception {
    ObjectNode tosca = (ObjectNode) sample("tosca-vnffgd-sample.yaml");
    String templateName = unique("from-metadata");
    tosca.putObject("metadata").put("template_name", templateName);
    tosca.remove("description");
    Answer created = post("/v1.0/vnffgds", cliBody("", "", tosca));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body().path("vnffgd").path("name").asText()).isEqualTo(templateName);
    assertThat(created.body().path("vnffgd").path("description").isTextual())
        .as("a string even when nobody gave one")
        .isTrue();
    assertThat(created.body().path("vnffgd").path("description").asText()).isEmpty();

    Answer duplicate = post("/v1.0/vnffgds", cliBody(templateName, null, tosca));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.error().path("type").asText()).isEqualTo("DuplicateResourceName");

    ObjectNode nameless = (ObjectNode) sample("tosca-vnffgd-sample.yaml");
    Answer noName = post("/v1.0/vnffgds", cliBody("", null, nameless));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.error().path("message").asText()).contains("vnffgd.name");
  }

  @Test
  void listsFilterOnTemplateSourceAndEveryItemHasTheSameKeys() throws Exception {
    JsonNode tosca = sample("tosca-vnffgd-no-classifier-sample.yaml");
    String onboarded = onboardVnffgd(unique("listed"), tosca);
    String vnffgName = unique("chain");
    VnffgdEntity inline = catalogue.createInline(vnffgName, tosca, null);
    assertThat(inline.getName()).matches("inline-[a-z0-9]{16}-" + vnffgName);
    assertThat(inline.getTemplateSource()).isEqualTo("inline");

    assertThat(ids("/v1.0/vnffgds")).contains(onboarded, inline.getId());
    assertThat(ids("/v1.0/vnffgds?template_source=all")).contains(onboarded, inline.getId());
    assertThat(ids("/v1.0/vnffgds?template_source=onboarded"))
        .as("what tacker vnffgd-list asks for")
        .contains(onboarded)
        .doesNotContain(inline.getId());
    assertThat(ids("/v1.0/vnffgds?template_source=inline"))
        .contains(inline.getId())
        .doesNotContain(onboarded);
    for (JsonNode item : get("/v1.0/vnffgds").body().path("vnffgds")) {
      assertThat(fieldNames(item)).as(item.path("name").asText()).containsExactlyElementsOf(KEYS);
      assertThat(item.path("description").isTextual()).isTrue();
    }
    Answer byName = get("/v1.0/vnffgds?name=" + inline.getName() + "&fields=id");
    assertThat(byName.body().path("vnffgds").toString())
        .as("how the client resolves a name")
        .isEqualTo("[{\"id\":\"" + inline.getId() + "\"}]");

    catalogue.deleteIfInlineAndUnused(onboarded);
    assertThat(get("/v1.0/vnffgds/" + onboarded).status()).as("not inline: kept").isEqualTo(200);
    catalogue.deleteIfInlineAndUnused(inline.getId());
    assertThat(get("/v1.0/vnffgds/" + inline.getId()).status()).isEqualTo(404);
  }

  @Test
  void anInvalidTemplateIsA400ListingEveryProblem() throws Exception {
    String yaml =
        Files.readString(samplesDir().resolve("tosca-vnffgd-sample.yaml"))
            .replace("ip_proto: 6", "ip_proto: 6\n                colour: red")
            .replace("capability: CP22", "capability: CP22\n            no_such_key: 1")
            .replace("constituent_vnfs: [VNFD1,VNFD2]", "constituent_vnfs: [VNFD1]");
    String name = unique("broken");
    Answer a = post("/v1.0/vnffgds", cliBody(name, null, YAML.readTree(yaml)));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.error().path("type").asText()).isEqualTo("ToscaParserFailed");
    assertThat(a.error().path("message").asText())
        .startsWith("Invalid VNFFG descriptor: ")
        .contains("problems: (1) ")
        .contains("(2) ")
        .contains("colour")
        .contains("no_such_key");
    assertThat(get("/v1.0/vnffgds?name=" + name).body().path("vnffgds").size()).isZero();

    Answer notAVnffgd =
        post("/v1.0/vnffgds", cliBody(unique("vnfd"), null, YAML.readTree(containerVnfd("x"))));
    assertThat(notAVnffgd.status()).isEqualTo(400);
    assertThat(notAVnffgd.error().path("message").asText()).startsWith("Invalid VNFFG descriptor");
  }

  @Test
  void aMissingTemplateIsA400NamingTheField() throws Exception {
    Answer noFile = post("/v1.0/vnffgds", "{\"vnffgd\": {\"name\": \"nofile\"}}");
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.error().path("type").asText()).isEqualTo("VnffgdInvalidTemplate");
    assertThat(noFile.error().path("message").asText()).contains("vnffgd.template.vnffgd");
    Answer emptyTemplate =
        post("/v1.0/vnffgds", "{\"vnffgd\": {\"name\": \"x\", \"template\": {}}}");
    assertThat(emptyTemplate.status()).isEqualTo(400);
    assertThat(emptyTemplate.error().path("message").asText()).contains("vnffgd.template.vnffgd");
    Answer notAnObject =
        post("/v1.0/vnffgds", "{\"vnffgd\": {\"name\": \"x\", \"template\": {\"vnffgd\": 3}}}");
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.error().path("message").asText()).contains("vnffgd.template.vnffgd");
    Answer noEnvelope = post("/v1.0/vnffgds", "{\"vnfd\": {}}");
    assertThat(noEnvelope.status()).isEqualTo(400);
    assertThat(noEnvelope.error().path("message").asText()).contains("vnffgd");
  }

  @Test
  void deleteRemovesItWithEvents() throws Exception {
    String id = onboardVnffgd(unique("gone"), sample("tosca-vnffgd-sample.yaml"));
    assertThat(delete("/v1.0/vnffgds/" + id).status()).isEqualTo(204);
    Answer missing = get("/v1.0/vnffgds/" + id);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.error().path("type").asText()).isEqualTo("VnffgdNotFound");
    assertThat(delete("/v1.0/vnffgds/" + id).status()).isEqualTo(404);
    JsonNode events = get("/v1.0/events?resource_id=" + id).body().path("events");
    assertThat(events.findValuesAsText("resource_type")).containsOnly("vnffgd");
    assertThat(events.findValuesAsText("event_type")).containsExactly("CREATE", "DELETE");
  }

  @Test
  void aVnffgdInUseIsNotDeleted() throws Exception {
    String id = onboardVnffgd(unique("used"), sample("tosca-vnffgd-sample.yaml"));
    users.using.put(id, List.of("'chain-a' (id-a)", "'chain-b' (id-b)"));
    try {
      Answer refused = delete("/v1.0/vnffgds/" + id);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.error().path("type").asText()).isEqualTo("VnffgdInUse");
      assertThat(refused.error().path("message").asText()).contains("chain-a").contains("chain-b");
      VnffgdEntity inline =
          catalogue.createInline(unique("c"), sample("tosca-vnffgd-sample.yaml"), null);
      users.using.put(inline.getId(), List.of("'c'"));
      catalogue.deleteIfInlineAndUnused(inline.getId());
      assertThat(get("/v1.0/vnffgds/" + inline.getId()).status()).as("still used").isEqualTo(200);
    } finally {
      users.using.remove(id);
    }
    assertThat(delete("/v1.0/vnffgds/" + id).status()).isEqualTo(204);
  }

  @Test
  void anInvalidInlineTemplateNamesTheVnffgField() throws Exception {
    JsonNode broken = YAML.readTree("topology_template: {node_templates: {}}");
    Executable create = () -> catalogue.createInline(unique("c"), broken, null);
    TackerException e =
        org.junit.jupiter.api.Assertions.assertThrows(TackerException.class, create);
    assertThat(e.status().value()).isEqualTo(400);
    assertThat(e.getMessage()).startsWith("Invalid VNFFG descriptor in 'vnffg.vnffgd_template'");
    TackerException text =
        org.junit.jupiter.api.Assertions.assertThrows(
            TackerException.class,
            () -> catalogue.createInline(unique("c"), JSON.getNodeFactory().textNode("[1"), null));
    assertThat(text.getMessage()).contains("vnffg.vnffgd_template");
  }

  private String onboardVnffgd(String name, JsonNode tosca) throws Exception {
    Answer a = post("/v1.0/vnffgds", cliBody(name, null, tosca));
    if (a.status() != 201) {
      throw new AssertionError("VNFFGD onboarding failed: " + a);
    }
    return a.body().path("vnffgd").path("id").asText();
  }

  /** What {@code tacker vnffgd-create --vnffgd-file F [--description D] NAME} sends. */
  private static String cliBody(String name, String description, JsonNode tosca) throws Exception {
    ObjectNode vnffgd = JSON.createObjectNode();
    vnffgd.putObject("template").set("vnffgd", tosca);
    vnffgd.put("name", name);
    if (description != null) {
      vnffgd.put("description", description);
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("vnffgd", vnffgd);
    return JSON.writeValueAsString(body);
  }

  private List<String> ids(String path) throws Exception {
    return get(path).body().path("vnffgds").findValuesAsText("id");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode sample(String file) throws IOException {
    return YAML.readTree(samplesDir().resolve(file).toFile());
  }

  /** Tacker's VNFFGD samples (not the VNFDs and parameter file beside them). */
  private static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(samplesDir())) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("tosca-vnffgd-"))
          .sorted()
          .toList();
    }
  }

  /** The repository's copy of Tacker's corpus, found by walking up from the working directory. */
  private static Path samplesDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate =
          dir.resolve("tosca/src/test/resources/tacker-8.0.0/samples/tosca-templates/vnffgd");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("Tacker's VNFFGD samples not found");
  }
}
