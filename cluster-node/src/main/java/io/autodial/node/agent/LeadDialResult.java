package io.autodial.node.agent;

import io.autodial.protocol.CborSerializable;

/**
 * How an agent's dial of a lead by id went: {@code callUuid} of the call placed, or the {@code
 * problem} and a message that says what to do.
 */
public record LeadDialResult(String callUuid, Problem problem, String message) implements CborSerializable {

  public enum Problem {
    /** No lead has that id. */
    NO_SUCH_LEAD,
    /** The lead is not in a leadset of the agent's campaign. */
    NOT_IN_CAMPAIGN,
    /** The lead is being dialed, or is final (answered, failed, DNC, invalid). */
    NOT_DIALABLE,
    /** A compliance rule (DNC, consent, calling hours, attempt limits) blocks the dial; the message names it. */
    BLOCKED_BY_COMPLIANCE,
    /** The agent cannot take a call now (on a call, no phone leg, another campaign). */
    AGENT_BUSY,
    /** Something else went wrong (the campaign is missing, the store failed). */
    FAILED
  }

  public static LeadDialResult dialed(String callUuid) {
    return new LeadDialResult(callUuid, null, "dialing");
  }

  public static LeadDialResult refused(Problem problem, String message) {
    return new LeadDialResult(null, problem, message);
  }

  public boolean ok() {
    return problem == null;
  }
}
