package io.autodial.node.leads;

/** How one dial attempt for a lead ended, as the dialer reports it to {@link LeadRepository}. */
public enum CallOutcome {
  /** A live person answered. */
  ANSWERED,
  BUSY,
  NO_ANSWER,
  /** The called party or the network declined the call. */
  REJECTED,
  /** The number could not be reached (network, unallocated route, switched off). */
  UNREACHABLE,
  /** An answering machine answered. */
  MACHINE,
  /** A person answered but no agent took the call in time (abandoned). */
  DROPPED,
  /** Any other switch failure. */
  FAILED
}
