package io.nfvflow.engine.api;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import io.nfvflow.engine.vim.VimRegistry;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Mockito;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * API tests of chains (VNFFGs, and NSs with VNFFGs): the networking-sfc steps are mocks (the real
 * ones run against the OpenStack sandbox in the ITs); every VIM's Neutron is itself; a port chain
 * step records the chain's id as the real one does.
 */
abstract class ChainApiTestSupport extends ApiTestSupport {

  @MockitoBean(name = "applyFlowClassifiersDelegate")
  JavaDelegate applyFlowClassifiers;

  @MockitoBean(name = "applyPortPairsDelegate")
  JavaDelegate applyPortPairs;

  @MockitoBean io.nfvflow.vim.openstack.ApplyPortPairGroupsDelegate applyPortPairGroups;

  @MockitoBean(name = "applyPortChainsDelegate")
  JavaDelegate applyPortChains;

  @MockitoBean io.nfvflow.vim.openstack.PruneChainDelegate pruneChain;

  @MockitoBean(name = "deletePortChainsDelegate")
  JavaDelegate deletePortChains;

  @MockitoBean(name = "deletePortPairGroupsDelegate")
  JavaDelegate deletePortPairGroups;

  @MockitoBean(name = "deletePortPairsDelegate")
  JavaDelegate deletePortPairs;

  @MockitoBean(name = "deleteFlowClassifiersDelegate")
  JavaDelegate deleteFlowClassifiers;

  @MockitoSpyBean VimRegistry vims;

  @org.springframework.beans.factory.annotation.Autowired io.nfvflow.chain.ChainInventory chains;

  String vim;

  @BeforeEach
  void vim() throws Exception {
    vim = registerVim(unique("vim"), "good", false);
    doAnswer(inv -> Optional.of(inv.getArgument(0, String.class)))
        .when(vims)
        .neutronOf(anyString());
    doAnswer(
            inv -> {
              recordGroupsAsTheStepDoes(inv);
              return null;
            })
        .when(applyPortPairGroups)
        .execute(Mockito.any());
    // what the real step does besides Neutron: the port chain's id and chain_id are recorded
    doAnswer(
            inv -> {
              String id =
                  io.nfvflow.chain.ChainVariables.vnffgId(
                      inv.getArgument(0, org.camunda.bpm.engine.delegate.DelegateExecution.class));
              chains
                  .plan(id)
                  .paths()
                  .forEach(
                      p ->
                          chains.recordRealised(
                              id,
                              new io.nfvflow.chain.Realised(
                                  io.nfvflow.chain.Realised.Kind.PORT_CHAIN,
                                  p.nfpId(),
                                  "pc-" + p.nfpId(),
                                  p.pathId())));
              return null;
            })
        .when(applyPortChains)
        .execute(Mockito.any());
  }

  /**
   * What the real port pair group step does besides Neutron: the plan its groups now hold is
   * recorded.
   *
   * @param step the mocked step's {@code execute(execution)} call
   * @return the plan recorded
   */
  io.nfvflow.chain.ChainPlan recordGroupsAsTheStepDoes(
      org.mockito.invocation.InvocationOnMock step) {
    io.nfvflow.chain.ChainPlan plan =
        chains.plan(
            io.nfvflow.chain.ChainVariables.vnffgId(
                step.getArgument(0, org.camunda.bpm.engine.delegate.DelegateExecution.class)));
    chains.recordGroups(plan);
    return plan;
  }
}
