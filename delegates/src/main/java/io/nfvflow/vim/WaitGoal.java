package io.nfvflow.vim;

/** What the reusable wait ({@code vnf-wait}) waits for. */
public enum WaitGoal {
  /** Every VIM object of the VNF matches its desired state and is ready. */
  READY,
  /** Every VIM object of the VNF is gone. */
  GONE
}
