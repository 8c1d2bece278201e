package io.autodial.node.agent;

import java.time.Instant;

/** What an Agent asks of Call entities: its own leg, hanging up, and the disposition of a call. */
public interface AgentCalls {
  void dialAgentLeg(String legUuid, String agentId);

  void hangup(String callUuid);

  void recordDisposition(String callUuid, String agentId, String code, String notes, Instant callbackAt, boolean dnc);
}
