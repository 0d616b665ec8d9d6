package io.nfvflow.engine.vnffg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vnf.VnfDescriptors;
import io.nfvflow.engine.vnf.VnfEntity;
import io.nfvflow.engine.vnf.VnfRepository;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.engine.vnfd.VnfdEntity;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.ToscaParser;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import io.nfvflow.tosca.vnffg.VnffgdParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules a VNFFG request is checked against that need VM VNFs (the API tests' VIM runs only
 * containers): port security on a chained VM port, VNFs whose ports are in different Neutrons.
 */
class VnffgChecksTest {

  private final VnfRepository vnfs = mock(VnfRepository.class);
  private final VnfDescriptors descriptors = mock(VnfDescriptors.class);
  private final VnfdCatalogue vnfds = mock(VnfdCatalogue.class);
  private final VimRegistry vims = mock(VimRegistry.class);
  private final VnffgRepository vnffgs = mock(VnffgRepository.class);
  private final NfpRepository nfps = mock(NfpRepository.class);
  private final VnffgChecks checks =
      new VnffgChecks(vnfs, descriptors, vnfds, vims, vnffgs, nfps, mock(VnffgDescriptors.class));

  private static String vmVnfd(String cp, String antiSpoofing) {
    return """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        description: VM
        topology_template:
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties: {image: cirros, flavor: m1.tiny}
            %s:
              type: tosca.nodes.nfv.CP.Tacker
              properties: {%s}
              requirements:
                - virtualLink: {node: VL1}
                - virtualBinding: {node: VDU1}
            VL1:
              type: tosca.nodes.nfv.VL
              properties: {network_name: net0, vendor: Tacker}
        """
        .formatted(cp, antiSpoofing);
  }

  private static final VnffgDescriptor VNFFGD =
      new VnffgdParser()
          .parse(
              """
              tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
              topology_template:
                node_templates:
                  FP1:
                    type: tosca.nodes.nfv.FP.TackerV2
                    properties:
                      path:
                        - {forwarder: VNFD1, capability: CP11}
                        - {forwarder: VNFD2, capability: CP21}
                groups:
                  G1:
                    type: tosca.groups.nfv.VNFFG
                    properties: {vendor: t, version: 1.0, number_of_endpoints: 2,
                      dependent_virtual_link: [VL1, VL1], connection_point: [CP11, CP21],
                      constituent_vnfs: [VNFD1, VNFD2]}
                    members: [FP1]
              """,
              Map.of());

  @BeforeEach
  void inventory() {
    when(vnffgs.findAll()).thenReturn(List.of());
  }

  private void vnf(String id, String vnfd, String vim, String yaml) {
    VnfEntity vnf = mock(VnfEntity.class);
    when(vnf.id()).thenReturn(id);
    when(vnf.name()).thenReturn(id);
    when(vnf.vnfdId()).thenReturn(vnfd + "-id");
    when(vnf.vimId()).thenReturn(vim);
    when(vnf.status()).thenReturn(VnfStatus.ACTIVE);
    when(vnfs.findById(id)).thenReturn(Optional.of(vnf));
    VnfdEntity entity = mock(VnfdEntity.class);
    when(entity.getName()).thenReturn(vnfd);
    when(vnfds.find(vnfd + "-id")).thenReturn(entity);
    when(descriptors.of(vnf)).thenReturn(new ToscaParser().parse(yaml, Map.of()));
  }

  @Test
  void aChainedVmPortWithPortSecurityIsRefusedNamingVnfAndCp() {
    vnf("vm1", "VNFD1", "os", vmVnfd("CP11", "anti_spoofing_protection: false"));
    vnf("vm2", "VNFD2", "os", vmVnfd("CP21", "management: true"));
    when(vims.neutronOf("os")).thenReturn(Optional.of("os"));

    TackerException e =
        catchThrowableOfType(
            TackerException.class,
            () -> checks.resolve(null, VNFFGD, Map.of("VNFD1", "vm1", "VNFD2", "vm2"), false));

    assertThat(e.status().value()).isEqualTo(400);
    assertThat(e.getMessage())
        .contains("connection point CP21 of VNF vm2 has port security on")
        .contains("anti_spoofing_protection: false")
        .doesNotContain("CP11");
  }

  @Test
  void portsInDifferentNeutronsAreAConflictNamingTheVnfs() {
    vnf("vm1", "VNFD1", "os1", vmVnfd("CP11", "anti_spoofing_protection: false"));
    vnf("vm2", "VNFD2", "k8s", vmVnfd("CP21", "anti_spoofing_protection: false"));
    when(vims.neutronOf("os1")).thenReturn(Optional.of("os1"));
    when(vims.neutronOf("k8s")).thenReturn(Optional.of("os2"));

    TackerException e =
        catchThrowableOfType(
            TackerException.class,
            () -> checks.resolve(null, VNFFGD, Map.of("VNFD1", "vm1", "VNFD2", "vm2"), false));

    assertThat(e.status().value()).isEqualTo(409);
    assertThat(e.getMessage())
        .contains("different Neutrons")
        .contains("vm1 in VIM os1")
        .contains("vm2 in VIM os2");
  }

  @Test
  void aVimWithoutNeutronIsAConflictNamingIt() {
    vnf("vm1", "VNFD1", "os", vmVnfd("CP11", "anti_spoofing_protection: false"));
    vnf("cnf", "VNFD2", "k8s", vmVnfd("CP21", "anti_spoofing_protection: false"));
    when(vims.neutronOf("os")).thenReturn(Optional.of("os"));
    when(vims.neutronOf("k8s")).thenReturn(Optional.empty());

    TackerException e =
        catchThrowableOfType(
            TackerException.class,
            () -> checks.resolve(null, VNFFGD, Map.of("VNFD1", "vm1", "VNFD2", "cnf"), false));

    assertThat(e.status().value()).isEqualTo(409);
    assertThat(e.getMessage())
        .contains("VIM k8s, which names no Neutron")
        .contains("neutron_vim_id");
  }

  @Test
  void aResolvedMappingNamesTheNeutronAndTheVnfs() {
    vnf("vm1", "VNFD1", "os", vmVnfd("CP11", "anti_spoofing_protection: false"));
    vnf("vm2", "VNFD2", "os", vmVnfd("CP21", "anti_spoofing_protection: false"));
    when(vims.neutronOf("os")).thenReturn(Optional.of("os"));

    VnffgChecks.Resolved r =
        checks.resolve(null, VNFFGD, Map.of("VNFD1", "vm1", "VNFD2", "vm2"), false);

    assertThat(r.neutronVimId()).isEqualTo("os");
    assertThat(r.mapping()).containsEntry("VNFD1", "vm1").containsEntry("VNFD2", "vm2");
  }
}
