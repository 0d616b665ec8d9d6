package io.nfvflow.engine.vnffgd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VnffgdPlaceholdersTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void eachInputWithoutADefaultGetsADistinctValueFittingWhatItFeeds() throws Exception {
    Map<String, Object> values =
        new VnffgdPlaceholders(
                tree(
                    """
                    topology_template:
                      inputs:
                        src: {type: string}
                        other_src: {type: string}
                        range: {type: string}
                        prefix: {type: string}
                        proto: {type: integer}
                        path_id: {type: integer}
                        given: {type: string, default: x}
                        unused: {type: boolean}
                      node_templates:
                        FP1:
                          properties:
                            id: {get_input: path_id}
                            policy:
                              criteria:
                                - name: a
                                  classifier:
                                    network_src_port_id: {get_input: src}
                                    destination_port_range: {get_input: range}
                                    ip_dst_prefix: {get_input: prefix}
                                    ip_proto: {get_input: proto}
                                - name: b
                                  classifier:
                                    network_src_port_id: {get_input: other_src}
                                    ip_src_prefix: {get_input: given}
                    """))
            .values();
    assertThat(values)
        .containsOnlyKeys("src", "other_src", "range", "prefix", "proto", "path_id", "unused");
    assertThat((String) values.get("src"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        .isNotEqualTo(values.get("other_src"));
    assertThat((String) values.get("range")).matches("\\d+-\\d+");
    assertThat((String) values.get("prefix")).matches("192\\.0\\.2\\.\\d+/32");
    assertThat(values.get("proto")).isEqualTo(6);
    assertThat(values.get("path_id")).isInstanceOf(Integer.class);
    assertThat(values.get("unused")).isEqualTo(true);
  }

  @Test
  void aTemplateWithoutInputsNeedsNone() throws Exception {
    assertThat(new VnffgdPlaceholders(tree("topology_template: {node_templates: {}}")).values())
        .isEmpty();
    assertThat(new VnffgdPlaceholders(tree("description: x")).values()).isEmpty();
  }

  private static Map<String, Object> tree(String yaml) throws Exception {
    return YAML.readValue(yaml, new TypeReference<>() {});
  }
}
