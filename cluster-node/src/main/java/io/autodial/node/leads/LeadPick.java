package io.autodial.node.leads;

/** The result of reserving one lead by id (an agent's manual dial). */
public sealed interface LeadPick {
  record Reserved(ReservedLead lead) implements LeadPick {}

  record NoSuchLead() implements LeadPick {}

  record NotInLeadsets() implements LeadPick {}

  /** Being dialed ({@code reserved}), or in a status that is not dialed. */
  record NotDialable(LeadStatus status, boolean reserved) implements LeadPick {}
}
