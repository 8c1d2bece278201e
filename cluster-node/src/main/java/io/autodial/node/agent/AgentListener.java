package io.autodial.node.agent;

/** Who an Agent tells when it can or cannot take a call: its campaign's dialer. */
public interface AgentListener {
  /** Ready, with its own leg parked on {@code switchId}; idle since {@code readySinceMillis}. */
  void available(String agentId, String campaignId, long readySinceMillis, String legUuid, String switchId);

  void unavailable(String agentId, String campaignId);

  AgentListener NONE =
      new AgentListener() {
        @Override
        public void available(String agentId, String campaignId, long readySinceMillis, String legUuid, String switchId) {}

        @Override
        public void unavailable(String agentId, String campaignId) {}
      };
}
