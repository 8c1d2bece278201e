package io.autodial.http.agents;

/**
 * How an agent's dial of a lead went: DIALED with the call's uuid, or why not. NOT_FOUND: no such
 * lead or agent; INVALID: the lead is not in the agent's campaign; CONFLICT: the lead is being
 * dialed or is not dialable, or the agent cannot take a call now; FAILED: try again.
 */
public record LeadDialOutcome(Kind kind, String callUuid, long leadId, String message) {
  public enum Kind {
    DIALED,
    NOT_FOUND,
    INVALID,
    CONFLICT,
    FAILED
  }
}
