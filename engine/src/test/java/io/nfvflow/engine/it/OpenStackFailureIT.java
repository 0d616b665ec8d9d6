package io.nfvflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.engine.it.OpenStackCloud.Credentials;
import io.nfvflow.engine.it.OpenStackCloud.TestNetwork;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failure paths against the real OpenStack sandbox: a flavor Nova does not have, a wrong password,
 * a Keystone that is not there.
 */
class OpenStackFailureIT extends OpenStackTestBase {

  private static final String MISSING_FLAVOR = "m1.nope";

  @Test
  void unknownFlavorFailsTheVnfAndLeavesNothing() {
    Credentials demo = cloud.demo();
    TestNetwork mgmt = network("it-fail-mgmt", demo);
    TestNetwork data = network("it-fail-data", demo);
    String vimId = registerCloudVim(unique("it-os-vim"), demo, false).path("id").asText();
    String vnfdId =
        onboardVnfd(
            unique("it-os-vnfd-noflavor"),
            descriptor(
                "vnfd-openstack-scaled.yaml",
                Map.of(
                    "IMAGE",
                    IMAGE,
                    "FLAVOR",
                    MISSING_FLAVOR,
                    "MGMT_NET",
                    mgmt.name(),
                    "DATA_NET",
                    data.name())));

    String vnfId = createOpenStackVnf(unique("it-os-vnf-noflavor"), vnfdId, vimId, demo);
    JsonNode vnf = awaitOpenStackVnfSettled(vnfId);
    assertThat(vnf.path("status").asText())
        .as(
            "status of a VNF whose flavor does not exist (error_reason: %s)",
            vnf.path("error_reason"))
        .isEqualTo("ERROR");
    assertThat(vnf.path("error_reason").asText())
        .as("error_reason: Heat's or Nova's reason, naming the flavor")
        .contains(MISSING_FLAVOR);

    // the failed instantiation left nothing: no stack nfvflow-<id>, no port on the networks
    assertNothingLeftInCloud(demo, vnfId, List.of(), mgmt, data);
    assertThat(field(eventsOf(vnfId), "resource_state")).as("event states").contains("ERROR");

    // an ERROR VNF can be deleted
    deleteOpenStackVnfAndAwaitGone(vnfId);
    assertNothingLeftInCloud(demo, vnfId, List.of(), mgmt, data);
  }

  @Test
  void wrongPasswordIsRefusedAndNothingIsRegistered() {
    String name = unique("it-os-vim-badpw");
    String badPassword = "it-bad-password-" + UUID.randomUUID();
    TackerApi.Response refused = registerOpenStackVim(name, cloud.demo(), badPassword, false);

    Secrets.assertAbsent(refused.raw(), badPassword, "the answer to a refused VIM registration");
    assertThat(refused.status())
        .as("register VIM with a wrong password: %s", refused.status())
        .isEqualTo(400);
    assertThat(refused.text("/TackerError/type"))
        .as("TackerError.type in %s", refused)
        .isNotBlank();
    assertThat(refused.text("/TackerError/message"))
        .as("TackerError.message in %s", refused)
        .isNotBlank();
    assertNoVimNamed(name);
  }

  @Test
  void unreachableKeystoneIsRefusedOrRegisteredUnreachable() throws IOException {
    String name = unique("it-os-vim-closed");
    Credentials demo = cloud.demo();
    Credentials nowhere =
        new Credentials(
            "http://127.0.0.1:" + closedLoopbackPort() + "/v3",
            demo.username(),
            demo.password(),
            demo.userDomain(),
            demo.project(),
            demo.projectDomain(),
            demo.region());
    TackerApi.Response answer = registerOpenStackVim(name, nowhere, nowhere.password(), false);

    assertRefusedOrUnreachableAndRemovable(name, answer);
  }
}
