package io.nfvflow.ns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NS steps in and out: the port called with the loopCounter, the member's LOCAL variables. */
class NsStepsTest {

  NsMembers members = mock(NsMembers.class);
  DelegateExecution execution = mock(DelegateExecution.class);

  @BeforeEach
  void aMemberOfNs1() {
    when(execution.getVariable(NsVariables.NS_ID)).thenReturn("ns-1");
    when(execution.getVariable(NsVariables.LOOP_COUNTER)).thenReturn(1);
  }

  @Test
  void aStartSetsTheMembersLocalVariablesAndSaysWhatItDid() {
    when(members.startVnf("ns-1", 1))
        .thenReturn(new NsMembers.Started("vnf-2", "VNF2 (ns1_VNF2)", true));

    new StartNsVnfDelegate(members).execute(execution);

    verify(execution).setVariableLocal(NsVariables.MEMBER_ID, "vnf-2");
    verify(execution).setVariableLocal(NsVariables.MEMBER_NAME, "VNF2 (ns1_VNF2)");
    verify(execution).setVariableLocal(NsVariables.MEMBER_AWAITED, true);
    verify(execution, never()).setVariable(NsVariables.MEMBER_ID, "vnf-2");
    verify(members).event("ns-1", "VNF VNF2 (ns1_VNF2) instantiate started");
  }

  @Test
  void aDeleteOfAMemberThatIsGoneIsNotAwaited() {
    when(members.deleteVnffg("ns-1", 1))
        .thenReturn(new NsMembers.Started(null, "Forwarding2 (ns1_Forwarding2)", false));

    new DeleteNsVnffgDelegate(members).execute(execution);

    verify(execution).setVariableLocal(NsVariables.MEMBER_ID, null);
    verify(execution).setVariableLocal(NsVariables.MEMBER_AWAITED, false);
    verify(members)
        .event("ns-1", "VNFFG Forwarding2 (ns1_Forwarding2) delete not needed (no such member)");
  }

  /** An end nobody could correlate (no id) would be waited for forever. */
  @Test
  void anAwaitedStartWithoutIdIsNotAwaited() {
    when(members.startVnffg("ns-1", 1)).thenReturn(new NsMembers.Started(null, null, true));

    new StartNsVnffgDelegate(members).execute(execution);

    verify(execution).setVariableLocal(NsVariables.MEMBER_AWAITED, false);
    verify(execution).setVariableLocal(NsVariables.MEMBER_NAME, "#2");
  }

  @Test
  void aMemberThatCannotBeDeletedIsTheBpmnErrorWithTheReason() {
    when(members.deleteVnf("ns-1", 1)).thenThrow(new NsMemberException("VIM os-1 is gone"));

    assertThatThrownBy(() -> new DeleteNsVnfDelegate(members).execute(execution))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("NS_MEMBER_FAILED");
              assertThat(e.getMessage()).isEqualTo("VIM os-1 is gone");
            });
    verify(execution, never()).setVariableLocal(NsVariables.MEMBER_ID, null);
  }

  @Test
  void aStepOutsideAMultiInstanceActivityIsAModellingError() {
    when(execution.getVariable(NsVariables.LOOP_COUNTER)).thenReturn(null);

    assertThatThrownBy(() -> new StartNsVnfDelegate(members).execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loopCounter");
  }

  @Test
  void checksJoinWhatTheyFind() {
    when(members.vnfFailures("ns-1"))
        .thenReturn(List.of("VNF VNF1 (ns1_VNF1) failed: a", "VNF VNF2 (ns1_VNF2) failed: b"));
    when(members.leftovers("ns-1")).thenReturn(List.of("VNF VNF1 (ns1_VNF1) is ERROR: c"));
    when(members.vnffgFailures("ns-1")).thenReturn(List.of());

    assertThatThrownBy(() -> new CheckNsVnfsDelegate(members).execute(execution))
        .isInstanceOf(BpmnError.class)
        .hasMessage("VNF VNF1 (ns1_VNF1) failed: a; VNF VNF2 (ns1_VNF2) failed: b");
    assertThatThrownBy(() -> new CheckNsRemovedDelegate(members).execute(execution))
        .isInstanceOf(BpmnError.class)
        .hasMessage("members left after removal: VNF VNF1 (ns1_VNF1) is ERROR: c");
    new CheckNsVnffgsDelegate(members).execute(execution);
  }
}
